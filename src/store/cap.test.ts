import { afterEach, describe, expect, it } from 'vitest'
import { issueCap, ISSUE_CAP_STORAGE_KEY } from './cap'

afterEach(() => localStorage.clear())

describe('issueCap', () => {
  it('is 10,000 unless configured', () => {
    expect(issueCap()).toBe(10_000)
    expect(issueCap({ loading: { concurrency: 2 } })).toBe(10_000)
  })

  it("takes the connection's cap from the server, and the browser's own setting over it", () => {
    expect(issueCap({ loading: { issueCap: 2_500 } })).toBe(2_500)
    localStorage.setItem(ISSUE_CAP_STORAGE_KEY, '50')
    expect(issueCap({ loading: { issueCap: 2_500 } })).toBe(50)
    localStorage.setItem(ISSUE_CAP_STORAGE_KEY, 'many')
    expect(issueCap({ loading: { issueCap: 2_500 } })).toBe(2_500)
  })
})
