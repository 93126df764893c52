import { Link, useNavigate } from '@tanstack/react-router'
import { useVirtualizer } from '@tanstack/react-virtual'
import clsx from 'clsx'
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { focusRing } from '../../../components/ui/button'
import { parseSort } from '../../../domain/issue-search'
import type { IssueGroup } from '../../../domain/issue-sort'
import type { ConnectionId, Issue, IssueId, IssueSortField } from '../../../trackers/tracker'
import type { Column } from '../columns'
import { ResizeHandle } from './resize-handle'

type Row =
  { kind: 'group'; group: IssueGroup; collapsed: boolean } | { kind: 'issue'; issue: Issue }

export interface IssueTableProps {
  conn: ConnectionId
  groups: IssueGroup[] | null
  issues: Issue[]
  /** Visible columns after # and Subject, in order. */
  columns: Column[]
  /** Widths in px chosen by resizing, by column id. */
  widths: Record<string, number>
  onResize: (id: string, px: number) => void
  sort: string[]
  onSort: (field: IssueSortField, multi: boolean) => void
  selected: ReadonlySet<IssueId>
  /** A row's checkbox: `range` when shift-clicked (select from the last one clicked). */
  onSelect: (id: IssueId, range: boolean) => void
}

const ROW_HEIGHT = 36

export function IssueTable({
  conn,
  groups,
  issues,
  columns: cols,
  widths,
  onResize,
  sort,
  onSort,
  selected,
  onSelect,
}: IssueTableProps) {
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set())
  const [active, setActive] = useState(0)
  const scroller = useRef<HTMLDivElement>(null)
  const navigate = useNavigate()
  const sortKeys = parseSort(sort)
  const today = new Date().toISOString().slice(0, 10)

  const rows: Row[] = useMemo(() => {
    if (!groups) return issues.map((issue) => ({ kind: 'issue', issue }))
    return groups.flatMap((group): Row[] => {
      const isCollapsed = collapsed.has(group.key)
      return [
        { kind: 'group', group, collapsed: isCollapsed },
        ...(isCollapsed ? [] : group.issues.map((issue) => ({ kind: 'issue' as const, issue }))),
      ]
    })
  }, [groups, issues, collapsed])

  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Until the container is measured (and in tests), assume a screenful.
    initialRect: { width: 1200, height: 700 },
  })
  const items = virtual.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0)

  const move = (delta: number) => {
    let next = active
    do next += delta
    while (next >= 0 && next < rows.length && rows[next]!.kind !== 'issue')
    if (next < 0 || next >= rows.length) return
    setActive(next)
    virtual.scrollToIndex(next, { align: 'auto' })
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return
    if (e.key === 'j' || e.key === 'ArrowDown') {
      e.preventDefault()
      move(1)
    } else if (e.key === 'k' || e.key === 'ArrowUp') {
      e.preventDefault()
      move(-1)
    } else if (e.key === 'x') {
      const row = rows[active]
      if (row?.kind === 'issue') onSelect(row.issue.id, false)
    } else if (e.key === 'Enter') {
      const row = rows[active]
      if (row?.kind === 'issue')
        void navigate({ to: '/$conn/issues/$id', params: { conn, id: row.issue.id } })
    }
  }

  const sortState = (field?: IssueSortField) => {
    const k = sortKeys.find((s) => s.field === field)
    return k ? (k.desc ? 'descending' : 'ascending') : 'none'
  }
  const header = (id: string, label: string, field: IssueSortField | undefined, width: string) => (
    <th
      key={id}
      scope="col"
      aria-sort={sortState(field)}
      style={{ width: widths[id] ? `${widths[id]}px` : width }}
      className="relative border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-left text-xs font-semibold text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
    >
      {field ? (
        <button
          type="button"
          className={`inline-flex items-center gap-1 rounded ${focusRing}`}
          onClick={(e) => onSort(field, e.shiftKey)}
          title="Click to sort; shift-click to add a sort key"
        >
          {label}
          <span aria-hidden>{{ ascending: '▲', descending: '▼', none: '' }[sortState(field)]}</span>
        </button>
      ) : (
        label
      )}
      <ResizeHandle label={label} onResize={(px) => onResize(id, px)} />
    </th>
  )

  return (
    <div
      ref={scroller}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label="Issues (j/k or arrows to move, x to select, Enter to open)"
      role="region"
      className={`h-[70vh] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800 ${focusRing}`}
    >
      <table className="w-full table-fixed border-separate border-spacing-0 text-sm">
        <thead className="sticky top-0 z-10">
          <tr>
            <th
              scope="col"
              style={{ width: '2.25rem' }}
              className="border-b border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900"
            >
              <span className="sr-only">Selected</span>
            </th>
            {header('id', '#', 'id', '4.5rem')}
            {header('subject', 'Subject', 'subject', '22rem')}
            {cols.map((c) => header(c.id, c.header, c.sort, c.width))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={cols.length + 3} />
            </tr>
          )}
          {items.map((v) => {
            const row = rows[v.index]!
            if (row.kind === 'group') {
              const g = row.group
              return (
                <tr
                  key={`g-${g.key}`}
                  style={{ height: ROW_HEIGHT }}
                  className="bg-slate-100 dark:bg-slate-800"
                >
                  <th
                    scope="rowgroup"
                    colSpan={cols.length + 3}
                    className="px-2 text-left font-semibold"
                  >
                    <button
                      type="button"
                      aria-expanded={!row.collapsed}
                      className={`rounded ${focusRing}`}
                      onClick={() =>
                        setCollapsed((prev) => {
                          const next = new Set(prev)
                          if (next.has(g.key)) next.delete(g.key)
                          else next.add(g.key)
                          return next
                        })
                      }
                    >
                      <span aria-hidden>{row.collapsed ? '▸' : '▾'}</span> {g.label}{' '}
                      <span className="font-normal text-slate-600 dark:text-slate-400">
                        {g.issues.length} · est. {g.estimatedHours.toFixed(1)} h · spent{' '}
                        {g.spentHours.toFixed(1)} h
                      </span>
                    </button>
                  </th>
                </tr>
              )
            }
            const i = row.issue
            return (
              <tr
                key={i.id}
                style={{ height: ROW_HEIGHT }}
                data-active={v.index === active || undefined}
                onClick={() => setActive(v.index)}
                className={clsx(
                  'border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900',
                  v.index === active && 'bg-indigo-50 dark:bg-indigo-950',
                )}
              >
                <td className="px-2">
                  <input
                    type="checkbox"
                    aria-label={`Select #${i.id}`}
                    checked={selected.has(i.id)}
                    onChange={() => {}}
                    onClick={(e) => {
                      e.stopPropagation()
                      onSelect(i.id, e.shiftKey)
                    }}
                  />
                </td>
                <td className="truncate px-2 tabular-nums text-slate-600 dark:text-slate-400">
                  #{i.id}
                </td>
                <td className="truncate px-2">
                  <Link
                    to="/$conn/issues/$id"
                    params={{ conn, id: i.id }}
                    aria-label={`#${i.id} ${i.subject}`}
                    className={`hover:underline ${focusRing}`}
                  >
                    {i.subject}
                  </Link>
                </td>
                {cols.map((c) => (
                  <td key={c.id} className="truncate px-2">
                    {c.cell(i, today)}
                  </td>
                ))}
              </tr>
            )
          })}
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={cols.length + 3} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
