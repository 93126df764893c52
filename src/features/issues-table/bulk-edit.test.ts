// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { makeIssue } from '../../test/issue-factory'
import {
  TrackerError,
  type IssueDetail,
  type IssueId,
  type IssuePatch,
  type TrackerAdapter,
} from '../../trackers/tracker'
import { runBulkEdit, unappliedFields } from './bulk-edit'

const statuses = {
  1: { id: 1, name: 'New', isClosed: false },
  2: { id: 2, name: 'In Progress', isClosed: false },
  5: { id: 5, name: 'Closed', isClosed: true },
} as const

/**
 * Like Redmine 5: a forbidden status change answers 204 and keeps the old status (issue 3 here);
 * issue 4 is refused with a 422; every other patch is applied.
 */
function fakeTracker() {
  const stored = new Map<IssueId, IssueDetail>()
  for (const id of [1, 2, 3, 4, 5, 6]) stored.set(id, { ...makeIssue({ id }) } as IssueDetail)
  let inFlight = 0
  let maxInFlight = 0
  const t = {
    id: 'main',
    async updateIssue(id: IssueId, p: IssuePatch) {
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((r) => setTimeout(r, 5))
      inFlight -= 1
      if (id === 4)
        throw new TrackerError('validation', 'Assignee is invalid', {
          status: 422,
          messages: ['Assignee is invalid'],
        })
      const i = stored.get(id)!
      stored.set(id, {
        ...i,
        status: p.statusId && id !== 3 ? statuses[p.statusId as 1 | 2 | 5] : i.status,
        priority: p.priorityId ? { id: p.priorityId, name: `P${p.priorityId}` } : i.priority,
      })
    },
    async getIssue(id: IssueId) {
      return stored.get(id)!
    },
  } as unknown as TrackerAdapter
  return { t, stored, maxInFlight: () => maxInFlight }
}

describe('runBulkEdit', () => {
  it('applies the patch with bounded concurrency and reports each failure and why', async () => {
    const fake = fakeTracker()
    const progress: string[] = []
    const results = await runBulkEdit(
      fake.t,
      [1, 2, 3, 4, 5, 6],
      { statusId: 2, priorityId: 3 },
      { concurrency: 2, onProgress: (p) => progress.push(`${p.done}/${p.total}`) },
    )
    expect(fake.maxInFlight()).toBe(2)
    expect(progress.at(0)).toBe('0/6')
    expect(progress.at(-1)).toBe('6/6')
    expect(results.filter((r) => r.ok).map((r) => r.id)).toEqual([1, 2, 5, 6])
    const ignored = results.find((r) => r.id === 3)!
    expect(ignored.ok).toBe(false)
    expect(ignored.reason).toContain('status is still New')
    expect(ignored.issue?.priority.id).toBe(3) // the rest of the patch did apply
    expect(results.find((r) => r.id === 4)).toMatchObject({
      ok: false,
      reason: 'Assignee is invalid',
    })
    expect(results.find((r) => r.id === 1)?.issue?.status.name).toBe('In Progress')
  })

  it('stops starting new writes once aborted', async () => {
    const fake = fakeTracker()
    const ctl = new AbortController()
    const results = await runBulkEdit(
      fake.t,
      [1, 2, 3, 4, 5, 6],
      { priorityId: 4 },
      {
        concurrency: 1,
        signal: ctl.signal,
        onResult: () => ctl.abort(),
      },
    )
    expect(results.map((r) => r.id)).toEqual([1])
  })
})

describe('unappliedFields', () => {
  const after = makeIssue({ id: 1, assignee: { id: 5, name: 'John Smith' } })
  it('compares only what the patch asked for, including unassigning', () => {
    expect(unappliedFields({ assigneeId: 5, notes: 'x' }, after)).toEqual([])
    expect(unappliedFields({ assigneeId: null }, after)).toEqual(['assignee'])
    expect(unappliedFields({ statusId: 2, priorityId: 2 }, after)).toEqual(['status'])
  })
})
