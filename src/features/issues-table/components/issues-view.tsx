import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo, useRef, useState } from 'react'
import { EmptyState, ErrorMessage } from '../../../components/ui/feedback'
import { makeIssuePredicate } from '../../../domain/issue-filter'
import { needsMetadataFirst, parseSort, type IssueSearch } from '../../../domain/issue-search'
import { groupIssues, sortIssues } from '../../../domain/issue-sort'
import { usePainted } from '../../../lib/use-painted'
import { metadataQueries, useIssueStore, useServerPaging } from '../../../store'
import type { Issue, IssueId, Ref, TrackerAdapter } from '../../../trackers/tracker'
import { COLUMNS, customFieldColumns, DEFAULT_COLUMNS } from '../columns'
import { BulkBar } from './bulk-bar'
import { ColumnChooser } from './column-chooser'
import { FilterBar } from './filter-bar'
import { IssueTable } from './issue-table'
import { ServerPager } from './server-pager'
import { StatusLine } from './status-line'

export interface IssuesViewProps {
  tracker: TrackerAdapter
  /** Project identifier; absent for all projects. */
  project?: string
  search: IssueSearch
  onChange: (patch: Partial<IssueSearch>) => void
}

export function IssuesView({ tracker, project, search, onChange }: IssuesViewProps) {
  const scope = useMemo(() => ({ project, status: search.status }), [project, search.status])
  const sortKeys = useMemo(() => parseSort(search.sort), [search.sort])
  // Above the issue cap the store holds one server page at a time, and `paging` drives the pager.
  const loaded = useIssueStore(tracker, scope, sortKeys)
  const { store, paging } = useServerPaging(tracker, scope, search, loaded)
  // Redmine serves one request at a time. On a cold load of a plain view (no chips to name, no
  // status or priority order) the first issues page goes first and the metadata follows it; rows
  // from disk are painted before the metadata is asked for.
  const painted = usePainted()
  const metaNow =
    (painted && (store.issues.length > 0 || !store.isLoading)) ||
    needsMetadataFirst(search, sortKeys)
  const statuses = useQuery({ ...metadataQueries.statuses(tracker), enabled: metaNow })
  const types = useQuery({ ...metadataQueries.types(tracker), enabled: metaNow })
  const priorities = useQuery({ ...metadataQueries.priorities(tracker), enabled: metaNow })
  // Who is signed in matters to the rows only for "assignee: me": asked with the other metadata
  // unless the search has it.
  const me = useQuery({
    ...metadataQueries.me(tracker),
    enabled: metaNow || search.assignee.includes('me'),
  })
  const customFields = useQuery({ ...metadataQueries.customFields(tracker), enabled: metaNow })
  // Typing stays responsive on 10,000 issues: the text search is deferred (the table follows it
  // a render behind while keys arrive); any other change (a filter, a sort) applies at once, and
  // in one render: deferring the whole search would render the view twice for each of them.
  const lagging = useDeferredValue(search.q)
  const deferred = useMemo(
    () => (lagging === search.q ? search : { ...search, q: lagging }),
    [search, lagging],
  )

  const order = useMemo(
    () => ({
      statusPosition: new Map((statuses.data ?? []).map((s) => [s.id, s.position])),
      priorityPosition: new Map((priorities.data ?? []).map((p) => [p.id, p.position])),
    }),
    [statuses.data, priorities.data],
  )
  const filtered = useMemo(
    () => store.issues.filter(makeIssuePredicate(deferred, { meId: me.data?.id ?? null })),
    [store.issues, deferred, me.data?.id],
  )
  const sorted = useMemo(
    () => sortIssues(filtered, parseSort(deferred.sort), order),
    [filtered, deferred.sort, order],
  )
  const groups = useMemo(
    () => (deferred.group ? groupIssues(sorted, deferred.group, order) : null),
    [sorted, deferred.group, order],
  )
  const defaultColumns = project ? DEFAULT_COLUMNS : ['project', ...DEFAULT_COLUMNS]
  const columnIds = search.columns.length > 0 ? search.columns : defaultColumns
  const available = useMemo(() => [...COLUMNS, ...customFieldColumns(store.issues)], [store.issues])

  // Row selection for bulk edit: what the user picked, not a view, so it stays out of the URL.
  const [selected, setSelected] = useState<ReadonlySet<IssueId>>(() => new Set())
  const anchor = useRef<IssueId | null>(null)
  const onSelect = (id: IssueId, range: boolean) => {
    const next = new Set(selected)
    const from = anchor.current === null ? -1 : sorted.findIndex((i) => i.id === anchor.current)
    const to = sorted.findIndex((i) => i.id === id)
    if (range && from >= 0 && to >= 0) {
      for (let k = Math.min(from, to); k <= Math.max(from, to); k++) next.add(sorted[k]!.id)
    } else if (next.has(id)) next.delete(id)
    else next.add(id)
    anchor.current = id
    setSelected(next)
  }
  const bulkChoices = useMemo(
    () => ({
      status: statuses.data ?? [],
      priority: priorities.data ?? [],
      assignee: distinctRefs(store.issues, (i) => i.assignee),
      version: distinctRefs(store.issues, (i) => i.version),
      category: distinctRefs(store.issues, (i) => i.category),
    }),
    [statuses.data, priorities.data, store.issues],
  )

  return (
    <div className="space-y-3">
      <FilterBar
        search={search}
        onChange={onChange}
        issues={store.issues}
        meta={{
          statuses: statuses.data ?? [],
          types: types.data ?? [],
          priorities: priorities.data ?? [],
        }}
        customFields={customFields.data}
      />
      <div className="flex items-start justify-between gap-2">
        <StatusLine store={store} shown={sorted.length} />
        <ColumnChooser
          available={available}
          visible={columnIds}
          onChange={(ids) => onChange({ columns: ids })}
        />
      </div>
      {paging && <ServerPager paging={paging} />}
      {selected.size > 0 && (
        <BulkBar
          tracker={tracker}
          selected={[...selected]}
          shownCount={sorted.length}
          onSelectAll={() => setSelected(new Set(sorted.map((i) => i.id)))}
          onClear={() => setSelected(new Set())}
          choices={bulkChoices}
        />
      )}
      {store.error && !store.snapshot ? (
        <ErrorMessage error={store.error} onRetry={store.refresh} />
      ) : (
        <>
          {store.error && <ErrorMessage error={store.error} onRetry={store.refresh} />}
          {!store.isLoading && sorted.length === 0 ? (
            <EmptyState
              title={
                store.issues.length === 0 ? 'No issues here yet' : 'No issue matches these filters'
              }
            />
          ) : (
            <IssueTable
              conn={tracker.id}
              groups={groups}
              issues={sorted}
              available={available}
              visible={columnIds}
              widths={search.widths}
              onWidthsChange={(widths) => onChange({ widths })}
              sort={search.sort}
              onSortChange={(sort) => onChange({ sort })}
              selected={selected}
              onSelect={onSelect}
            />
          )}
        </>
      )}
    </div>
  )
}

function distinctRefs(issues: readonly Issue[], pick: (i: Issue) => Ref | null): Ref[] {
  const seen = new Map<number, Ref>()
  for (const i of issues) {
    const r = pick(i)
    if (r && !seen.has(r.id)) seen.set(r.id, r)
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
}
