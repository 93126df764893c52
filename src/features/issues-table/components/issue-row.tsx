import type { Column } from '@tanstack/react-table'
import clsx from 'clsx'
import { memo, type MouseEvent } from 'react'
import { focusRing } from '../../../components/ui/button'
import type { IssueGroup } from '../../../domain/issue-sort'
import type { Issue, IssueId } from '../../../trackers/tracker'
import { SELECT_COLUMN } from '../columns'

export const ROW_HEIGHT = 36

export interface IssueRowProps {
  /** `YYYY-MM-DD`, for overdue marks. */
  today: string
  /** The visible columns in order: a new array when they change, so the row re-renders then. */
  columns: Column<Issue, unknown>[]
  /** The issue page's URL. */
  href: string
  issue: Issue
  index: number
  active: boolean
  selected: boolean
  /** Stable callbacks: a row re-renders only when its own issue, state or the columns change. */
  onSelect: (id: IssueId, range: boolean) => void
  onActivate: (index: number) => void
  /** Client-side navigation to the issue, for a plain left click on its link. */
  onOpen: (id: IssueId) => void
}

const plainClick = (e: MouseEvent) =>
  !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey

/**
 * One issue's row, its cells straight from the visible columns' renderers. No TanStack row is
 * made: a row model over 10,000 issues would be rebuilt on every filter change for nothing, and
 * even a row per rendered issue builds a cell object for every column there is, shown or not.
 */
export const IssueRow = memo(function IssueRow({
  today,
  columns,
  href,
  issue,
  index,
  active,
  selected,
  onSelect,
  onActivate,
  onOpen,
}: IssueRowProps) {
  return (
    <tr
      style={{ height: ROW_HEIGHT }}
      data-active={active || undefined}
      onClick={() => onActivate(index)}
      className={clsx(
        'border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900',
        active && 'bg-indigo-50 dark:bg-indigo-950',
      )}
    >
      {columns.map((column) => {
        switch (column.id) {
          case SELECT_COLUMN:
            return (
              <td key={column.id} className="px-2">
                <input
                  type="checkbox"
                  aria-label={`Select #${issue.id}`}
                  checked={selected}
                  onChange={() => {}}
                  onClick={(e) => {
                    e.stopPropagation()
                    onSelect(issue.id, e.shiftKey)
                  }}
                />
              </td>
            )
          case 'id':
            return (
              <td
                key={column.id}
                className="truncate px-2 tabular-nums text-slate-600 dark:text-slate-400"
              >
                #{issue.id}
              </td>
            )
          case 'subject':
            return (
              <td key={column.id} className="truncate px-2">
                <a
                  href={href}
                  aria-label={`#${issue.id} ${issue.subject}`}
                  className={`hover:underline ${focusRing}`}
                  onClick={(e) => {
                    if (!plainClick(e)) return
                    e.preventDefault()
                    onOpen(issue.id)
                  }}
                >
                  {issue.subject}
                </a>
              </td>
            )
          default:
            return (
              <td key={column.id} className="truncate px-2">
                {column.columnDef.meta?.render?.(issue, today)}
              </td>
            )
        }
      })}
    </tr>
  )
})

export interface GroupRowProps {
  group: IssueGroup
  collapsed: boolean
  colSpan: number
  onToggle: (key: string) => void
}

/** A group's heading row: its name, count and hour totals; the button folds the group. */
export const GroupRow = memo(function GroupRow({
  group: g,
  collapsed,
  colSpan,
  onToggle,
}: GroupRowProps) {
  return (
    <tr style={{ height: ROW_HEIGHT }} className="bg-slate-100 dark:bg-slate-800">
      <th scope="rowgroup" colSpan={colSpan} className="px-2 text-left font-semibold">
        <button
          type="button"
          aria-expanded={!collapsed}
          className={`rounded ${focusRing}`}
          onClick={() => onToggle(g.key)}
        >
          <span aria-hidden>{collapsed ? '▸' : '▾'}</span> {g.label}{' '}
          <span className="font-normal text-slate-600 dark:text-slate-400">
            {g.issues.length} · est. {g.estimatedHours.toFixed(1)} h · spent{' '}
            {g.spentHours.toFixed(1)} h
          </span>
        </button>
      </th>
    </tr>
  )
})
