import clsx from 'clsx'
import { memo } from 'react'
import type { BoardColumn as Column } from '../../../domain/board-columns'
import type { Issue } from '../../../trackers/tracker'
import type { BoardLayout } from '../board-layout'
import { BoardCell } from './board-cell'
import type { CardInfo } from './issue-card'

export function columnLabel(c: Column): string {
  const n = c.wip.limit !== null ? `${c.count} of ${c.wip.limit} issues` : `${c.count} issues`
  return `${c.status.name}, ${n}${c.wip.over ? ', over the WIP limit' : ''}`
}

/**
 * One status column of the board grid. With swimlanes it spans every grid row as a subgrid and puts
 * each visible lane's cell in that lane's row, so cells line up across columns; without, it is a
 * plain stack (one tall, virtualized cell) as high as its own cards.
 * Memoized: a drag start or a move re-renders only the columns whose props change.
 */
export const BoardColumn = memo(function BoardColumn(p: {
  column: Column
  index: number
  layout: BoardLayout
  cardInfo: (issue: Issue) => CardInfo
  dimmed: boolean
  onExpand: () => void
}) {
  const c = p.column
  const { swimlanes, rows, rowCount } = p.layout
  return (
    <section
      role="region"
      aria-label={columnLabel(c)}
      data-status-column={c.status.id}
      style={{
        gridColumn: p.index + 1,
        gridRow: swimlanes ? `1 / span ${rowCount}` : 1,
      }}
      className={clsx(
        'gap-2 rounded-lg bg-slate-100 p-2 dark:bg-slate-800/60',
        swimlanes ? 'grid grid-rows-subgrid' : 'flex flex-col self-start',
        c.wip.over && 'ring-2 ring-red-500',
      )}
    >
      <header className="flex flex-col gap-2" style={{ gridRow: 1 }}>
        <div className="flex items-center justify-between gap-2 px-1">
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
        </div>
        {c.collapsed && (
          <button
            type="button"
            className="text-left text-xs text-indigo-700 underline dark:text-indigo-300"
            onClick={p.onExpand}
          >
            Show closed columns
          </button>
        )}
      </header>
      {rows.map(({ lane, cellRow }) =>
        cellRow === null ? null : (
          <BoardCell
            key={lane.key}
            row={swimlanes ? cellRow : undefined}
            laneKey={lane.key}
            statusId={c.status.id}
            statusIndex={p.index}
            issues={c.collapsed ? NONE : (lane.cells.get(c.status.id) ?? NONE)}
            cardInfo={p.cardInfo}
            dimmed={p.dimmed}
            tall={!swimlanes && !c.collapsed}
          />
        ),
      )}
    </section>
  )
})

const NONE: Issue[] = []
