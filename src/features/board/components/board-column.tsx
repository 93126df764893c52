import clsx from 'clsx'
import { memo } from 'react'
import type { BoardColumn as Column, BoardLane } from '../../../domain/board-columns'
import type { Issue } from '../../../trackers/tracker'
import { BoardCell } from './board-cell'
import type { CardInfo } from './issue-card'

export function columnLabel(c: Column): string {
  const n = c.wip.limit !== null ? `${c.count} of ${c.wip.limit} issues` : `${c.count} issues`
  return `${c.status.name}, ${n}${c.wip.over ? ', over the WIP limit' : ''}`
}

/** Memoized: a drag start or a move re-renders only the columns whose props change. */
export const BoardColumn = memo(function BoardColumn(p: {
  column: Column
  index: number
  lanes: BoardLane[]
  showLaneNames: boolean
  cardInfo: (issue: Issue) => CardInfo
  dimmed: boolean
  onExpand: () => void
}) {
  const c = p.column
  return (
    <section
      role="region"
      aria-label={columnLabel(c)}
      className={clsx(
        'flex shrink-0 flex-col gap-2 rounded-lg bg-slate-100 p-2 dark:bg-slate-800/60',
        c.collapsed ? 'w-40' : 'w-72',
        c.wip.over && 'ring-2 ring-red-500',
      )}
    >
      <header className="flex items-center justify-between gap-2 px-1">
        <h2 className="truncate text-sm font-semibold">{c.status.name}</h2>
        <span
          className={clsx(
            'rounded-full px-2 text-xs',
            c.wip.over
              ? 'bg-red-600 font-semibold text-white'
              : 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
          )}
          aria-hidden
        >
          {c.wip.limit !== null ? `${c.count}/${c.wip.limit}` : c.count}
        </span>
      </header>
      {c.collapsed ? (
        <>
          <button
            type="button"
            className="text-left text-xs text-indigo-700 underline dark:text-indigo-300"
            onClick={p.onExpand}
          >
            Show closed columns
          </button>
          {p.lanes.map((lane) => (
            <BoardCell
              key={lane.key}
              laneKey={lane.key}
              statusId={c.status.id}
              statusIndex={p.index}
              issues={[]}
              cardInfo={p.cardInfo}
              dimmed={p.dimmed}
              tall={false}
            />
          ))}
        </>
      ) : (
        p.lanes.map((lane) => (
          <div key={lane.key} className="flex flex-col gap-1">
            {p.showLaneNames && (
              <h3 className="px-1 text-xs font-medium text-slate-600 dark:text-slate-300">
                {lane.label} <span className="text-slate-500">({lane.count})</span>
              </h3>
            )}
            <BoardCell
              laneKey={lane.key}
              statusId={c.status.id}
              statusIndex={p.index}
              issues={lane.cells.get(c.status.id) ?? []}
              cardInfo={p.cardInfo}
              dimmed={p.dimmed}
              tall={!p.showLaneNames}
            />
          </div>
        ))
      )}
    </section>
  )
})
