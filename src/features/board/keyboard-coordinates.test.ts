// @vitest-environment node
import type { KeyboardCoordinateGetter } from '@dnd-kit/core'
import { describe, expect, it, vi } from 'vitest'
import { cellId, gridCoordinates, type BoardGrid } from './keyboard-coordinates'

const statusIds = [1, 2, 3]
const laneKeys = ['5', 'none']
const rects = new Map(
  laneKeys.flatMap((l, row) =>
    statusIds.map((s, col) => [cellId(l, s), { left: col * 300, top: row * 400 }] as const),
  ),
)

function press(
  getter: KeyboardCoordinateGetter,
  code: string,
  overId: string | null,
): { x: number; y: number } | void {
  const event = { code, preventDefault: vi.fn() } as unknown as KeyboardEvent
  const context = { over: overId ? { id: overId } : null, droppableRects: rects }
  return getter(event, {
    context,
    active: 'issue|7',
    currentCoordinates: { x: 0, y: 0 },
  } as unknown as Parameters<KeyboardCoordinateGetter>[1])
}

function setup(target: string | null = null) {
  const grid: BoardGrid = { statusIds, laneKeys, origin: { laneKey: '5', statusId: 1 }, target }
  const onTarget = vi.fn((id: string) => (grid.target = id))
  return { getter: gridCoordinates(() => grid, onTarget), onTarget, grid }
}

describe('gridCoordinates', () => {
  it('steps from the origin to the neighbouring column and lane, and reports the cell', () => {
    const { getter, onTarget } = setup()
    expect(press(getter, 'ArrowRight', null)).toEqual({ x: 308, y: 8 })
    expect(onTarget).toHaveBeenLastCalledWith(cellId('5', 2))
    expect(press(getter, 'ArrowDown', cellId('5', 2))).toEqual({ x: 308, y: 408 })
    expect(onTarget).toHaveBeenLastCalledWith(cellId('none', 2))
    expect(press(getter, 'ArrowDown', cellId('none', 2))).toEqual({ x: 308, y: 408 })
    expect(press(getter, 'KeyA', null)).toBeUndefined()
  })

  it('steps from the last chosen cell when dnd-kit has not caught up with the previous key', () => {
    const { getter, onTarget } = setup()
    press(getter, 'ArrowRight', null)
    // `over` still names the origin: the second press must go on from column 2, not redo it.
    press(getter, 'ArrowRight', cellId('5', 1))
    expect(onTarget).toHaveBeenLastCalledWith(cellId('5', 3))
  })

  it('treats a lane that is not shown (collapsed) as the first lane shown', () => {
    const { getter, onTarget, grid } = setup()
    grid.origin = { laneKey: 'collapsed', statusId: 2 }
    press(getter, 'ArrowLeft', null)
    expect(onTarget).toHaveBeenLastCalledWith(cellId('5', 1))
  })
})
