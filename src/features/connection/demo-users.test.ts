import { describe, expect, it } from 'vitest'
import { shortRole } from './demo-users'

describe('shortRole', () => {
  it('keeps the first role without its project, capitalised', () => {
    expect(shortRole('Developer in demo, Manager in ops')).toBe('Developer')
    expect(shortRole('admin')).toBe('Admin')
    expect(shortRole('Reporter')).toBe('Reporter')
  })
})
