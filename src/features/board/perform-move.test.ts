// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { planMove } from '../../domain/apply-move'
import { sampleDetail, sampleIssue, status } from '../../domain/board-fixtures'
import { TrackerError, type TrackerAdapter } from '../../trackers/tracker'
import { describeMoveError, MoveNotAppliedError, performMove } from './perform-move'

function fakeTracker(over: Partial<TrackerAdapter>): TrackerAdapter {
  return over as TrackerAdapter
}

describe('performMove', () => {
  it('fails a move Redmine answered 204 to but did not apply', async () => {
    // Recorded: PUT /issues/1.json {status_id: 6} as jsmith -> 204; GET shows In Progress still.
    const updateIssue = vi.fn(async () => undefined)
    const getIssue = vi.fn(async () => sampleDetail('after_disallowed_status_1'))
    const move = planMove(sampleIssue(1), { status: status('Rejected') })!
    const err = await performMove(fakeTracker({ updateIssue, getIssue }), move).catch((e) => e)
    expect(updateIssue).toHaveBeenCalledWith(1, { statusId: 6 }, undefined)
    expect(err).toBeInstanceOf(MoveNotAppliedError)
    expect(describeMoveError(err)).toEqual({
      message:
        '#1 was not moved to Rejected: the tracker kept it in In Progress (the workflow does not allow this change for you).',
      retry: false,
    })
  })

  it('says so when the lane change stuck but the status did not', async () => {
    // Dropped into another assignee's lane and column; the tracker reassigned it, kept the status.
    const before = sampleIssue(7)
    const dave = { id: 3, name: 'Dave Lopper' }
    const move = planMove(before, {
      status: status('Resolved'),
      lane: { field: 'assignee', value: dave },
    })!
    const after = { ...sampleDetail('issue_full_7'), status: before.status, assignee: dave }
    const err = await performMove(
      fakeTracker({ updateIssue: async () => undefined, getIssue: async () => after }),
      move,
    ).catch((e) => e)
    expect(err).toBeInstanceOf(MoveNotAppliedError)
    expect((err as Error).message).toBe(
      `#7 was not moved to Resolved: the tracker kept it in ${before.status.name} (the workflow does not allow this change for you). Its assignee did change.`,
    )
  })

  it('succeeds when the re-read issue has the new status', async () => {
    const detail = { ...sampleDetail('issue_full_7'), status: status('In Progress') }
    const move = planMove(sampleIssue(7), { status: status('In Progress') })!
    await expect(
      performMove(
        fakeTracker({ updateIssue: async () => undefined, getIssue: async () => detail }),
        move,
      ),
    ).resolves.toBeUndefined()
  })

  it('describes tracker errors, offering Retry only where it can help', () => {
    const v = new TrackerError('validation', 'Invalid', {
      status: 422,
      messages: ['Priority cannot be blank'],
    })
    expect(describeMoveError(v)).toEqual({
      message: 'The tracker refused the change: Priority cannot be blank',
      retry: false,
    })
    expect(describeMoveError(new TrackerError('forbidden', 'x', { status: 403 })).retry).toBe(false)
    expect(describeMoveError(new TrackerError('network', 'offline')).retry).toBe(true)
  })
})
