/**
 * The board's shape: columns by status (in status position order), swimlanes, counts and WIP.
 * Pure: the board components render what this returns.
 */
import { cardComparator, type CardOrder } from './board-order'
import { laneKeyOf, laneValue, orderLanes, type LaneKey, type SwimlaneField } from './board-lanes'
import { wipState, type WipLimits, type WipState } from './board-wip'
import type { Issue, IssueStatus, Priority } from './model'

export interface BoardColumn {
  status: IssueStatus
  count: number
  wip: WipState
  /** A closed status shown narrow (the "collapse closed" setting). */
  collapsed: boolean
}

export interface BoardLane extends LaneKey {
  count: number
  /** Shown as its header row only (never for the single lane of a board without swimlanes). */
  collapsed: boolean
  /** Sorted issues per status id. */
  cells: Map<number, Issue[]>
}

export interface Board {
  columns: BoardColumn[]
  lanes: BoardLane[]
}

export interface BoardOptions {
  statuses: IssueStatus[]
  /**
   * Statuses the project's trackers use, where the tracker can say; absent means every status.
   * Statuses that issues on the board are in are always kept.
   */
  usedStatusIds?: ReadonlySet<number>
  swimlane?: SwimlaneField
  order?: CardOrder
  priorities?: Priority[]
  collapseClosed?: boolean
  hideEmpty?: boolean
  wipLimits?: WipLimits
  /** Keys of the lanes shown collapsed. */
  collapsedLanes?: readonly string[]
}

/**
 * Builds the board. With `previous` (a board built with the same order and priorities), a cell
 * holding exactly the issues it held there (the same objects) keeps its sorted array: after a move
 * only the two cells it touches are new, so only they re-sort and re-render.
 */
export function buildBoard(issues: readonly Issue[], o: BoardOptions, previous?: Board): Board {
  const field = o.swimlane ?? 'none'
  const byStatus = new Map<number, number>()
  for (const i of issues) byStatus.set(i.status.id, (byStatus.get(i.status.id) ?? 0) + 1)

  const statuses = [...o.statuses]
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .filter((s) => !o.usedStatusIds || o.usedStatusIds.has(s.id) || byStatus.has(s.id))
    .filter((s) => !o.hideEmpty || byStatus.has(s.id))
  const columns = statuses.map((status) => {
    const count = byStatus.get(status.id) ?? 0
    return {
      status,
      count,
      wip: wipState(count, o.wipLimits?.[String(status.id)]),
      collapsed: Boolean(o.collapseClosed && status.isClosed),
    }
  })

  const collapsed = new Set(field === 'none' ? [] : o.collapsedLanes)
  const lanes = new Map<string, BoardLane>()
  for (const issue of issues) {
    const lk = laneKeyOf(field, laneValue(issue, field))
    let lane = lanes.get(lk.key)
    if (!lane) {
      lane = { ...lk, count: 0, collapsed: collapsed.has(lk.key), cells: new Map() }
      lanes.set(lk.key, lane)
    }
    lane.count += 1
    const cell = lane.cells.get(issue.status.id)
    if (cell) cell.push(issue)
    else lane.cells.set(issue.status.id, [issue])
  }
  if (field === 'parent') {
    const subjects = new Map(issues.map((i) => [i.id, i.subject]))
    for (const lane of lanes.values()) {
      const subject = lane.value ? subjects.get(lane.value.id) : undefined
      if (subject) lane.label = `${lane.label} ${subject}`
    }
  }
  if (lanes.size === 0) {
    const lk = laneKeyOf(field, null)
    lanes.set(lk.key, { ...lk, count: 0, collapsed: collapsed.has(lk.key), cells: new Map() })
  }
  const compare = cardComparator(o.order ?? 'priority', o.priorities)
  const before = new Map(previous?.lanes.map((l) => [l.key, l.cells]))
  for (const lane of lanes.values())
    for (const [statusId, cell] of lane.cells) {
      const old = before.get(lane.key)?.get(statusId)
      if (old && sameMembers(old, cell)) lane.cells.set(statusId, old)
      else cell.sort(compare)
    }
  const ordered = orderLanes([...lanes.values()], field, o.priorities) as BoardLane[]
  return { columns, lanes: ordered }
}

/**
 * A `buildBoard` that hands each build the board it built last, when the order and priorities
 * are the same. Safe to call from a render that may be thrown away: a cell is reused only when it
 * holds the very same issues, so a stale board costs a re-sort, never a wrong cell.
 */
export function boardBuilder(): (issues: readonly Issue[], o: BoardOptions) => Board {
  let last: { board: Board; order: CardOrder; priorities?: Priority[] } | null = null
  return (issues, o) => {
    const order = o.order ?? 'priority'
    const same = last !== null && last.order === order && last.priorities === o.priorities
    const board = buildBoard(issues, o, same ? last!.board : undefined)
    last = { board, order, priorities: o.priorities }
    return board
  }
}

/** The same issue objects, in any order. */
function sameMembers(a: readonly Issue[], b: readonly Issue[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((i) => set.has(i))
}
