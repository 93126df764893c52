/**
 * The issue store: every issue of a scope, loaded once, kept fresh by deltas, persisted in
 * IndexedDB. It lives in the TanStack Query cache under the connection's key, so sign-out and
 * optimistic updates go through the same cache.
 */
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useState } from 'react'
import type { PagingProgress } from '../trackers/paging'
import { sortIssues } from '../domain/issue-sort'
import type {
  ConnectionId,
  CurrentUser,
  Issue,
  IssueId,
  IssuePage,
  IssueSort,
  IssueStatus,
  Priority,
  TrackerAdapter,
} from '../trackers/tracker'
import { issueCap } from './cap'
import { loadAll, refreshDelta, type IssueSnapshot } from './load-issues'
import {
  clearSnapshots,
  HEAD_SIZE,
  loadHead,
  loadSnapshot,
  saveSnapshot,
  type Owner,
} from './persist'
import { metadataQueries, metaKeyOf, metaMeKey } from './metadata'
import { scopeKey, type Scope } from './scope'
import { serverPageQueries } from './server-paging'

export const REFRESH_INTERVAL_MS = Number(import.meta.env.VITE_REFRESH_INTERVAL_MS ?? 60_000)

/** Minimum time between two streamed partial results reaching the cache (the first goes at once). */
export const PARTIAL_EVERY_MS = 250

/** Calls `fn` at once, then at most once per `ms` (later calls inside the window are dropped). */
function throttleFirst<T>(fn: (v: T) => void, ms: number): (v: T) => void {
  let last = -Infinity
  return (v) => {
    const now = Date.now()
    if (now - last < ms) return
    last = now
    fn(v)
  }
}

const progressListeners = new Map<string, (p: PagingProgress | null) => void>()

/**
 * Who waits for a scope's first read from disk (`conn|scope`): `startIssueStore` callers, told
 * once the head (or, without a usable head, the whole snapshot) is in the cache, or that the
 * disk holds nothing for them.
 */
const diskWaiters = new Map<string, (() => void)[]>()
function diskSettled(key: string): void {
  for (const resolve of diskWaiters.get(key) ?? []) resolve()
  diskWaiters.delete(key)
}

/** Each scope's latest view sort (`conn|scope`), so what is saved to disk starts in that order. */
const viewSorts = new Map<string, IssueSort[]>()
/** Each connection's credentials fingerprint, for saves that hold only the connection id. */
const credentialIds = new Map<ConnectionId, string | undefined>()

const sortString = (keys: IssueSort[]) =>
  keys.map((k) => `${k.field}${k.desc ? '.desc' : ''}`).join(',')

/**
 * The first screen of a snapshot in the view's order, saved beside it so a reload shows rows
 * before the whole snapshot is read. None when the order is unknown: no sort, or a status or
 * priority sort without those positions cached.
 */
function headOf(
  client: QueryClient,
  conn: ConnectionId,
  scope: string,
  snap: IssueSnapshot,
): { sort: string; issues: Issue[] } | undefined {
  const sort = viewSorts.get(`${conn}|${scope}`)
  if (!sort || sort.length === 0) return undefined
  const statuses = client.getQueryData<IssueStatus[]>([...metaKeyOf(conn), 'statuses'])
  const priorities = client.getQueryData<Priority[]>([...metaKeyOf(conn), 'priorities'])
  const fields = new Set(sort.map((k) => k.field))
  if ((fields.has('status') && !statuses) || (fields.has('priority') && !priorities))
    return undefined
  const order = {
    statusPosition: new Map((statuses ?? []).map((s) => [s.id, s.position])),
    priorityPosition: new Map((priorities ?? []).map((p) => [p.id, p.position])),
  }
  return {
    sort: sortString(sort),
    issues: sortIssues(snap.issues, sort, order).slice(0, HEAD_SIZE),
  }
}

/**
 * Resolves once the page is idle: the view has rendered and painted what it was given (at most
 * after a second). Without idle callbacks, after the next frame is painted, or after 100 ms
 * where no frame comes (a background tab, or no DOM).
 */
const whenIdle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: 1_000 })
      return
    }
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => setTimeout(resolve, 0))
    setTimeout(resolve, 100)
  })

/** The head shown while the whole snapshot is read: partial, so the view says it is loading. */
const partial = (issues: Issue[]): IssueSnapshot => ({
  issues,
  totalCount: 0,
  complete: false,
  capped: false,
  syncedTo: null,
  checkedAt: Date.now(),
})

