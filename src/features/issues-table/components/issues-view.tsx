import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo } from 'react'
import { EmptyState, ErrorMessage } from '../../../components/ui/feedback'
import { makeIssuePredicate } from '../../../domain/issue-filter'
import { parseSort, toggleSort, type IssueSearch } from '../../../domain/issue-search'
import { groupIssues, sortIssues } from '../../../domain/issue-sort'
import { metadataQueries, useIssueStore } from '../../../store'
import type { TrackerAdapter } from '../../../trackers/tracker'
import { DEFAULT_COLUMNS } from '../columns'
import { FilterBar } from './filter-bar'
import { IssueTable } from './issue-table'
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
  const store = useIssueStore(tracker, scope, sortKeys)
  const statuses = useQuery(metadataQueries.statuses(tracker))
  const types = useQuery(metadataQueries.types(tracker))
  const priorities = useQuery(metadataQueries.priorities(tracker))
  const me = useQuery(metadataQueries.me(tracker))
  // Typing stays responsive on 10,000 issues: the table follows a deferred copy of the search.
  const deferred = useDeferredValue(search)

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
  const columns = project ? DEFAULT_COLUMNS : ['project', ...DEFAULT_COLUMNS]

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
      />
      <StatusLine store={store} shown={sorted.length} />
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
              columns={columns}
              sort={search.sort}
              onSort={(field, multi) => onChange({ sort: toggleSort(search.sort, field, multi) })}
            />
          )}
        </>
      )}
    </div>
  )
}
