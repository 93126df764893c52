// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../domain/board-columns'
import { sampleIssues, sampleStatuses } from '../../domain/board-fixtures'
import { boardLayout, laneLabel, toggleLane, visibleLaneKeys } from './board-layout'

const issues = sampleIssues()
const statuses = sampleStatuses()

describe('boardLayout', () => {
  it('gives each lane a header row and a cell row after the column headers', () => {
    const b = buildBoard(issues, { statuses, swimlane: 'assignee', collapsedLanes: ['5'] })
    const l = boardLayout(b.columns, b.lanes, true)
    // Lanes: Dave Lopper, John Smith (user 5, collapsed), Unassigned.
    expect(l.rows.map((r) => [r.lane.label, r.headerRow, r.cellRow])).toEqual([
      ['Dave Lopper', 2, 3],
      ['John Smith', 4, null],
      ['Unassigned', 5, 6],
    ])
    expect(l.rowCount).toBe(6)
    expect(visibleLaneKeys(l)).toEqual(['6', 'none']) // Dave Lopper is user 6
  })

  it('has no header rows without swimlanes, and a width per column', () => {
    const b = buildBoard(issues, { statuses, collapseClosed: true })
    const l = boardLayout(b.columns, b.lanes, false)
    expect(l.rows.map((r) => [r.lane.key, r.headerRow, r.cellRow])).toEqual([['all', null, 2]])
    expect(l.rowCount).toBe(2)
    expect(l.templateColumns.split(' ')).toEqual(
      b.columns.map((c) => (c.collapsed ? '10rem' : '18rem')),
    )
    expect(l.templateColumns).toContain('10rem')
  })
})

describe('lane helpers', () => {
  it('names a lane with its count and toggles its key', () => {
    expect(laneLabel({ label: 'John Smith', count: 4 })).toBe('Swimlane John Smith, 4 issues')
    expect(laneLabel({ label: '#5 Parent', count: 1 })).toBe('Swimlane #5 Parent, 1 issue')
    expect(toggleLane(['3'], 'none')).toEqual(['3', 'none'])
    expect(toggleLane(['3', 'none'], '3')).toEqual(['none'])
  })
})
