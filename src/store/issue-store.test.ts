// @vitest-environment node
import 'fake-indexeddb/auto'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { makeIssue } from '../test/issue-factory'
import type { CurrentUser, Issue, IssueQuery, IssueSort, TrackerAdapter } from '../trackers/tracker'
import {
  clearIssueStore,
  clearIssueStoreOnSignOut,
  issueStoreQueries,
  patchIssue,
  PERSIST_DELAY_MS,
  startIssueStore,
} from './issue-store'
import type { IssueSnapshot } from './load-issues'

const issues: Issue[] = Array.from({ length: 120 }, (_, k) =>
  makeIssue({ id: 120 - k, updatedOn: new Date(Date.UTC(2026, 0, 1, 0, 120 - k)).toISOString() }),
)

/** A tracker signed in as `userId`; `gate` holds every listIssues answer until released. */
function fakeTracker(userId: number) {
  const calls: IssueQuery[] = []
  let release: () => void = () => {}
  const gate = new Promise<void>((r) => (release = r))
  const t = {
    id: 'main',
    capabilities: { maxPageSize: 100, deltaSync: true },
    async currentUser() {
      return { id: userId, name: `User ${userId}` } as CurrentUser
    },
    async listIssues(q: IssueQuery) {
      calls.push(q)
      await gate
      const match = issues.filter((i) => !q.updatedSince || i.updatedOn >= q.updatedSince)
      return {
        issues: match.slice(q.offset, q.offset + q.limit),
        totalCount: match.length,
        offset: q.offset,
        limit: q.limit,
      }
    },
  } as unknown as TrackerAdapter
  return { t, calls, release }
}

const scope = { project: 'demo', status: 'all' } as const
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