export const issueStoreQueries = {
  all: (conn: ConnectionId) => ['c', conn, 'issues', 'scope'] as const,
  scope: (t: TrackerAdapter, scope: Scope, firstSort?: IssueSort[]) =>
    // The adapter is identified by t.id; firstSort only orders the first page, not the result.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...issueStoreQueries.all(t.id), scopeKey(scope)] as const,
      queryFn: async ({ client, queryKey, signal }): Promise<IssueSnapshot> => {
        const key = scopeKey(scope)
        const cap = issueCap(t)
        const onProgress = (p: PagingProgress | null) =>
          progressListeners.get(`${t.id}|${key}`)?.(p)
        // Who is signed in, asked for only when needed: to check a record from disk saved without
        // credentials' fingerprint, and to save. Asked at once, it would go to a tracker that serves
        // one request at a time ahead of the first issues page. Without one nothing is persisted
        // or shown from disk.
        let asked: Promise<number | null> | null = null
        const me = () =>
          (asked ??= client
            .ensureQueryData(metadataQueries.me(t))
            .then((u) => u.id)
            .catch(() => null))
        if (firstSort && !viewSorts.has(`${t.id}|${key}`))
          viewSorts.set(`${t.id}|${key}`, firstSort)
        credentialIds.set(t.id, t.credentialsId)
        // A record from disk is shown only to whoever saved it: the same credentials (known at
        // once), or else the same user (once the tracker says who is signed in).
        const mine = async (o: Owner) =>
          t.credentialsId ? o.credentialsId === t.credentialsId : o.userId === (await me())
        let prev = client.getQueryData<IssueSnapshot>(queryKey) ?? null
        if (!prev) {
          // The first screen (small) is read and shown first if it is in the view's order, then
          // the whole snapshot. Nothing on disk: the load starts without waiting for anything.
          const h = await loadHead(t.id, key)
          if (h && firstSort && h.sort === sortString(firstSort) && (await mine(h))) {
            client.setQueryData(queryKey, partial(h.issues))
            diskSettled(`${t.id}|${key}`)
            // Reading 10,000 issues blocks the page while they are decoded: once the first screen
            // is on it.
            await whenIdle()
          }
          const s = await loadSnapshot(t.id, key)
          if (s && (await mine(s))) prev = s.snapshot
        }
        if (prev) client.setQueryData(queryKey, prev)
        diskSettled(`${t.id}|${key}`)
        const snap =
          prev?.complete && !prev.serverPaged
            ? await refreshDelta(t, scope, prev, { signal, onProgress, cap })
            : await loadAll(t, scope, {
                signal,
                sort: firstSort,
                cap,
                onProgress,
                // Stream pages into the cache so the table renders as they arrive; at most one
                // update per PARTIAL_EVERY_MS, so 100 pages do not re-sort 10,000 issues 100 times.
                onPartial: throttleFirst(
                  (s: IssueSnapshot) => client.setQueryData(queryKey, s),
                  PARTIAL_EVERY_MS,
                ),
              })
        onProgress(null)
        // A refresh that changed nothing returns the same list: no need to rewrite it to disk.
        if (snap.issues !== prev?.issues)
          void me().then((id) =>
            id === null
              ? undefined
              : saveSnapshot(
                  t.id,
                  key,
                  { userId: id, credentialsId: t.credentialsId },
                  snap,
                  headOf(client, t.id, key, snap),
                ),
          )
        return snap
      },
      // 10,000 issues: deep-comparing every refresh against the last costs more than it saves.
      structuralSharing: false,
      staleTime: 30_000,
      refetchInterval: REFRESH_INTERVAL_MS,
      refetchOnWindowFocus: true,
    }),
}

/** How long a route waits for the issues on disk before it renders without them. */
export const DISK_WAIT_MS = 150

/** Metadata a view may need before its first rows. */
export type FirstMetadata = 'statuses' | 'types' | 'priorities' | 'customFields'
/** The table's chips and orders use all of it; the board's columns and cards the first two. */
export const TABLE_METADATA: readonly FirstMetadata[] = [
  'statuses',
  'types',
  'priorities',
  'customFields',
]
export const BOARD_METADATA: readonly FirstMetadata[] = ['statuses', 'priorities']

const prefetchMetadata: Record<
  FirstMetadata,
  (c: QueryClient, t: TrackerAdapter) => Promise<void>
> = {
  statuses: (c, t) => c.prefetchQuery(metadataQueries.statuses(t)),
  types: (c, t) => c.prefetchQuery(metadataQueries.types(t)),
  priorities: (c, t) => c.prefetchQuery(metadataQueries.priorities(t)),
  customFields: (c, t) => c.prefetchQuery(metadataQueries.customFields(t)),
}

export interface StartOptions {
  /** As for `useIssueStore`: the view's sort, for the first page and the first screen on disk. */
  firstSort?: IssueSort[]
  /**
   * The metadata the view needs for its first rows (names, orders): asked for before the issues,
   * as Redmine serves one request at a time.
   */
  metadataFirst?: readonly FirstMetadata[]
  /** How long to wait for the disk at most (DISK_WAIT_MS). */
  waitMs?: number
}

/**
 * Starts a scope's load (from disk first) before its view renders: route loaders call it, so
 * reading IndexedDB overlaps loading the view's code. Resolves once what the disk holds first
 * (the first screen, or the whole snapshot) is in the cache, or it holds nothing, or after
 * `waitMs`: a loader that awaits it renders the view once, with rows, instead of empty first.
 * Does nothing when the scope is cached or already loading.
 */
