import { describe, expect, it } from 'vitest'
import { makeIssue } from '../test/issue-factory'
import { mergeChanged, newestUpdate } from './delta-merge'

const open = (i: { status: { isClosed: boolean } }) => !i.status.isClosed

describe('mergeChanged', () => {
  const list = [makeIssue({ id: 3 }), makeIssue({ id: 2 }), makeIssue({ id: 1 })]

  it('replaces a changed issue in place', () => {
    const later = '2026-02-01T00:00:00Z'
    const next = mergeChanged(
      list,
      [makeIssue({ id: 2, subject: 'renamed', updatedOn: later })],
      open,
    )
    expect(next.map((i) => [i.id, i.subject])).toEqual([
      [3, 'Issue 3'],
      [2, 'renamed'],
      [1, 'Issue 1'],
    ])
  })
  it('adds new issues first and drops ones that left the scope', () => {
    const closed = makeIssue({ id: 1, status: { id: 5, name: 'Closed', isClosed: true } })
    const next = mergeChanged(list, [makeIssue({ id: 4 }), closed], open)
    expect(next.map((i) => i.id)).toEqual([4, 3, 2])
  })
  it('ignores a new issue outside the scope, and returns the same list when nothing changed', () => {
    const closed = makeIssue({ id: 9, status: { id: 5, name: 'Closed', isClosed: true } })
    expect(mergeChanged(list, [closed], open).map((i) => i.id)).toEqual([3, 2, 1])
    expect(mergeChanged(list, [], open)).toBe(list)
  })
  it('keeps the same list when the delta only repeats the newest known issue', () => {
    // Redmine's updated_on>= includes its bound: the last synced issue comes back each time.
    expect(mergeChanged(list, [makeIssue({ id: 3 })], open)).toBe(list)
  })
  it('finds the newest update', () => {
    expect(
      newestUpdate([makeIssue({ id: 1, updatedOn: '2026-01-02T00:00:00Z' }), makeIssue({ id: 2 })]),
    ).toBe('2026-01-02T00:00:00Z')
    expect(newestUpdate([])).toBeNull()
  })
})
