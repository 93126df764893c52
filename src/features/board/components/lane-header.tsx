import clsx from 'clsx'
import { memo } from 'react'
import type { BoardLane } from '../../../domain/board-columns'
import { laneLabel } from '../board-layout'

/**
 * A swimlane's header row: spans every column of the board grid; its content sticks to the left
 * edge so the lane's name stays in view while the board scrolls sideways. The button collapses the
 * lane to this row (its count stays) or expands it again.
 */
export const LaneHeader = memo(function LaneHeader(p: {
  lane: BoardLane
  row: number
  onToggle: (laneKey: string) => void
}) {
  const { lane } = p
  return (
    <div
      data-lane-header={lane.key}
      style={{ gridColumn: '1 / -1', gridRow: p.row }}
      className="relative z-10 border-t border-slate-300 bg-white/90 pt-1 dark:border-slate-600 dark:bg-slate-900/90"
    >
      <h3 className="sticky left-0 inline-flex max-w-[calc(100vw-4rem)] items-center gap-2 px-1 text-xs font-medium text-slate-700 dark:text-slate-200">
        <button
          type="button"
          aria-expanded={!lane.collapsed}
          aria-label={laneLabel(lane)}
          onClick={() => p.onToggle(lane.key)}
          className="inline-flex min-w-0 items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800"
        >
          <span
            aria-hidden
            className={clsx('inline-block transition-transform', !lane.collapsed && 'rotate-90')}
          >
            ▸
          </span>
          <span className="truncate">{lane.label}</span>
          <span
            aria-hidden
            className="rounded-full bg-slate-200 px-1.5 text-slate-700 dark:bg-slate-700 dark:text-slate-200"
          >
            {lane.count}
          </span>
        </button>
      </h3>
    </div>
  )
})