export function startIssueStore(
  client: QueryClient,
  t: TrackerAdapter,
  scope: Scope,
  { firstSort, metadataFirst = [], waitMs = DISK_WAIT_MS }: StartOptions = {},
): Promise<void> {
  const q = issueStoreQueries.scope(t, scope, firstSort)
  if (client.getQueryState(q.queryKey)) return Promise.resolve()
  for (const kind of metadataFirst) void prefetchMetadata[kind](client, t)
  const key = `${t.id}|${scopeKey(scope)}`
  const settled = new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      diskWaiters.set(
        key,
        (diskWaiters.get(key) ?? []).filter((w) => w !== done),
      )
      resolve()
    }, waitMs)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    diskWaiters.set(key, [...(diskWaiters.get(key) ?? []), done])
  })
  void client.prefetchQuery(q)
  return settled
}

export interface IssueStore {
  issues: Issue[]
  snapshot: IssueSnapshot | undefined
  progress: PagingProgress | null
  isLoading: boolean
  isRefreshing: boolean
  error: Error | null
  checkedAt: number | null
  /** Same as checkedAt: when the store was last checked against the tracker (ms since epoch). */
  lastSyncedAt: number | null
  refresh: () => void
}

export function useIssueStore(
  t: TrackerAdapter,
  scope: Scope,
  firstSort?: IssueSort[],
): IssueStore {
  const [progress, setProgress] = useState<PagingProgress | null>(null)
  const key = `${t.id}|${scopeKey(scope)}`
  useEffect(() => {
    progressListeners.set(key, setProgress)
    return () => {
      progressListeners.delete(key)
    }
  }, [key])
  useEffect(() => {
    if (firstSort) viewSorts.set(key, firstSort)
  }, [key, firstSort])
  const q = useQuery(issueStoreQueries.scope(t, scope, firstSort))
  const client = useQueryClient()
  const refresh = useCallback(() => {
    void client.refetchQueries({ queryKey: issueStoreQueries.scope(t, scope).queryKey })
  }, [client, t, scope])
  return {
    issues: q.data?.issues ?? [],
    snapshot: q.data,
    progress,
    isLoading: q.isPending || (q.data !== undefined && !q.data.complete),
    isRefreshing: q.isFetching && q.data?.complete === true,
    error: q.error,
    checkedAt: q.data?.complete ? q.data.checkedAt : null,
    lastSyncedAt: q.data?.complete ? q.data.checkedAt : null,
    refresh,
  }
}

/**
 * Writes an issue in every cached scope and server page of a connection (optimistic moves, bulk
 * edits).
 */
export function patchIssue(
  client: QueryClient,
  conn: ConnectionId,
  id: IssueId,
  update: (i: Issue) => Issue,
): void {
  client.setQueriesData<IssueSnapshot>({ queryKey: issueStoreQueries.all(conn) }, (snap) =>
    snap ? { ...snap, issues: snap.issues.map((i) => (i.id === id ? update(i) : i)) } : snap,
  )
  client.setQueriesData<IssuePage>({ queryKey: serverPageQueries.all(conn) }, (page) =>
    page ? { ...page, issues: page.issues.map((i) => (i.id === id ? update(i) : i)) } : page,
  )
  schedulePersist(client, conn)
}

/** After PERSIST_DELAY_MS of quiet, so a burst of moves costs one write per scope, not one each. */
export const PERSIST_DELAY_MS = 1_000
const persistTimers = new Map<ConnectionId, ReturnType<typeof setTimeout>>()

function schedulePersist(client: QueryClient, conn: ConnectionId): void {
  clearTimeout(persistTimers.get(conn))
  persistTimers.set(
    conn,
    setTimeout(() => {
      persistTimers.delete(conn)
      const me = client.getQueryData<CurrentUser>(metaMeKey(conn))
      if (!me) return
      for (const [key, snap] of client.getQueriesData<IssueSnapshot>({
        queryKey: issueStoreQueries.all(conn),
      }))
        if (snap?.complete) {
          const scope = String(key[4])
          const owner = { userId: me.id, credentialsId: credentialIds.get(conn) }
          void saveSnapshot(conn, scope, owner, snap, headOf(client, conn, scope, snap))
        }
    }, PERSIST_DELAY_MS),
  )
}

export async function clearIssueStore(client: QueryClient, conn: ConnectionId): Promise<void> {
  clearTimeout(persistTimers.get(conn))
  persistTimers.delete(conn)
  client.removeQueries({ queryKey: issueStoreQueries.all(conn) })
  client.removeQueries({ queryKey: serverPageQueries.all(conn) })
  await clearSnapshots(conn)
}

const wiredClients = new WeakSet<QueryClient>()

/**
 * Clears the store on sign-out. The store cannot import the connection feature, so the caller
 * hands in its `onSignOut`; safe to call on every navigation (wires each client once). Best
 * called once at app start: `clearIssueStoreOnSignOut(onSignOut, queryClient)`.
 */
export function clearIssueStoreOnSignOut(
  onSignOut: (listener: (conn: ConnectionId) => Promise<void>) => unknown,
  client: QueryClient,
): void {
  if (wiredClients.has(client)) return
  wiredClients.add(client)
  onSignOut((conn) => clearIssueStore(client, conn))
}
