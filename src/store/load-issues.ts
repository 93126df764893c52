/**
 * Loading a scope's issues from a tracker: everything once (the first page alone and in the view's
 * order, so the first screen is right after one round trip; then the rest, two at a time), then
 * deltas. A scope larger than the cap is not loaded: its first page says so, and views page on
 * the server instead (server-paging.ts).
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
  /** Only the first `cap` issues were loaded (the scope grew past the cap while loading). */
  capped: boolean
  /**
   * The scope holds more than the cap, so it was not loaded: `issues` is only its first page and
   * views page on the server.
   */
  serverPaged?: boolean
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

/**
 * Pages in flight at once after the first. Redmine under thin serves one request at a time, so
 * more only queue there; two keep it busy while the app parses the previous answer.
 */
export const LOAD_CONCURRENCY = 2

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
  const fetchPage = (offset: number, limit: number, signal?: AbortSignal) =>
    t
      .listIssues({ ...q, offset, limit }, signal)
      .then((p) => ({ items: p.issues, totalCount: p.totalCount }))
  // The first page on its own: nothing queues before it, and its total decides the mode.
  const first = await fetchPage(0, pageSize, o.signal)
  if (first.totalCount > cap)
    return {
      issues: first.items,
      totalCount: first.totalCount,
      complete: true,
      capped: false,
      serverPaged: true,
      syncedTo: null,
      checkedAt: Date.now(),
    }
  const loaded: Issue[] = []
  const result = await fetchAllPages(
    (offset, limit, signal) =>
      offset === 0 ? Promise.resolve(first) : fetchPage(offset, limit, signal),
    {
      pageSize,
      concurrency: o.concurrency ?? t.loading?.concurrency ?? LOAD_CONCURRENCY,
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
 * was deleted, moved or hidden, or the scope grew past the cap) does it fall back to a full load.
 * One changed issue costs two requests.
 */
export async function refreshDelta(
  t: TrackerAdapter,
  scope: Scope,
  prev: IssueSnapshot,
  o: LoadOptions = {},
): Promise<IssueSnapshot> {
  if (!t.capabilities.deltaSync || !prev.syncedTo || prev.serverPaged) return loadAll(t, scope, o)
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
    { pageSize, concurrency: t.loading?.concurrency ?? LOAD_CONCURRENCY, signal: o.signal },
  )
  const merged = mergeChanged(prev.issues, changed.items, inScope(scope))
  const count = await t.listIssues({ ...baseQuery(scope), offset: 0, limit: 1 }, o.signal)
  // Grown past the cap (loadAll then pages on the server), or an issue vanished: load again.
  const cap = o.cap ?? DEFAULT_CAP
  if (count.totalCount > cap || count.totalCount !== merged.length) return loadAll(t, scope, o)
  return {
    issues: merged,
    totalCount: count.totalCount,
    complete: true,
    capped: false,
    syncedTo: newestUpdate(changed.items) ?? prev.syncedTo,
    checkedAt: Date.now(),
  }
}
