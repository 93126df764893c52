/**
 * The table's column model in TanStack Table, driven by the URL: which columns show and in what
 * order (`columns`), their widths (`widths`) and the sort keys (`sort`). Sorting is manual: the
 * table only holds the state and turns header clicks into new keys; the domain sorts the rows.
 */
import {
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type ColumnSizingState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table'
import { useMemo } from 'react'
import { parseSort } from '../../domain/issue-search'
import type { Issue } from '../../trackers/tracker'
import {
  columnDefs,
  columnForSort,
  FIXED_COLUMNS,
  MAX_WIDTH,
  MIN_WIDTH,
  type Column,
} from './columns'

export interface ColumnModelOptions {
  issues: Issue[]
  /** Every column the chooser offers (after the fixed ones). */
  available: readonly Column[]
  /** The visible ones, in order. */
  visible: readonly string[]
  widths: Record<string, number>
  onWidthsChange: (widths: Record<string, number>) => void
  sort: string[]
  onSortChange: (sort: string[]) => void
}

const clampWidth = (px: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, px)))

export function useColumnModel(o: ColumnModelOptions) {
  const columns = useMemo(() => columnDefs(o.available), [o.available])
  const fieldOf = useMemo(
    () => new Map(columns.flatMap((c) => (c.meta?.sort && c.id ? [[c.id, c.meta.sort]] : []))),
    [columns],
  )
  const sorting: SortingState = useMemo(
    () =>
      parseSort(o.sort).flatMap((k) => {
        const id = columnForSort.get(k.field)
        return id ? [{ id, desc: k.desc }] : []
      }),
    [o.sort],
  )
  const columnOrder = useMemo(() => [...FIXED_COLUMNS, ...o.visible], [o.visible])
  const columnVisibility = useMemo(
    () => Object.fromEntries(o.available.map((c) => [c.id, o.visible.includes(c.id)])),
    [o.available, o.visible],
  )

  return useReactTable<Issue>({
    // Rows are never built from this (no getRowModel call): the virtual window makes its own.
    data: o.issues,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (i) => String(i.id),
    state: { sorting, columnOrder, columnVisibility, columnSizing: o.widths },
    manualSorting: true,
    manualFiltering: true,
    manualGrouping: true,
    // Click: sort by this column alone (or flip it); shift-click: add it or flip it. Up to 4 keys.
    enableSortingRemoval: false,
    enableMultiRemove: false,
    // Set, so TanStack never looks at the rows to guess a first direction.
    sortDescFirst: false,
    maxMultiSortColCount: 4,
    isMultiSortEvent: (e) => (e as { shiftKey?: boolean }).shiftKey === true,
    onSortingChange: (u: Updater<SortingState>) => {
      const next = functionalUpdate(u, sorting)
      o.onSortChange(
        next.flatMap((s) => {
          const field = fieldOf.get(s.id)
          return field ? [`${field}${s.desc ? '.desc' : ''}`] : []
        }),
      )
    },
    // The width is written once, on release.
    columnResizeMode: 'onEnd',
    onColumnSizingChange: (u: Updater<ColumnSizingState>) => {
      const next = functionalUpdate(u, o.widths)
      o.onWidthsChange(Object.fromEntries(Object.entries(next).map(([k, v]) => [k, clampWidth(v)])))
    },
  })
}
