import {
  flexRender,
  type Column,
  type ColumnSizingInfoState,
  type ColumnSizingState,
  type Header,
  type SortingState,
  type Table,
} from '@tanstack/react-table'
import { memo } from 'react'
import { focusRing } from '../../../components/ui/button'
import type { Issue } from '../../../trackers/tracker'
import { SELECT_COLUMN } from '../columns'
import { ResizeHandle } from './resize-handle'

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const
const thClass =
  'relative border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-left text-xs font-semibold text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300'

export interface TableHeaderProps {
  table: Table<Issue>
  // The parts of the table's state the header shows: it re-renders when they change, not on
  // every scroll step of the rows below.
  columns: Column<Issue, unknown>[]
  sorting: SortingState
  sizing: ColumnSizingState
  sizingInfo: ColumnSizingInfoState
}

/** The header row from TanStack Table's header groups: sort buttons, sort state, resizing. */
export const TableHeader = memo(function TableHeader({ table, sizingInfo }: TableHeaderProps) {
  const delta = sizingInfo.deltaOffset ?? 0
  return (
    <thead className="sticky top-0 z-10">
      {table.getHeaderGroups().map((g) => (
        <tr key={g.id}>
          {g.headers.map((h) =>
            h.column.id === SELECT_COLUMN ? (
              <th key={h.id} scope="col" style={{ width: h.getSize() }} className={thClass}>
                <span className="sr-only">Selected</span>
              </th>
            ) : (
              <HeaderCell
                key={h.id}
                header={h}
                width={h.getSize() + (h.column.getIsResizing() ? delta : 0)}
              />
            ),
          )}
        </tr>
      ))}
    </thead>
  )
})

function HeaderCell({ header, width }: { header: Header<Issue, unknown>; width: number }) {
  const { column } = header
  const sorted = column.getIsSorted()
  const label = String(column.columnDef.header)
  // With several keys, show each one's rank.
  const rank = sorted && column.getSortIndex() >= 0 ? column.getSortIndex() + 1 : 0
  const multi = rank > 0 && header.getContext().table.getState().sorting.length > 1
  return (
    <th
      scope="col"
      aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}
      style={{ width: Math.max(width, column.columnDef.minSize ?? 0) }}
      className={thClass}
    >
      {column.getCanSort() ? (
        <button
          type="button"
          className={`inline-flex items-center gap-1 rounded ${focusRing}`}
          onClick={column.getToggleSortingHandler()}
          title="Click to sort; shift-click to add a sort key"
        >
          {flexRender(column.columnDef.header, header.getContext())}
          <span aria-hidden>
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
            {multi ? <sub>{rank}</sub> : null}
          </span>
        </button>
      ) : (
        flexRender(column.columnDef.header, header.getContext())
      )}
      {column.getCanResize() && <ResizeHandle header={header} label={label} />}
    </th>
  )
}
