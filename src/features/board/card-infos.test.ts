// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { samplePriorities, sampleIssues, sampleStatuses } from '../../domain/board-fixtures'
import { cardInfoKeeper } from './card-infos'

describe('cardInfoKeeper', () => {
  const issues = sampleIssues()
  const priorities = samplePriorities()

  it('keeps the last map through a move, and makes a new one when a card shows something new', () => {
    const infos = cardInfoKeeper()
    const first = infos(issues, priorities, 'c')
    const closed = sampleStatuses().find((s) => s.isClosed)!
    const moved = issues.map((i, k) => (k === 0 ? { ...i, status: closed } : i))
    expect(infos(moved, priorities, 'c')).toBe(first)

    const reprioritized = moved.map((i, k) =>
      k === 0 ? { ...i, priority: priorities.find((p) => p.id !== i.priority.id)! } : i,
    )
    const next = infos(reprioritized, priorities, 'c')
    expect(next).not.toBe(first)
    expect(next.get(issues[0]!.id)!.color).not.toBe(first.get(issues[0]!.id)!.color)

    const withChild = [...reprioritized, { ...issues[1]!, id: 999, parent: { id: issues[0]!.id } }]
    expect(infos(withChild, priorities, 'c').get(issues[0]!.id)!.subtasks).toBe(
      next.get(issues[0]!.id)!.subtasks! + 1,
    )
  })
})
