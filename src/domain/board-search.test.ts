// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { boardSearchDefaults, boardSearchObject } from './board-search'

describe('board search', () => {
  it('has defaults and keeps the shared filters', () => {
    expect(boardSearchDefaults).toMatchObject({
      swimlane: 'none',
      order: 'priority',
      collapseClosed: true,
      hideEmpty: false,
      wip: {},
      status: 'open',
      collapsedLanes: [],
    })
  })
  it('parses good values and falls back on bad ones without throwing', () => {
    const s = boardSearchObject.parse({
      swimlane: 'assignee',
      wip: { '2': 3 },
      order: 'bogus',
      tracker: [1],
    })
    expect(s.swimlane).toBe('assignee')
    expect(s.wip).toEqual({ '2': 3 })
    expect(s.order).toBe('priority')
    expect(s.tracker).toEqual([1])
    expect(boardSearchObject.parse({ wip: { x: -1 }, swimlane: 7 }).swimlane).toBe('none')
  })
  it('keeps collapsed lane keys, and falls back to none collapsed on a malformed value', () => {
    expect(boardSearchObject.parse({ collapsedLanes: ['3', 'none'] }).collapsedLanes).toEqual([
      '3',
      'none',
    ])
    expect(boardSearchObject.parse({ collapsedLanes: 'none' }).collapsedLanes).toEqual([])
    expect(boardSearchObject.parse({ collapsedLanes: [3, {}] }).collapsedLanes).toEqual([])
  })
})
