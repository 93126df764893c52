/**
 * Drag state of the board: the card being dragged, the statuses its workflow allows (fetched on
 * drag start, cached), the decision on drop, and the move mutation with its failure toasts.
 */
import {
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { Move } from '../../domain/apply-move'
import type { Board, BoardColumn } from '../../domain/board-columns'
import { laneKeyOf, laneValue } from '../../domain/board-lanes'
import type { BoardSettings } from '../../domain/board-search'
import type { Issue, TrackerAdapter } from '../../trackers/tracker'
import { visibleLaneKeys, type BoardLayout } from './board-layout'
import { decideDrop, type DropDecision } from './drop-decision'
import { parseCellId, type BoardGrid } from './keyboard-coordinates'
import { describeMoveError, MoveNotAppliedError } from './perform-move'
import { MoveFailedError } from './move-queue'
import { boardQueries } from './queries'
import { useBoardMove } from './use-board-move'
import type { Toast } from './use-toasts'

function issueIdOf(id: UniqueIdentifier): number {
  return Number(String(id).split('|')[1])
}

export function useBoardDrag(o: {
  tracker: TrackerAdapter
  board: Board
  layout: BoardLayout
  issues: Issue[]
  settings: BoardSettings
  meId: number | null
  toast: (t: Omit<Toast, 'id'>) => void
  showMove: (m: Move) => void
  unshowMove: (m: Move) => void
}) {
  const qc = useQueryClient()
  const [active, setActive] = useState<Issue | null>(null)
  const [allowed, setAllowed] = useState<ReadonlySet<number> | null>(null)
  // Latest render's values for callbacks dnd-kit keeps (announcements, keyboard getter).
  const latest = useRef(o)
  useLayoutEffect(() => {
    latest.current = o
  })
  const activeRef = useRef<Issue | null>(null)
  const allowedRef = useRef<ReadonlySet<number> | null>(null)
  // The cell the arrow keys chose last (the one announced), and whether this drag is a keyboard one.
  const keyboardTarget = useRef<string | null>(null)
  const keyboardDrag = useRef(false)
  // Pointer and touch: the cell under the pointer. Keyboard: the cell the arrows chose.
  const collision = useCallback<CollisionDetection>((args) => {
    if (args.pointerCoordinates) return pointerWithin(args)
    const id = keyboardTarget.current
    const container = id ? args.droppableContainers.find((c) => c.id === id) : undefined
    if (container) return [{ id: container.id, data: { droppableContainer: container, value: 0 } }]
    return rectIntersection(args)
  }, [])
  const onKeyboardTarget = useCallback((id: string) => {
    keyboardTarget.current = id
  }, [])

  // A keyboard drop lands where the arrows chose, even when Space comes before dnd-kit has
  // recomputed `over` for the last arrow key (its `over` then still names the previous cell).
  const dropTarget = (over: UniqueIdentifier | null): UniqueIdentifier | null =>
    keyboardDrag.current && keyboardTarget.current !== null ? keyboardTarget.current : over

  const find = (id: UniqueIdentifier) => {
    const issueId = issueIdOf(id)
    return latest.current.issues.find((i) => i.id === issueId) ?? null
  }
  const laneOf = (i: Issue) =>
    laneKeyOf(latest.current.settings.swimlane, laneValue(i, latest.current.settings.swimlane))

  const mutation = useBoardMove(o.tracker, {
    onFailed: (move, error) => {
      const { message, retry } = describeMoveError(error)
      const notApplied =
        error instanceof MoveFailedError && error.cause instanceof MoveNotAppliedError
      o.toast({
        tone: 'error',
        message: notApplied ? message : `Could not move #${move.issueId}: ${message}`,
        retry: retry ? () => retryMove(move) : undefined,
      })
    },
  })
  const retryMove = (move: Move) => {
    const issue = latest.current.issues.find((i) => i.id === move.issueId)
    if (issue) mutation.mutate({ issueId: issue.id, from: pickFrom(issue, move), to: move.to })
  }

  const decide = (
    activeId: UniqueIdentifier,
    overId: UniqueIdentifier | null,
  ): DropDecision | null => {
    const issue = activeRef.current ?? find(activeId)
    const cell = overId === null ? null : parseCellId(overId)
    if (!issue || !cell) return null
    const b = latest.current.board
    const column = b.columns.find((c) => c.status.id === cell.statusId)
    const lane = b.lanes.find((l) => l.key === cell.laneKey)
    if (!column || !lane) return null
    return decideDrop({
      issue,
      column,
      lane,
      originLaneKey: laneOf(issue).key,
      swimlane: latest.current.settings.swimlane,
      allowed: allowedRef.current,
      wipBlocking: latest.current.settings.wipBlock,
      readOnly: latest.current.tracker.capabilities.readOnly,
    })
  }

  // The refs stay until the next drag start: dnd-kit announces the drop after onDragEnd.
  const reset = () => {
    setActive(null)
    setAllowed(null)
  }

  const onDragStart = (e: DragStartEvent) => {
    const issue = find(e.active.id)
    activeRef.current = issue
    allowedRef.current = null
    keyboardTarget.current = null
    keyboardDrag.current = e.activatorEvent?.type === 'keydown'
    setActive(issue)
    if (!issue || !o.tracker.capabilities.workflow) return
    const q = boardQueries.allowedStatuses(o.tracker, issue, o.meId)
    const apply = (ids: number[] | null) => {
      if (activeRef.current?.id !== issue.id) return
      const set = ids ? new Set([...ids, issue.status.id]) : null
      allowedRef.current = set
      setAllowed(set)
    }
    const cached = qc.getQueryData(q.queryKey)
    if (cached !== undefined) apply(cached)
    else
      qc.fetchQuery(q).then(apply, () => {
        // Unknown workflow: every column stays open; the server's answer is verified anyway.
      })
  }

  const onDragEnd = (e: DragEndEvent) => {
    const d = decide(e.active.id, dropTarget(e.over?.id ?? null))
    reset()
    if (!d) return
    if (d.kind === 'refused') o.toast({ tone: 'error', message: d.message })
    if (d.kind === 'move') {
      const move = d.move
      o.showMove(move)
      mutation.mutate(move, { onSettled: () => o.unshowMove(move) })
    }
  }

  const isDimmed = (column: BoardColumn) => {
    if (!active) return false
    if (column.status.id === active.status.id) return false
    if (allowed && !allowed.has(column.status.id)) return true
    return o.settings.wipBlock && column.wip.full
  }

  const grid = useCallback((): BoardGrid => {
    const b = latest.current.board
    const issue = activeRef.current
    return {
      statusIds: b.columns.map((c) => c.status.id),
      laneKeys: visibleLaneKeys(latest.current.layout),
      origin: issue ? { laneKey: laneOf(issue).key, statusId: issue.status.id } : null,
      target: keyboardTarget.current,
    }
  }, [])

  const ref = (id: UniqueIdentifier) => {
    const i = find(id)
    return i ? `#${i.id}` : 'The issue'
  }

  return {
    active,
    collision,
    grid,
    onKeyboardTarget,
    isDimmed,
    onDragStart,
    onDragEnd,
    onDragCancel: reset,
    ref,
    announceStart: (id: UniqueIdentifier) => {
      const i = find(id)
      return i ? `Picked up #${i.id} ${i.subject}, in ${i.status.name}.` : undefined
    },
    announceOver: (id: UniqueIdentifier, over: UniqueIdentifier | null) => {
      const d = decide(id, over)
      if (!d) return `${ref(id)} is not over a column.`
      const cell = over === null ? null : parseCellId(over)
      const col = latest.current.board.columns.find((c) => c.status.id === cell?.statusId)
      const where = col ? col.status.name : 'a column'
      return d.kind === 'refused'
        ? `${ref(id)} is over ${where}. ${d.message}`
        : `${ref(id)} is over ${where}.`
    },
    announceEnd: (id: UniqueIdentifier, over: UniqueIdentifier | null) =>
      decide(id, dropTarget(over))?.message ??
      `${ref(id)} was dropped outside the board and stays where it was.`,
  }
}

function pickFrom(issue: Issue, move: Move): Move['from'] {
  const from: Record<string, unknown> = {}
  for (const k of Object.keys(move.to)) from[k] = issue[k as keyof Issue]
  return from as Move['from']
}
