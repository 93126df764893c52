/** The table's columns: header, sort field, width and cell renderer. */
import type { ReactNode } from 'react'
import type { Issue, IssueSortField } from '../../trackers/tracker'

export interface Column {
  id: string
  header: string
  sort?: IssueSortField
  width: string
  cell: (i: Issue, today: string) => ReactNode
}

const date = (v: string | null) => (v ? v.slice(0, 10) : '')
const hours = (v: number | null) => (v == null ? '' : v.toFixed(1))

export const COLUMNS: Column[] = [
  { id: 'project', header: 'Project', sort: 'project', width: '9rem', cell: (i) => i.project.name },
  { id: 'tracker', header: 'Tracker', sort: 'tracker', width: '6rem', cell: (i) => i.tracker.name },
  { id: 'status', header: 'Status', sort: 'status', width: '7rem', cell: (i) => i.status.name },
  {
    id: 'priority',
    header: 'Priority',
    sort: 'priority',
    width: '6rem',
    cell: (i) => i.priority.name,
  },
  {
    id: 'assignee',
    header: 'Assignee',
    sort: 'assignee',
    width: '9rem',
    cell: (i) => i.assignee?.name ?? '',
  },
  { id: 'author', header: 'Author', sort: 'author', width: '9rem', cell: (i) => i.author.name },
  {
    id: 'category',
    header: 'Category',
    sort: 'category',
    width: '7rem',
    cell: (i) => i.category?.name ?? '',
  },
  {
    id: 'version',
    header: 'Version',
    sort: 'version',
    width: '6rem',
    cell: (i) => i.version?.name ?? '',
  },
  {
    id: 'parent',
    header: 'Parent',
    width: '4rem',
    cell: (i) => (i.parent ? `#${i.parent.id}` : ''),
  },
  {
    id: 'start',
    header: 'Start',
    sort: 'startDate',
    width: '6.5rem',
    cell: (i) => date(i.startDate),
  },
  {
    id: 'due',
    header: 'Due',
    sort: 'dueDate',
    width: '6.5rem',
    cell: (i, today) =>
      i.dueDate && i.dueDate < today && !i.status.isClosed ? (
        <span className="font-medium text-red-700 dark:text-red-400">
          {i.dueDate} <span className="sr-only">(overdue)</span>
        </span>
      ) : (
        date(i.dueDate)
      ),
  },
  { id: 'done', header: 'Done', sort: 'doneRatio', width: '4rem', cell: (i) => `${i.doneRatio}%` },
  {
    id: 'estimated',
    header: 'Est. h',
    sort: 'estimatedHours',
    width: '4.5rem',
    cell: (i) => hours(i.estimatedHours),
  },
  {
    id: 'spent',
    header: 'Spent h',
    sort: 'spentHours',
    width: '4.5rem',
    cell: (i) => hours(i.spentHours),
  },
  {
    id: 'created',
    header: 'Created',
    sort: 'createdOn',
    width: '6.5rem',
    cell: (i) => date(i.createdOn),
  },
  {
    id: 'updated',
    header: 'Updated',
    sort: 'updatedOn',
    width: '6.5rem',
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
    width: '8rem',
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
