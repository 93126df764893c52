import { useNavigate, useRouter } from '@tanstack/react-router'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { focusRing } from '../../../components/ui/button'
import type { IssueGroup } from '../../../domain/issue-sort'
import { observeRectAfterLayout, windowHeight } from '../../../lib/virtual-rect'
import type { ConnectionId, Issue, IssueId } from '../../../trackers/tracker'
import { useColumnModel, type ColumnModelOptions } from '../use-column-model'
import { GroupRow, IssueRow, ROW_HEIGHT } from './issue-row'
import { TableHeader } from './table-header'

interface GroupHeading {
  group: IssueGroup
  collapsed: boolean
}
/** A row of the virtual list: an issue, or a group's heading. */
type Row = Issue | GroupHeading
const isGroup = (r: Row): r is GroupHeading => 'group' in r

/** The column model's inputs (columns, widths, sort) plus the rows and their selection. */
export interface IssueTableProps extends ColumnModelOptions {
  conn: ConnectionId
  groups: IssueGroup[] | null
  selected: ReadonlySet<IssueId>
  /** A row's checkbox: `range` when shift-clicked (select from the last one clicked). */
  onSelect: (id: IssueId, range: boolean) => void
}

/** Keeps a callback's identity while it follows the latest props, so memoized rows stay put. */
function useStableCallback<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const ref = useRef(fn)
  useLayoutEffect(() => {
    ref.current = fn
  })
  return useCallback((...args: A) => ref.current(...args), [])
}

export function IssueTable({
  conn,
  groups,
  issues,
  available,
  visible,
  widths,
  onWidthsChange,
  sort,
  onSortChange,
  selected,
  onSelect,
}: IssueTableProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const [active, setActive] = useState(0)
  const scroller = useRef<HTMLDivElement>(null)
  const navigate = useNavigate()
  const router = useRouter()
  const today = new Date().toISOString().slice(0, 10)
  const table = useColumnModel({
    issues,
    available,
    visible,
    widths,
    onWidthsChange,
    sort,
    onSortChange,
  })
  const columns = table.getVisibleLeafColumns()
  const state = table.getState()

  // Ungrouped, the issues are the rows: nothing is copied for 10,000 of them.
  const rows: readonly Row[] = useMemo(() => {
    if (!groups) return issues
    return groups.flatMap((group): Row[] => {
      const isCollapsed = collapsed.has(group.key)
      return [{ group, collapsed: isCollapsed }, ...(isCollapsed ? [] : group.issues)]
    })
  }, [groups, issues, collapsed])

  // Stable while the rows are: a new key function makes the virtualizer re-measure every row.
  const getItemKey = useCallback(
    (index: number) => {
      const r = rows[index]!
      return isGroup(r) ? `g-${r.group.key}` : r.id
    },
    [rows],
  )
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    // Fixed-height rows: nothing is measured, so scrolling never forces a layout.
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey,
    // Scrolling renders in React's own batch, not synchronously inside the scroll event.
    useFlushSync: false,
    // The container's size as its CSS sets it (70vh, less its border) until it is measured after
    // the first layout: mounting forces no layout of its own.
    initialRect: { width: 1200, height: windowHeight(0.7, 2) },
    observeElementRect: observeRectAfterLayout,
  })
  const items = virtual.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0)

  const select = useStableCallback(onSelect)
  // Rows link with plain anchors: a router Link per row rebuilds its href on every URL change
  // (each filter or sort), for 50 rows at a time. The list's href is built once.
  const issuesHref = useMemo(
    () =>
      router
        .buildLocation({ to: '/$conn/issues', params: { conn } })
        .href.split(/[?#]/)[0]!
        .replace(/\/$/, ''),
    [router, conn],
  )
  const open = useCallback(
    (id: IssueId) => void navigate({ to: '/$conn/issues/$id', params: { conn, id } }),
    [navigate, conn],
  )
  const toggleGroup = useCallback(
    (key: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev)
        if (next.has(key)) next.delete(key)
        else next.add(key)
        return next
      }),
    [],
  )

  const move = (delta: number) => {
    let next = active
    do next += delta
    while (next >= 0 && next < rows.length && isGroup(rows[next]!))
    if (next < 0 || next >= rows.length) return
    setActive(next)
    virtual.scrollToIndex(next, { align: 'auto' })
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return
    const row = rows[active]
    const issue = row && !isGroup(row) ? row : null
    if (e.key === 'j' || e.key === 'ArrowDown') {
      e.preventDefault()
      move(1)
    } else if (e.key === 'k' || e.key === 'ArrowUp') {
      e.preventDefault()
      move(-1)
    } else if (e.key === 'x') {
      if (issue) onSelect(issue.id, false)
    } else if (e.key === 'Enter') {
      if (issue) open(issue.id)
    }
  }

  return (
    <div
      ref={scroller}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label="Issues (j/k or arrows to move, x to select, Enter to open)"
      role="region"
      // Its size never depends on the rows, so a scroll step lays out only what is inside.
      className={`h-[70vh] overflow-auto rounded-lg border border-slate-200 [contain:strict] [overflow-anchor:none] dark:border-slate-800 ${focusRing}`}
    >
      <table
        className="w-full table-fixed border-separate border-spacing-0 text-sm"
        style={{ minWidth: table.getTotalSize() }}
      >
        <TableHeader
          table={table}
          columns={columns}
          sorting={state.sorting}
          sizing={state.columnSizing}
          sizingInfo={state.columnSizingInfo}
        />
        <tbody>
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {items.map((v) => {
            const row = rows[v.index]!
            return isGroup(row) ? (
              <GroupRow
                key={v.key}
                group={row.group}
                collapsed={row.collapsed}
                colSpan={columns.length}
                onToggle={toggleGroup}
              />
            ) : (
              <IssueRow
                // By position: a filter or sort updates the rows on screen in place instead of
                // removing them and building new ones (rows hold no state of their own).
                key={v.index}
                today={today}
                columns={columns}
                href={`${issuesHref}/${row.id}`}
                issue={row}
                index={v.index}
                active={v.index === active}
                selected={selected.has(row.id)}
                onSelect={select}
                onActivate={setActive}
                onOpen={open}
              />
            )
          })}
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
