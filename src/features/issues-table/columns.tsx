/**
 * The table's columns: header, sort field, default width and cell renderer, and their TanStack
 * Table definitions. Rows stay ours: sorting, filtering and grouping are the domain's functions.
 */
import type { ColumnDef, RowData } from '@tanstack/react-table'
import type { ReactNode } from 'react'
import type { Issue, IssueSortField } from '../../trackers/tracker'

export interface Column {
  id: string
  header: string
  sort?: IssueSortField
  /** Default width in px (resizing stores others in the URL's `widths`). */
  size: number
  cell: (i: Issue, today: string) => ReactNode
}

declare module '@tanstack/react-table' {
  // Declaration merging must keep TanStack's type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The domain sort field behind the column's sort state. */
    sort?: IssueSortField
    /** The cell's content for an issue (rows render it directly, without TanStack's rows). */
    render?: (i: Issue, today: string) => ReactNode
  }
}

/** Always shown, always first: the row checkbox, the id and the subject (the row's link). */
export const SELECT_COLUMN = 'select'
export const FIXED_COLUMNS = [SELECT_COLUMN, 'id', 'subject'] as const

export const MIN_WIDTH = 40
export const MAX_WIDTH = 1200

const date = (v: string | null) => (v ? v.slice(0, 10) : '')
const hours = (v: number | null) => (v == null ? '' : v.toFixed(1))

export const COLUMNS: Column[] = [
  { id: 'project', header: 'Project', sort: 'project', size: 144, cell: (i) => i.project.name },
  { id: 'tracker', header: 'Tracker', sort: 'tracker', size: 96, cell: (i) => i.tracker.name },
  { id: 'status', header: 'Status', sort: 'status', size: 112, cell: (i) => i.status.name },
  {
    id: 'priority',
    header: 'Priority',
    sort: 'priority',
    size: 96,
    cell: (i) => i.priority.name,
  },
  {
    id: 'assignee',
    header: 'Assignee',
    sort: 'assignee',
    size: 144,
    cell: (i) => i.assignee?.name ?? '',
  },
  { id: 'author', header: 'Author', sort: 'author', size: 144, cell: (i) => i.author.name },
  {
    id: 'category',
    header: 'Category',
    sort: 'category',
    size: 112,
    cell: (i) => i.category?.name ?? '',
  },
  {
    id: 'version',
    header: 'Version',
    sort: 'version',
    size: 96,
    cell: (i) => i.version?.name ?? '',
  },
  {
    id: 'parent',
    header: 'Parent',
    size: 64,
    cell: (i) => (i.parent ? `#${i.parent.id}` : ''),
  },
  {
    id: 'start',
    header: 'Start',
    sort: 'startDate',
    size: 104,
    cell: (i) => date(i.startDate),
  },
  {
    id: 'due',
    header: 'Due',
    sort: 'dueDate',
    size: 104,
    cell: (i, today) =>
      i.dueDate && i.dueDate < today && !i.status.isClosed ? (
        <span className="font-medium text-red-700 dark:text-red-400">
          {i.dueDate} <span className="sr-only">(overdue)</span>
        </span>
      ) : (
        date(i.dueDate)
      ),
  },
  { id: 'done', header: 'Done', sort: 'doneRatio', size: 64, cell: (i) => `${i.doneRatio}%` },
  {
    id: 'estimated',
    header: 'Est. h',
    sort: 'estimatedHours',
    size: 72,
    cell: (i) => hours(i.estimatedHours),
  },
  {
    id: 'spent',
    header: 'Spent h',
    sort: 'spentHours',
    size: 72,
    cell: (i) => hours(i.spentHours),
  },
  {
    id: 'created',
    header: 'Created',
    sort: 'createdOn',
    size: 104,
    cell: (i) => date(i.createdOn),
  },
  {
    id: 'updated',
    header: 'Updated',
    sort: 'updatedOn',
    size: 104,
    cell: (i) => date(i.updatedOn),
  },
]

export const DEFAULT_COLUMNS = ['tracker', 'status', 'priority', 'assignee', 'updated']

/** One column per custom field the loaded issues carry (names travel with the values). */
export function customFieldColumns(issues: readonly Issue[]): Column[] {
  const seen = new Map<number, string>()
  for (const i of issues)
    for (const f of i.customFields) if (!seen.has(f.id)) seen.set(f.id, f.name)
  return [...seen].map(([id, name]) => ({
    id: `cf${id}`,
    header: name,
    size: 128,
    cell: (i) => {
      const v = i.customFields.find((f) => f.id === id)?.value
      return Array.isArray(v) ? v.join(', ') : (v ?? '')
    },
  }))
}

/** The visible columns in the order chosen; unknown ids (a field gone from the tracker) drop out. */
export function visibleColumns(ids: readonly string[], available: readonly Column[]): Column[] {
  const byId = new Map(available.map((c) => [c.id, c]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** The column id that shows a sort field, for TanStack's sort state (`updatedOn` → `updated`). */
export const columnForSort: ReadonlyMap<IssueSortField, string> = new Map([
  ['id', 'id'],
  ['subject', 'subject'],
  ...COLUMNS.flatMap((c) => (c.sort ? [[c.sort, c.id] as const] : [])),
])

function toDef(c: Column): ColumnDef<Issue> {
  return {
    id: c.id,
    header: c.header,
    // Sorting needs an accessor; the value itself is never used (the domain sorts).
    accessorFn: (i) => i.id,
    size: c.size,
    minSize: MIN_WIDTH,
    maxSize: MAX_WIDTH,
    enableSorting: c.sort !== undefined,
    enableMultiSort: c.sort !== undefined,
    meta: { sort: c.sort, render: c.cell },
  }
}

/** Definitions for TanStack Table: the fixed columns, then every available one. */
export function columnDefs(available: readonly Column[]): ColumnDef<Issue>[] {
  return [
    {
      id: SELECT_COLUMN,
      header: 'Selected',
      size: 36,
      enableSorting: false,
      enableResizing: false,
    },
    toDef({ id: 'id', header: '#', sort: 'id', size: 72, cell: (i) => `#${i.id}` }),
    toDef({ id: 'subject', header: 'Subject', sort: 'subject', size: 352, cell: (i) => i.subject }),
    ...available.map(toDef),
  ]
}
