import { describe, expect, it } from 'vitest'
import { makeIssue } from '../test/issue-factory'
import { groupIssues, sortIssues } from './issue-sort'

const ctx = {
  statusPosition: new Map([
    [1, 0],
    [2, 1],
    [5, 4],
  ]),
  priorityPosition: new Map([
    [1, 0],
    [2, 1],
    [3, 2],
  ]),
}
const a = makeIssue({
  id: 1,
  priority: { id: 3, name: 'High' },
  dueDate: '2026-05-01',
  estimatedHours: 2,
})
const b = makeIssue({
  id: 2,
  priority: { id: 1, name: 'Low' },
  dueDate: null,
  status: { id: 2, name: 'In Progress', isClosed: false },
})
const c = makeIssue({
  id: 3,
  priority: { id: 3, name: 'High' },
  dueDate: '2026-04-01',
  estimatedHours: 3,
  spentHours: 1,
})

describe('sortIssues', () => {
  it('sorts priorities by their order, not by name', () => {
    expect(
      sortIssues([a, b, c], [{ field: 'priority', desc: true }], ctx).map((i) => i.id),
    ).toEqual([3, 1, 2])
  })
  it('uses further keys for ties and keeps empty values last either way', () => {
    const keys = [
      { field: 'priority' as const, desc: true },
      { field: 'dueDate' as const, desc: false },
    ]
    expect(sortIssues([a, b, c], keys, ctx).map((i) => i.id)).toEqual([3, 1, 2])
    expect(sortIssues([a, b, c], [{ field: 'dueDate', desc: true }], ctx).map((i) => i.id)).toEqual(
      [1, 3, 2],
    )
    expect(
      sortIssues([a, b, c], [{ field: 'dueDate', desc: false }], ctx).map((i) => i.id),
    ).toEqual([3, 1, 2])
  })
})

describe('groupIssues', () => {
  it('groups with counts and hour totals, statuses in workflow order', () => {
    const groups = groupIssues([a, b, c], 'status', ctx)
    expect(groups.map((g) => [g.label, g.issues.length, g.estimatedHours, g.spentHours])).toEqual([
      ['New', 2, 5, 1],
      ['In Progress', 1, 0, 0],
    ])
  })
  it('puts issues without a value in their own group, last', () => {
    const groups = groupIssues(
      [a, makeIssue({ id: 9, assignee: { id: 5, name: 'John Smith' } })],
      'assignee',
      ctx,
    )
    expect(groups.map((g) => g.label)).toEqual(['John Smith', 'Unassigned'])
  })
})
