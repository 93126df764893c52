/**
 * Scopes above the issue cap are not loaded: the view pages on the tracker, one page at a time,
 * sorted and filtered there as far as the tracker can (capabilities.serverFilters). The page
 * number is the user's place in the list, not part of the view, so it resets when the filters or
 * the sort change.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { parseSort, type IssueSearch } from '../domain/issue-search'
import type {
  Capabilities,
  ConnectionId,
  IssueFilterName,
  IssueFilters,
  IssueQuery,
  TrackerAdapter,
} from '../trackers/tracker'
import { issueCap } from './cap'
import type { IssueStore } from './issue-store'
import { scopeKey, type Scope } from './scope'

export const SERVER_PAGE_SIZE = 100
/** Redmine sorts by at most three keys. */
const SERVER_SORT_KEYS = 3

const LABELS: Record<IssueFilterName, string> = {
  statusIds: 'Status',
  trackerIds: 'Tracker',
  priorityIds: 'Priority',
  assignee: 'Assignee',
  authorIds: 'Author',
  categoryIds: 'Category',
  versionIds: 'Target version',
  customFields: 'Custom fields',
  subjectContains: 'Text search',
  createdOn: 'Created',
  updatedOn: 'Updated',
  dueDate: 'Due date',
  hasAttachments: 'Attachments',
}

const list = (ids: number[]) => (ids.length > 0 ? ids : undefined)
const range = (from?: string, to?: string) => (from || to ? { from, to } : undefined)

/**
 * The view's filters as tracker-side filters, and the names of those the tracker will not apply
 * (they still narrow the page shown, like every filter does on loaded issues).
 */
export function serverFilters(
  search: IssueSearch,
  scope: Scope,
  caps: Pick<Capabilities, 'serverFilters'>,
): { filters: IssueFilters; notApplied: string[] } {
  const notApplied: string[] = []
  const cf = Object.entries(search.cf).filter(([, v]) => v.length > 0)
  const hasNone = search.assignee.includes('none')
  const people = search.assignee.filter((a): a is number | 'me' => a !== 'none')
  const wanted: IssueFilters = {
    statusIds: list(search.statusIds),
    trackerIds: list(search.tracker),
    priorityIds: list(search.priority),
    assignee: hasNone && people.length === 0 ? 'none' : people.length > 0 ? people : undefined,
    authorIds: list(search.author),
    categoryIds: list(search.category),
    versionIds: list(search.version),
    customFields: cf.length > 0 ? Object.fromEntries(cf) : undefined,
    subjectContains: search.q.trim() || undefined,
    createdOn: range(search.createdFrom, search.createdTo),
    updatedOn: range(search.updatedFrom, search.updatedTo),
    dueDate: range(search.dueFrom, search.dueTo),
    hasAttachments: search.attachments || undefined,
  }
  const supported = new Set(caps.serverFilters ?? [])
  const filters: IssueFilters = {}
  for (const [name, value] of Object.entries(wanted) as [IssueFilterName, unknown][]) {
    if (value === undefined) continue
    if (supported.has(name)) Object.assign(filters, { [name]: value })
    else notApplied.push(LABELS[name])
  }
  // What the tracker cannot express even though it has the filter.
  if (filters.assignee && hasNone && people.length > 0)
    notApplied.push('Assignee "none" together with people')
  if (filters.categoryIds && !scope.project) {
    delete filters.categoryIds
    notApplied.push('Category (only within a project)')
  }
  if (filters.subjectContains) notApplied.push('Text search in descriptions (subjects only)')
  return { filters, notApplied }
}

export const serverPageQueries = {
  all: (conn: ConnectionId) => ['c', conn, 'issues', 'server-page'] as const,
  page: (t: TrackerAdapter, q: IssueQuery) =>
    queryOptions({
      queryKey: [...serverPageQueries.all(t.id), q] as const,
      queryFn: ({ signal }) => t.listIssues(q, signal),
      // The previous page stays on screen (and the pager usable) while the next one loads.
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
}

export interface ServerPaging {
  /** 1-based. */
  page: number
  pageCount: number
  /** Issues matching on the server. */
  total: number
  /** Issues in the whole scope, and the cap it exceeds. */
  scopeTotal: number
  cap: number
  notApplied: string[]
  isFetching: boolean
  setPage: (page: number) => void
}

/**
 * Passes `store` through while its scope is loaded; once the store says the scope is too large,
 * its issues are the current server page and `paging` drives the pager.
 */
export function useServerPaging(
  t: TrackerAdapter,
  scope: Scope,
  search: IssueSearch,
  store: IssueStore,
): { store: IssueStore; paging: ServerPaging | null } {
  const on = store.snapshot?.serverPaged === true
  const base = useMemo(() => {
    const { filters, notApplied } = serverFilters(search, scope, t.capabilities)
    const sort = parseSort(search.sort).slice(0, SERVER_SORT_KEYS)
    const q = { project: scope.project, status: scope.status, filters, sort }
    return { q, notApplied, key: `${scopeKey(scope)}|${JSON.stringify(q)}` }
  }, [search, scope, t.capabilities])
  // The page belongs to the query it was chosen for: another filter or sort starts at page 1.
  const [at, setAt] = useState({ key: '', page: 1 })
  const page = at.key === base.key ? at.page : 1
  const query: IssueQuery = {
    ...base.q,
    includeAttachments: true,
    offset: (page - 1) * SERVER_PAGE_SIZE,
    limit: SERVER_PAGE_SIZE,
  }
  const q = useQuery({ ...serverPageQueries.page(t, query), enabled: on })
  const setPage = useCallback((p: number) => setAt({ key: base.key, page: p }), [base.key])
  const { refresh } = store
  const refetch = q.refetch
  const refreshBoth = useCallback(() => {
    refresh()
    void refetch()
  }, [refresh, refetch])
  if (!on) return { store, paging: null }
  const total = q.data?.totalCount ?? 0
  return {
    store: {
      ...store,
      issues: q.data?.issues ?? [],
      isLoading: q.isPending,
      isRefreshing: q.isFetching && !q.isPending,
      error: q.error ?? store.error,
      refresh: refreshBoth,
    },
    paging: {
      page,
      pageCount: Math.max(1, Math.ceil(total / SERVER_PAGE_SIZE)),
      total,
      scopeTotal: store.snapshot?.totalCount ?? total,
      cap: issueCap(t),
      notApplied: base.notApplied,
      isFetching: q.isFetching,
      setPage,
    },
  }
}
