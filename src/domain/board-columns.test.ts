// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { boardBuilder, buildBoard } from './board-columns'
import { samplePriorities, sampleIssues, sampleStatuses } from './board-fixtures'
import { cardComparator } from './board-order'
import { wipBlocksDrop, wipState } from './board-wip'

const statuses = sampleStatuses()
const issues = sampleIssues()

describe('buildBoard', () => {
  it('makes one column per status in position order, with counts', () => {
    const b = buildBoard(issues, { statuses: [...statuses].reverse() })
    expect(b.columns.map((c) => c.status.name)).toEqual([
      'New',
      'In Progress',
      'Resolved',
      'Feedback',
      'Closed',
      'Rejected',
    ])
    expect(b.columns.map((c) => c.count)).toEqual([4, 2, 1, 1, 1, 1])
    expect(b.lanes).toHaveLength(1)
    expect(
      b.lanes[0]!.cells.get(1)!
        .map((i) => i.id)
        .sort(),
    ).toEqual([5, 6, 7, 8])
  })

  it('collapses closed statuses and hides empty ones on request', () => {
    const some = issues.filter((i) => i.status.name !== 'Feedback')
    const b = buildBoard(some, { statuses, collapseClosed: true, hideEmpty: true })
    expect(b.columns.map((c) => c.status.name)).not.toContain('Feedback')
    expect(b.columns.filter((c) => c.collapsed).map((c) => c.status.name)).toEqual([
      'Closed',
      'Rejected',
    ])
  })

  it('keeps only the statuses the trackers use, plus those issues are in', () => {
    const b = buildBoard(issues, { statuses, usedStatusIds: new Set([1, 2]) })
    expect(b.columns.map((c) => c.status.id)).toEqual([1, 2, 3, 4, 5, 6])
    const few = buildBoard(
      issues.filter((i) => i.status.id <= 2),
      { statuses, usedStatusIds: new Set([1, 2, 3]) },
    )
    expect(few.columns.map((c) => c.status.id)).toEqual([1, 2, 3])
  })

  it('groups swimlanes by assignee with counts, unassigned last', () => {
    const b = buildBoard(issues, { statuses, swimlane: 'assignee' })
    expect(b.lanes.map((l) => [l.label, l.count])).toEqual([
      ['Dave Lopper', 3],
      ['John Smith', 4],
      ['Unassigned', 3],
    ])
  })

  it('marks the lanes named in collapsedLanes, but never the single lane of a plain board', () => {
    const b = buildBoard(issues, {
      statuses,
      swimlane: 'assignee',
      collapsedLanes: ['none', 'not-a-lane'],
    })
    expect(b.lanes.map((l) => [l.label, l.collapsed])).toEqual([
      ['Dave Lopper', false],
      ['John Smith', false],
      ['Unassigned', true],
    ])
    // Collapsing hides nothing from the counts or the cells: it is a view of the same lane.
    expect(b.lanes[2]!.count).toBe(3)
    const plain = buildBoard(issues, { statuses, collapsedLanes: ['all'] })
    expect(plain.lanes.map((l) => [l.key, l.collapsed])).toEqual([['all', false]])
  })

  it('orders priority lanes highest first and names parent lanes with the subject', () => {
    const byPriority = buildBoard(issues, {
      statuses,
      swimlane: 'priority',
      priorities: samplePriorities(),
    })
    expect(byPriority.lanes.map((l) => l.label)).toEqual([
      'Immediate',
      'Urgent',
      'High',
      'Normal',
      'Low',
    ])
    const byParent = buildBoard(issues, { statuses, swimlane: 'parent' })
    const parent5 = issues.find((i) => i.id === 5)!.subject
    expect(byParent.lanes.map((l) => l.label)).toEqual([`#5 ${parent5}`, 'No parent'])
  })

  it('keeps the sorted cells a move leaves alone, and re-sorts the two it touches', () => {
    const o = { statuses, priorities: samplePriorities(), order: 'priority' as const }
    const before = buildBoard(issues, o)
    const moved = issues.find((i) => i.status.id === 1)!
    const target = statuses.find((s) => s.name === 'In Progress')!
    const after = buildBoard(
      issues.map((i) => (i === moved ? { ...i, status: target } : i)),
      o,
      before,
    )
    const cells = (b: typeof before) => b.lanes[0]!.cells
    for (const [statusId, cell] of cells(after)) {
      if (statusId === 1 || statusId === target.id)
        expect(cell).not.toBe(cells(before).get(statusId))
      else expect(cell).toBe(cells(before).get(statusId))
    }
    // The touched cells are what a build from scratch gives.
    const fresh = buildBoard(
      issues.map((i) => (i === moved ? { ...i, status: target } : i)),
      o,
    )
    for (const statusId of [1, target.id])
      expect(
        cells(after)
          .get(statusId)!
          .map((i) => i.id),
      ).toEqual(
        cells(fresh)
          .get(statusId)!
          .map((i) => i.id),
      )
  })

  it('reuses cells through boardBuilder only while the card order and priorities stay', () => {
    const build = boardBuilder()
    const priorities = samplePriorities()
    const byPriority = build(issues, { statuses, priorities, order: 'priority' })
    const again = build([...issues], { statuses, priorities, order: 'priority' })
    expect(again.lanes[0]!.cells.get(1)).toBe(byPriority.lanes[0]!.cells.get(1))
    // Same issues, another order: every cell re-sorted, as a build from scratch sorts it.
    const byId = build(issues, { statuses, priorities, order: 'id' })
    const fresh = buildBoard(issues, { statuses, priorities, order: 'id' })
    for (const [statusId, cell] of byId.lanes[0]!.cells)
      expect(cell.map((i) => i.id)).toEqual(fresh.lanes[0]!.cells.get(statusId)!.map((i) => i.id))
    expect(byId.lanes[0]!.cells.get(1)!.map((i) => i.id)).not.toEqual(
      byPriority.lanes[0]!.cells.get(1)!.map((i) => i.id),
    )
  })

  it('evaluates WIP limits per column', () => {
    const b = buildBoard(issues, { statuses, wipLimits: { '1': 3, '2': 2 } })
    expect(b.columns[0]!.wip).toEqual({ count: 4, limit: 3, over: true, full: true })
    expect(b.columns[1]!.wip).toEqual({ count: 2, limit: 2, over: false, full: true })
    expect(b.columns[2]!.wip.limit).toBeNull()
  })
})

