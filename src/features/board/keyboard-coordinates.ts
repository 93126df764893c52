/**
 * Keyboard moves jump from cell to cell: ArrowLeft/Right to the neighbouring column, ArrowUp/Down
 * to the neighbouring swimlane. Cells are droppables with ids from `cellId`.
 */
import type { KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core'

export function cellId(laneKey: string, statusId: number): string {
  return `cell|${laneKey}|${statusId}`
}

export function parseCellId(id: UniqueIdentifier): { laneKey: string; statusId: number } | null {
  const [kind, laneKey, status] = String(id).split('|')
  if (kind !== 'cell' || laneKey === undefined || status === undefined) return null
  return { laneKey, statusId: Number(status) }
}

export interface BoardGrid {
  statusIds: number[]
  laneKeys: string[]
  /** Where the card being dragged started. */
  origin: { laneKey: string; statusId: number } | null
  /** The cell the keys chose last (set through `onTarget`); null before the first arrow key. */
  target: string | null
}

/**
 * `onTarget` learns the cell chosen by the keyboard; the board's collision detection uses it
 * directly, so a keyboard drop never depends on the geometry of the drag overlay.
 */
export function gridCoordinates(
  grid: () => BoardGrid,
  onTarget: (id: string) => void,
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const g = grid()
    // From the last chosen cell, not dnd-kit's `over`: two quick presses must move two cells even
    // if `over` has not caught up with the first.
    const at =
      (g.target !== null && parseCellId(g.target)) ||
      (context.over && parseCellId(context.over.id)) ||
      g.origin
    if (!at) return undefined
    let col = g.statusIds.indexOf(at.statusId)
    // A lane not shown (collapsed) counts as the first one shown.
    let row = Math.max(0, g.laneKeys.indexOf(at.laneKey))
    if (col < 0 || g.laneKeys.length === 0) return undefined
    if (event.code === 'ArrowRight') col = Math.min(col + 1, g.statusIds.length - 1)
    else if (event.code === 'ArrowLeft') col = Math.max(col - 1, 0)
    else if (event.code === 'ArrowDown') row = Math.min(row + 1, g.laneKeys.length - 1)
    else if (event.code === 'ArrowUp') row = Math.max(row - 1, 0)
    else return undefined
    event.preventDefault()
    const id = cellId(g.laneKeys[row]!, g.statusIds[col]!)
    const rect = context.droppableRects.get(id)
    if (!rect) return undefined
    onTarget(id)
    return { x: rect.left + 8, y: rect.top + 8 }
  }
}
