import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
} from '@dnd-kit/core'
import { useCallback, useMemo, useState } from 'react'
import { applyMove, type Move } from '../../../domain/apply-move'
import { boardBuilder } from '../../../domain/board-columns'
import type { BoardSettings } from '../../../domain/board-search'
import type { Issue, IssueStatus, Priority } from '../../../trackers/tracker'
import { useTracker } from '../../../lib/tracker-context'
import { cardInfoKeeper } from '../card-infos'
import { gridCoordinates } from '../keyboard-coordinates'
import { useBoardDrag } from '../use-board-drag'
import { useToasts } from '../use-toasts'
import { boardLayout, toggleLane } from '../board-layout'
import { BoardColumn } from './board-column'
import { BoardToasts } from './board-toasts'
import { CardBody, DRAG_DISTANCE } from './issue-card'
import { LaneHeader } from './lane-header'

export interface BoardProps {
  issues: Issue[]
  statuses: IssueStatus[]
  priorities: Priority[]
  settings: BoardSettings
  /** The signed-in user's id (the workflow depends on author/assignee); null if unknown. */
  meId: number | null
  onSettingsChange?: (patch: Partial<BoardSettings>) => void
}

const POINTER_OPTIONS = { activationConstraint: { distance: DRAG_DISTANCE } }
const TOUCH_OPTIONS = { activationConstraint: { delay: 180, tolerance: 8 } }

/** The kanban board: columns by status, swimlanes, drag and drop that verifies each move. */
export function Board(p: BoardProps) {
  const tracker = useTracker()
  const { toasts, show, dismiss } = useToasts()
  // Moves shown from the drop until they settle, so the card lands in the same frame as the drop
  // (the cache's own optimistic write reaches the view a task later). Same applyMove.
  const [shown, setShown] = useState<Move[]>([])
  const issues = useMemo(
    () => shown.reduce((acc, m) => applyMove(acc, m), p.issues),
    [p.issues, shown],
  )
  const showMove = useCallback((m: Move) => setShown((s) => [...s, m]), [])
  const unshowMove = useCallback((m: Move) => setShown((s) => s.filter((x) => x !== m)), [])
  // Each build reuses the sorted cells of the last one that a change left alone.
  const [build] = useState(boardBuilder)
  const [infosFor] = useState(cardInfoKeeper)
  const board = useMemo(
    () =>
      build(issues, {
        statuses: p.statuses,
        swimlane: p.settings.swimlane,
        order: p.settings.order,
        priorities: p.priorities,
        collapseClosed: p.settings.collapseClosed,
        hideEmpty: p.settings.hideEmpty,
        wipLimits: p.settings.wip,
        collapsedLanes: p.settings.collapsedLanes,
      }),
    [build, issues, p.statuses, p.priorities, p.settings],
  )
  const layout = useMemo(
    () => boardLayout(board.columns, board.lanes, p.settings.swimlane !== 'none'),
    [board, p.settings.swimlane],
  )
  const cardInfos = useMemo(
    () => infosFor(issues, p.priorities, tracker.id),
    [infosFor, issues, p.priorities, tracker.id],
  )
  const cardInfo = useCallback((i: Issue) => cardInfos.get(i.id)!, [cardInfos])

  const { onSettingsChange } = p
  const expandClosed = useCallback(
    () => onSettingsChange?.({ collapseClosed: false }),
    [onSettingsChange],
  )
  const collapsedLanes = p.settings.collapsedLanes
  const toggleLaneKey = useCallback(
    (key: string) => onSettingsChange?.({ collapsedLanes: toggleLane(collapsedLanes, key) }),
    [onSettingsChange, collapsedLanes],
  )
  const drag = useBoardDrag({
    tracker,
    board,
    layout,
    issues,
    showMove,
    unshowMove,
    settings: p.settings,
    meId: p.meId,
    toast: show,
  })
  // Sensor options must keep their identity: new options give dnd-kit new activators, and new
  // activators re-render every card on the board (each card's listeners change) on every render.
  const { grid, onKeyboardTarget } = drag
  const keyboardOptions = useMemo(
    () => ({ coordinateGetter: gridCoordinates(grid, onKeyboardTarget) }),
    [grid, onKeyboardTarget],
  )
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  )
  const announcements: Announcements = {
    onDragStart: ({ active }) => drag.announceStart(active.id),
    onDragOver: ({ active, over }) => drag.announceOver(active.id, over?.id ?? null),
    onDragEnd: ({ active, over }) => drag.announceEnd(active.id, over?.id ?? null),
    onDragCancel: ({ active }) => `Cancelled. ${drag.ref(active.id)} stays where it was.`,
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={drag.collision}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move an issue, press Space. Use the arrow keys to choose a column (left, right) or a swimlane (up, down), Space again to drop it, Escape to cancel.',
        },
      }}
      onDragStart={drag.onDragStart}
      onDragEnd={drag.onDragEnd}
      onDragCancel={drag.onDragCancel}
    >
      <div
        className="grid gap-x-3 gap-y-2 overflow-x-auto pb-4"
        style={{
          gridTemplateColumns: layout.templateColumns,
          gridTemplateRows: `repeat(${layout.rowCount}, auto)`,
        }}
        data-board
      >
        {layout.swimlanes &&
          layout.rows.map(({ lane, headerRow }) => (
            <LaneHeader key={lane.key} lane={lane} row={headerRow!} onToggle={toggleLaneKey} />
          ))}
        {board.columns.map((column, index) => (
          <BoardColumn
            key={column.status.id}
            column={column}
            index={index}
            layout={layout}
            cardInfo={cardInfo}
            dimmed={drag.isDimmed(column)}
            onExpand={expandClosed}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {drag.active ? (
          <div className="w-68 rotate-1 cursor-grabbing shadow-lg">
            <CardBody issue={drag.active} overlay {...cardInfo(drag.active)} />
          </div>
        ) : null}
      </DragOverlay>
      <BoardToasts toasts={toasts} onDismiss={dismiss} />
    </DndContext>
  )
}
