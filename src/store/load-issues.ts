/**
 * Loading a scope's issues from a tracker: everything once (pages in parallel, first page in the
 * view's order so the first screen is right after one round trip), then deltas.
 */
import { mergeChanged, newestUpdate } from '../domain/delta-merge'
import { fetchAllPages, type PagingProgress } from '../trackers/paging'
import type { Issue, IssueQuery, IssueSort, TrackerAdapter } from '../trackers/tracker'
import { inScope, type Scope } from './scope'

export interface IssueSnapshot {
  issues: Issue[]
  /** What the tracker says the scope holds. */
  totalCount: number
  /** False while pages are still arriving. */
  complete: boolean
  /** Only the first `cap` issues were loaded. */
  capped: boolean
  /** Newest `updatedOn` seen: the next delta starts there. */
  syncedTo: string | null
  /** When the snapshot was last checked against the tracker (ms since epoch). */
  checkedAt: number
}

export interface LoadOptions {
  sort?: IssueSort[]
  cap?: number
  concurrency?: number
  signal?: AbortSignal
  onProgress?: (p: PagingProgress) => void
  /** Partial results as pages arrive, in order. */
  onPartial?: (s: IssueSnapshot) => void
}

export const DEFAULT_CAP = 10_000

function baseQuery(scope: Scope): Omit<IssueQuery, 'offset' | 'limit'> {
  return { project: scope.project, status: scope.status, includeAttachments: true }
}

export async function loadAll(
  t: TrackerAdapter,
  scope: Scope,
  o: LoadOptions = {},
): Promise<IssueSnapshot> {
  const pageSize = t.capabilities.maxPageSize
  const cap = o.cap ?? DEFAULT_CAP
  const q = { ...baseQuery(scope), sort: o.sort }
  const loaded: Issue[] = []
  const result = await fetchAllPages(
    (offset, limit, signal) =>
      t
        .listIssues({ ...q, offset, limit }, signal)
        .then((p) => ({ items: p.issues, totalCount: p.totalCount })),
    {
      pageSize,
      concurrency: o.concurrency ?? 4,
      signal: o.signal,
      max: cap,
      onProgress: o.onProgress,
      onPage: (items) => {
        loaded.push(...items)
        o.onPartial?.({
          issues: [...loaded],
          totalCount: 0,
          complete: false,
          capped: false,
          syncedTo: null,
          checkedAt: Date.now(),
        })
      },
    },
  )
  // Issues that moved between pages while loading can appear twice: keep the first.
  const seen = new Set<number>()
  const issues = result.items.filter((i) => !seen.has(i.id) && seen.add(i.id))
  return {
    issues,
    totalCount: result.totalCount,
    complete: true,
    capped: result.totalCount > cap,
    syncedTo: newestUpdate(issues),
    checkedAt: Date.now(),
  }
}

/**
 * A refresh: the issues updated since the last sync (any status, so ones that left the scope are
 * seen), merged in; then a one-issue count of the scope. Only when the count disagrees (an issue
 * was deleted, moved or hidden) does it fall back to a full load. One changed issue costs two
 * requests.
 */
export async function refreshDelta(
  t: TrackerAdapter,
  scope: Scope,
  prev: IssueSnapshot,
  o: LoadOptions = {},
): Promise<IssueSnapshot> {
  if (!t.capabilities.deltaSync || !prev.syncedTo) return loadAll(t, scope, o)
  const pageSize = t.capabilities.maxPageSize
  const changed = await fetchAllPages(
    (offset, limit, signal) =>
      t
        .listIssues(
          {
            ...baseQuery(scope),
            status: 'all',
            updatedSince: prev.syncedTo!,
            sort: [{ field: 'updatedOn', desc: false }],
            offset,
            limit,
          },
          signal,
        )
        .then((p) => ({ items: p.issues, totalCount: p.totalCount })),
    { pageSize, concurrency: 2, signal: o.signal },
  )
  const merged = mergeChanged(prev.issues, changed.items, inScope(scope))
  const count = await t.listIssues({ ...baseQuery(scope), offset: 0, limit: 1 }, o.signal)
  const cap = o.cap ?? DEFAULT_CAP
  // A capped store cannot tell a vanished issue from one beyond the cap: it keeps its newest
  // `cap` issues fresh by deltas and never reloads 10,000 issues just to count them.
  const capped = prev.capped || count.totalCount > cap
  if (!capped && count.totalCount !== merged.length) return loadAll(t, scope, o)
  const issues = merged.length > cap ? merged.slice(0, cap) : merged
  return {
    issues,
    totalCount: count.totalCount,
    complete: true,
    capped,
    syncedTo: newestUpdate(changed.items) ?? prev.syncedTo,
    checkedAt: Date.now(),
  }
}
