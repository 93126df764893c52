import { useDroppable } from '@dnd-kit/core'
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import clsx from 'clsx'
import { memo, useCallback, useRef } from 'react'
import { observeRectAfterLayout, windowHeight } from '../../../lib/virtual-rect'
import type { Issue } from '../../../trackers/tracker'
import { cellId } from '../keyboard-coordinates'
import { IssueCard, type CardInfo } from './issue-card'

/** Past this many cards a cell renders only what is on screen. */
export const VIRTUALIZE_AFTER = 60
const ESTIMATED_CARD = 104

export interface CellProps {
  /** Grid row of the cell's lane (boards with swimlanes); absent on a plain board. */
  row?: number
  laneKey: string
  statusId: number
  statusIndex: number
  issues: Issue[]
  cardInfo: (issue: Issue) => CardInfo
  /** The workflow forbids dropping the dragged card here (or its WIP limit does). */
  dimmed: boolean
  /** A long single-lane column: own scroll box, virtualized. */
  tall: boolean
}

export function BoardCell(p: CellProps) {
  const { setNodeRef, isOver } = useDroppable({
    id: cellId(p.laneKey, p.statusId),
    data: { laneKey: p.laneKey, statusId: p.statusId },
  })
  return (
    <div
      ref={setNodeRef}
      data-status-index={p.statusIndex}
      // Tests find a drop target by lane and status: `data-cell="<laneKey>|<statusId>"`.
      data-cell={`${p.laneKey}|${p.statusId}`}
      data-dimmed={p.dimmed || undefined}
      style={p.row === undefined ? undefined : { gridRow: p.row }}
      className={clsx(
        'min-h-16 rounded-md p-1 transition-colors',
        isOver && !p.dimmed && 'bg-indigo-50 ring-2 ring-indigo-400 dark:bg-indigo-950',
        isOver && p.dimmed && 'bg-red-50 ring-2 ring-red-400 dark:bg-red-950',
        p.dimmed && 'opacity-40',
      )}
    >
      <CellCards issues={p.issues} cardInfo={p.cardInfo} tall={p.tall} />
    </div>
  )
}

/**
 * The cell's cards, memoized apart from the droppable: dnd-kit re-renders every droppable when a
 * drag starts, ends or changes cell, and the cards (or the virtualizer) need not follow.
 */
const CellCards = memo(function CellCards(p: {
  issues: Issue[]
  cardInfo: (issue: Issue) => CardInfo
  tall: boolean
}) {
  return p.tall && p.issues.length > VIRTUALIZE_AFTER ? (
    <VirtualCards issues={p.issues} cardInfo={p.cardInfo} />
  ) : (
    <ul className="flex flex-col gap-2">
      {p.issues.map((i) => (
        <li key={i.id}>
          <IssueCard issue={i} {...p.cardInfo(i)} />
        </li>
      ))}
    </ul>
  )
})

/**
 * A card's height from its ResizeObserver entry (read after layout). Without an entry (the ref
 * call as a card mounts) it keeps the known or estimated size instead of reading offsetHeight:
 * that read forced a layout per card, interleaved with the virtualizer's re-renders, and cost
 * about a second of layout when a 2,000-card board first rendered.
 */
function measureCard(
  el: Element,
  entry: ResizeObserverEntry | undefined,
  v: Virtualizer<HTMLDivElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0]
  if (box) return Math.round(box.blockSize)
  const key = v.options.getItemKey(v.indexFromElement(el))
  return v.itemSizeCache.get(key) ?? ESTIMATED_CARD
}

function VirtualCards({
  issues,
  cardInfo,
}: {
  issues: Issue[]
  cardInfo: (issue: Issue) => CardInfo
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const getItemKey = useCallback((i: number) => issues[i]!.id, [issues])
  // The virtualizer is read fresh on every render of this small component; nothing memoizes it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: issues.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD,
    getItemKey,
    measureElement: measureCard,
    overscan: 2,
    gap: 8,
    // A column this long fills its list's max height (100vh - 14rem) until that is measured
    // after the first layout: mounting forces no layout of its own.
    initialRect: { width: 272, height: windowHeight(1, 14 * 16) },
    observeElementRect: observeRectAfterLayout,
  })
  return (
    <div ref={scrollRef} className="max-h-[calc(100vh-14rem)] overflow-y-auto">
      <ul className="relative" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((row) => {
          const issue = issues[row.index]!
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={v.measureElement}
              className="absolute inset-x-0"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <IssueCard issue={issue} {...cardInfo(issue)} />
            </li>
          )
        })}
      </ul>
    </div>
  )
}
