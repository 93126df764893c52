/**
 * Where things sit in the board's CSS grid: one grid column per status; row 1 holds the column
 * headers, then each swimlane takes a header row and (unless collapsed) a row of cells. Status
 * columns span every row and use `grid-template-rows: subgrid`, so a lane's cells line up across
 * columns and share one height. Pure, so the row arithmetic is tested without a browser.
 */
import type { BoardColumn, BoardLane } from '../../domain/board-columns'

export interface LaneRow {
  lane: BoardLane
  /** Grid row of the lane's header; null on a board without swimlanes (no header). */
  headerRow: number | null
  /** Grid row of the lane's cells; null when the lane is collapsed. */
  cellRow: number | null
}

export interface BoardLayout {
  /** Lanes have headers and rows of their own (a swimlane field is chosen). */
  swimlanes: boolean
  rows: LaneRow[]
  rowCount: number
  templateColumns: string
}

export const COLUMN_WIDTH = '18rem'
export const COLLAPSED_COLUMN_WIDTH = '10rem'

export function boardLayout(
  columns: readonly BoardColumn[],
  lanes: readonly BoardLane[],
  swimlanes: boolean,
): BoardLayout {
  let row = 1
  const rows = lanes.map((lane): LaneRow => {
    const headerRow = swimlanes ? ++row : null
    const cellRow = swimlanes && lane.collapsed ? null : ++row
    return { lane, headerRow, cellRow }
  })
  return {
    swimlanes,
    rows,
    rowCount: row,
    templateColumns: columns
      .map((c) => (c.collapsed ? COLLAPSED_COLUMN_WIDTH : COLUMN_WIDTH))
      .join(' '),
  }
}

/** Lanes whose cells are on screen, in order: the rows keyboard moves step through. */
export function visibleLaneKeys(layout: BoardLayout): string[] {
  return layout.rows.filter((r) => r.cellRow !== null).map((r) => r.lane.key)
}

/** The lane toggle's accessible name: `Swimlane <name>, <n> issues`. */
export function laneLabel(lane: Pick<BoardLane, 'label' | 'count'>): string {
  return `Swimlane ${lane.label}, ${lane.count} ${lane.count === 1 ? 'issue' : 'issues'}`
}

/** The collapsed lane keys after toggling `key`. */
export function toggleLane(collapsed: readonly string[], key: string): string[] {
  return collapsed.includes(key) ? collapsed.filter((k) => k !== key) : [...collapsed, key]
}