describe('card order', () => {
  const ids = (order: Parameters<typeof cardComparator>[0]) =>
    [...issues].sort(cardComparator(order, samplePriorities())).map((i) => i.id)

  it('sorts by priority (highest first), then id', () => {
    expect(ids('priority').slice(0, 3)).toEqual([9, 7, 1])
  })
  it('sorts by id and by updated (most recent first)', () => {
    expect(ids('id')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const upd = [...issues].sort(cardComparator('updated'))
    for (let k = 1; k < upd.length; k++)
      expect(upd[k - 1]!.updatedOn >= upd[k]!.updatedOn).toBe(true)
  })
  it('sorts by due date, none last', () => {
    const due = [...issues].sort(cardComparator('due')).map((i) => i.dueDate)
    const firstNull = due.indexOf(null)
    expect(due.slice(firstNull).every((d) => d === null)).toBe(true)
    expect(due.slice(0, firstNull)).toEqual([...due.slice(0, firstNull)].sort())
  })
})

describe('WIP', () => {
  it('blocks a drop into a full column only when limits block and the card comes from elsewhere', () => {
    const full = wipState(3, 3)
    expect(wipBlocksDrop(full, { blocking: true, sameColumn: false })).toBe(true)
    expect(wipBlocksDrop(full, { blocking: false, sameColumn: false })).toBe(false)
    expect(wipBlocksDrop(full, { blocking: true, sameColumn: true })).toBe(false)
    expect(wipBlocksDrop(wipState(2, 3), { blocking: true, sameColumn: false })).toBe(false)
    expect(wipState(5, 0).limit).toBeNull()
  })
})
