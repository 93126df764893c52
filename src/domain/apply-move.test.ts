// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  applyMove,
  movePatch,
  planMove,
  reverseMove,
  rollbackOf,
  unappliedFields,
} from './apply-move'
import { sampleDetail, sampleIssue, sampleIssues, status } from './board-fixtures'

describe('applyMove', () => {
  it('moves a card to another status and leaves the others untouched', () => {
    const issues = sampleIssues()
    const move = planMove(sampleIssue(7), { status: status('In Progress') })!
    const after = applyMove(issues, move)
    expect(after.find((i) => i.id === 7)!.status).toEqual(status('In Progress'))
    expect(after.filter((i) => i.id !== 7)).toEqual(issues.filter((i) => i.id !== 7))
    expect(issues.find((i) => i.id === 7)!.status.name).toBe('New')
  })

  it('rolls back by applying the reversed move', () => {
    const issues = sampleIssues()
    const move = planMove(sampleIssue(7), { status: status('Resolved') })!
    expect(applyMove(applyMove(issues, move), reverseMove(move))).toEqual(issues)
  })

  it('keeps a concurrent move of another card when one move rolls back', () => {
    const issues = sampleIssues()
    const a = planMove(sampleIssue(7), { status: status('In Progress') })!
    const b = planMove(sampleIssue(8), { status: status('Feedback') })!
    const both = applyMove(applyMove(issues, a), b)
    const aFailed = applyMove(both, reverseMove(a))
    expect(aFailed.find((i) => i.id === 7)!.status.name).toBe('New')
    expect(aFailed.find((i) => i.id === 8)!.status.name).toBe('Feedback')
  })

  it('chains ordered moves of one card: each is planned from the state the last one left', () => {
    const issues = sampleIssues()
    const first = planMove(
      issues.find((i) => i.id === 7)!,
      { status: status('In Progress') },
    )!
    const s1 = applyMove(issues, first)
    const second = planMove(
      s1.find((i) => i.id === 7)!,
      { status: status('Resolved') },
    )!
    expect(second.from.status!.name).toBe('In Progress')
    const s2 = applyMove(s1, second)
    expect(s2.find((i) => i.id === 7)!.status.name).toBe('Resolved')
    // The first fails: rolling it back restores the server's state, New.
    expect(applyMove(s2, reverseMove(first)).find((i) => i.id === 7)!.status.name).toBe('New')
  })

  it('changes the lane field when the card crosses swimlanes', () => {
    const jsmith = { id: 5, name: 'John Smith' }
    const move = planMove(sampleIssue(4), {
      status: status('In Progress'),
      lane: { field: 'assignee', value: jsmith },
    })!
    expect(move.from).toEqual({ status: status('Feedback'), assignee: null })
    expect(movePatch(move)).toEqual({ statusId: 2, assigneeId: 5 })
    const unassign = planMove(sampleIssue(7), {
      status: status('New'),
      lane: { field: 'assignee', value: null },
    })!
    expect(movePatch(unassign)).toEqual({ assigneeId: null })
  })

  it('plans nothing for a drop on the same column and lane', () => {
    expect(planMove(sampleIssue(1), { status: status('In Progress') })).toBeNull()
  })
})

describe('unappliedFields (verification after a 2xx)', () => {
  it('reports the status Redmine kept after a 204 to a forbidden change', () => {
    // #1 as jsmith (Developer): In Progress -> Rejected answered 204, status kept (samples).
    const move = planMove(sampleIssue(1), { status: status('Rejected') })!
    expect(unappliedFields(sampleDetail('after_disallowed_status_1'), move)).toEqual(['status'])
  })

  it('is empty when the tracker applied the change', () => {
    const move = planMove(sampleIssue(7), { status: status('In Progress') })!
    const after = applyMove(sampleIssues(), move).find((i) => i.id === 7)!
    expect(unappliedFields(after, move)).toEqual([])
  })
})

describe('rollbackOf', () => {
  it('undoes a chain of moves of one card back to the state before the first', () => {
    const issues = sampleIssues()
    const a = planMove(sampleIssue(4), { status: status('In Progress') })!
    const s1 = applyMove(issues, a)
    const b = planMove(
      s1.find((i) => i.id === 4)!,
      {
        status: status('Resolved'),
        lane: { field: 'assignee', value: { id: 5, name: 'John Smith' } },
      },
    )!
    const s2 = applyMove(s1, b)
    expect(applyMove(s2, rollbackOf([a, b]))).toEqual(issues)
    expect(applyMove(s2, rollbackOf([b])).find((i) => i.id === 4)).toEqual(
      s1.find((i) => i.id === 4),
    )
  })
})