describe('the issue store', () => {
  it('shows the last known issues from IndexedDB before the refresh answers, per user', async () => {
    const first = fakeTracker(1)
    first.release()
    const c1 = newClient()
    const loaded = await c1.fetchQuery(issueStoreQueries.scope(first.t, scope))
    expect(loaded.issues).toHaveLength(120)
    await new Promise((r) => setTimeout(r, 50)) // the write to IndexedDB is not awaited

    // A reload: a new cache, the tracker slow to answer.
    const again = fakeTracker(1)
    const c2 = newClient()
    const opts = issueStoreQueries.scope(again.t, scope)
    const pending = c2.fetchQuery(opts)
    await expect.poll(() => c2.getQueryData<IssueSnapshot>(opts.queryKey)?.issues.length).toBe(120)
    expect(again.calls).toHaveLength(1) // only the delta is under way
    again.release()
    const refreshed = await pending
    // Nothing changed: one delta page and one count.
    expect(again.calls.map((q) => q.limit)).toEqual([100, 1])
    expect(refreshed.issues).toHaveLength(120)

    // Another user on the same connection starts from nothing.
    const other = fakeTracker(2)
    const c3 = newClient()
    const o = issueStoreQueries.scope(other.t, scope)
    const p3 = c3.fetchQuery(o)
    await new Promise((r) => setTimeout(r, 50))
    expect(c3.getQueryData(o.queryKey)).toBeUndefined()
    other.release()
    await p3
    expect(other.calls[0]!.updatedSince).toBeUndefined()
  })

  it('forgets a connection on sign-out, in memory and on disk', async () => {
    const a = fakeTracker(7)
    a.release()
    const c = newClient()
    const opts = issueStoreQueries.scope(a.t, scope)
    await c.fetchQuery(opts)
    await new Promise((r) => setTimeout(r, 50))
    await clearIssueStore(c, 'main')
    expect(c.getQueryData(opts.queryKey)).toBeUndefined()

    const b = fakeTracker(7)
    b.release()
    await newClient().fetchQuery(issueStoreQueries.scope(b.t, scope))
    expect(b.calls[0]!.updatedSince).toBeUndefined() // a full load, not a delta
  })

  it('patchIssue writes an issue in every cached scope of the connection', async () => {
    const a = fakeTracker(3)
    a.release()
    const c = newClient()
    const open = issueStoreQueries.scope(a.t, { status: 'open' })
    const all = issueStoreQueries.scope(a.t, { status: 'all' })
    await Promise.all([c.fetchQuery(open), c.fetchQuery(all)])
    patchIssue(c, 'main', 5, (i) => ({ ...i, subject: 'moved' }))
    for (const o of [open, all])
      expect(c.getQueryData(o.queryKey)?.issues.find((i) => i.id === 5)?.subject).toBe('moved')
    expect(c.getQueryData(all.queryKey)?.issues.find((i) => i.id === 6)?.subject).toBe('Issue 6')

    // Persisted too, once the burst is over: a reload shows the moved issue before any answer.
    await new Promise((r) => setTimeout(r, PERSIST_DELAY_MS + 200))
    const reload = fakeTracker(3)
    const c2 = newClient()
    const o2 = issueStoreQueries.scope(reload.t, { status: 'all' })
    void c2.fetchQuery(o2)
    await expect
      .poll(() => c2.getQueryData(o2.queryKey)?.issues.find((i) => i.id === 5)?.subject)
      .toBe('moved')
    reload.release()
  })

  it('wires itself to sign-out once per client', async () => {
    const listeners: ((conn: string) => Promise<void>)[] = []
    const onSignOut = (l: (conn: string) => Promise<void>) => listeners.push(l)
    const a = fakeTracker(9)
    a.release()
    const c = newClient()
    const opts = issueStoreQueries.scope(a.t, scope)
    await c.fetchQuery(opts)
    clearIssueStoreOnSignOut(onSignOut, c)
    clearIssueStoreOnSignOut(onSignOut, c)
    expect(listeners).toHaveLength(1)
    await listeners[0]!('main')
    expect(c.getQueryData(opts.queryKey)).toBeUndefined()
  })

  it('on reload shows the first screen in the view order before the whole snapshot', async () => {
    const bySubject: IssueSort[] = [{ field: 'subject', desc: false }]
    const first = fakeTracker(11)
    first.release()
    const c1 = newClient()
    await c1.fetchQuery(issueStoreQueries.scope(first.t, scope, bySubject))
    await new Promise((r) => setTimeout(r, 50))

    const shown = async (sort: typeof bySubject) => {
      const again = fakeTracker(11)
      again.release()
      const c = newClient()
      const writes: IssueSnapshot[] = []
      const opts = issueStoreQueries.scope(again.t, scope, sort)
      c.getQueryCache().subscribe((e) => {
        if (e.type === 'updated' && e.action.type === 'success' && e.query.queryKey[3] === 'scope')
          writes.push(e.action.data as IssueSnapshot)
      })
      await c.fetchQuery(opts)
      return writes
    }
    const writes = await shown(bySubject)
    expect(writes[0]).toMatchObject({ complete: false })
    expect(writes[0]!.issues).toHaveLength(100)
    // Subjects "Issue 1", "Issue 10", "Issue 100", ...: the first 100 in that order.
    const sorted = [...issues].sort((a, b) => a.subject.localeCompare(b.subject)).slice(0, 100)
    expect(writes[0]!.issues.map((i) => i.id)).toEqual(sorted.map((i) => i.id))
    expect(writes[1]).toMatchObject({ complete: true })
    expect(writes[1]!.issues).toHaveLength(120)

    // Another sort: the saved first screen would be the wrong rows, so only the whole snapshot.
    const other = await shown([{ field: 'id', desc: false }])
    expect(other[0]).toMatchObject({ complete: true })
  })

  it('matches a saved snapshot to the credentials without waiting for the tracker', async () => {
    const withKey = (credentialsId: string, meAnswers: boolean) => {
      const f = fakeTracker(21)
      f.release()
      const t = {
        ...f.t,
        credentialsId,
        currentUser: meAnswers ? f.t.currentUser : () => new Promise<never>(() => {}),
      } as TrackerAdapter
      return { ...f, t }
    }
    const a = withKey('k1', true)
    await newClient().fetchQuery(issueStoreQueries.scope(a.t, { status: 'open' }))
    await new Promise((r) => setTimeout(r, 50))

    // Same key, the tracker slow to say who is signed in: the snapshot shows anyway.
    const same = withKey('k1', false)
    const c = newClient()
    const o = issueStoreQueries.scope(same.t, { status: 'open' })
    void c.fetchQuery(o)
    await expect.poll(() => c.getQueryData<IssueSnapshot>(o.queryKey)?.issues.length).toBe(120)

    // Another key: nothing from disk, a full load.
    const other = withKey('k2', true)
    await newClient().fetchQuery(issueStoreQueries.scope(other.t, { status: 'open' }))
    expect(other.calls[0]!.updatedSince).toBeUndefined()
  })

  it('startIssueStore lets a route wait for what the disk holds, and not for the tracker', async () => {
    const scopeHere = { project: 'start', status: 'all' } as const
    const bySubject: IssueSort[] = [{ field: 'subject', desc: false }]
    // Nothing on disk: it resolves at once, while the tracker has not answered.
    const cold = fakeTracker(31)
    const c1 = newClient()
    let settled = false
    const wait = startIssueStore(c1, cold.t, scopeHere, { firstSort: bySubject }).then(
      () => (settled = true),
    )
    await expect.poll(() => settled).toBe(true)
    expect(cold.calls).toHaveLength(1) // the load is under way, held at the gate
    expect(c1.getQueryData(issueStoreQueries.scope(cold.t, scopeHere).queryKey)).toBeUndefined()
    cold.release()
    await wait
    await expect
      .poll(() =>
        c1.getQueryData<IssueSnapshot>(issueStoreQueries.scope(cold.t, scopeHere).queryKey),
      )
      .toMatchObject({ complete: true })
    await new Promise((r) => setTimeout(r, 50)) // the write to IndexedDB is not awaited

    // On disk: when it resolves the first screen is in the cache, the tracker still silent.
    const warm = fakeTracker(31)
    const c2 = newClient()
    const t0 = Date.now()
    await startIssueStore(c2, warm.t, scopeHere, { firstSort: bySubject, waitMs: 10_000 })
    expect(Date.now() - t0).toBeLessThan(10_000) // told by the read, not by the time limit
    const shown = c2.getQueryData<IssueSnapshot>(
      issueStoreQueries.scope(warm.t, scopeHere).queryKey,
    )
    expect(shown?.issues.length).toBeGreaterThan(0)
    expect(warm.calls).toHaveLength(0)

    // Cached or loading already: nothing new starts, and nothing is waited for.
    const prefetch = vi.spyOn(c2, 'prefetchQuery')
    await startIssueStore(c2, warm.t, scopeHere, { firstSort: bySubject })
    expect(prefetch).not.toHaveBeenCalled()
    warm.release()
  })

  it('startIssueStore gives up waiting after its time limit', async () => {
    const scopeHere = { project: 'slow-disk', status: 'all' } as const
    const first = fakeTracker(41)
    first.release()
    await newClient().fetchQuery(issueStoreQueries.scope(first.t, scopeHere))
    await new Promise((r) => setTimeout(r, 50)) // the write to IndexedDB is not awaited
    // A snapshot is on disk, but whether it is this user's waits for the tracker to say who is
    // signed in, which never comes: only the time limit ends the wait.
    const slow = fakeTracker(41)
    const c = newClient()
    const t = { ...slow.t, currentUser: () => new Promise<never>(() => {}) } as TrackerAdapter
    const started = Date.now()
    await startIssueStore(c, t, scopeHere, { waitMs: 60 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(55)
    // Ended by the limit: nothing from disk reached the cache, and the tracker was not asked.
    expect(c.getQueryData(issueStoreQueries.scope(t, scopeHere).queryKey)).toBeUndefined()
    expect(slow.calls).toHaveLength(0)
  })
})
