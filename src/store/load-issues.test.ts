import { describe, expect, it } from 'vitest'
import { makeIssue } from '../test/issue-factory'
import type { Issue, IssueQuery, TrackerAdapter } from '../trackers/tracker'
import { loadAll, refreshDelta } from './load-issues'

/** A tracker holding `issues`, answering listIssues like Redmine (scope, updatedSince, paging). */
function fakeTracker(issues: Issue[]) {
  const calls: IssueQuery[] = []
  const t = {
    id: 'main',
    capabilities: { maxPageSize: 100, deltaSync: true },
    async listIssues(q: IssueQuery) {
      calls.push(q)
      const match = issues.filter(
        (i) =>
          (q.status === 'all' || (q.status === 'open' ? !i.status.isClosed : i.status.isClosed)) &&
          (!q.updatedSince || i.updatedOn >= q.updatedSince),
      )
      return {
        issues: match.slice(q.offset, q.offset + q.limit),
        totalCount: match.length,
        offset: q.offset,
        limit: q.limit,
      }
    },
  } as unknown as TrackerAdapter
  return { t, calls, issues }
}

const many = (n: number) =>
  Array.from({ length: n }, (_, k) =>
    makeIssue({
      id: n - k,
      updatedOn: new Date(Date.UTC(2026, 0, 1) + (n - k) * 60_000).toISOString(),
    }),
  )
const closedStatus = { id: 5, name: 'Closed', isClosed: true }

describe('loadAll', () => {
  it('loads every page, streaming partial results in order with progress', async () => {
    const { t, calls } = fakeTracker(many(250))
    const partial: number[] = []
    const progress: string[] = []
    const snap = await loadAll(
      t,
      { status: 'open' },
      {
        onPartial: (s) => partial.push(s.issues.length),
        onProgress: (p) => progress.push(`${p.loaded}/${p.total}`),
        sort: [{ field: 'priority', desc: true }],
      },
    )
    expect(snap).toMatchObject({ totalCount: 250, complete: true, capped: false })
    expect(snap.issues.map((i) => i.id)).toEqual(many(250).map((i) => i.id))
    expect(partial).toEqual([100, 200, 250])
    expect(progress.at(-1)).toBe('250/250')
    expect(calls).toHaveLength(3)
    expect(calls[0]!.sort).toEqual([{ field: 'priority', desc: true }])
  })

  it('above the cap loads only the first page and switches the scope to server paging', async () => {
    const { t, calls } = fakeTracker(many(350))
    const snap = await loadAll(
      t,
      { status: 'all' },
      { cap: 200, sort: [{ field: 'id', desc: true }] },
    )
    expect(calls).toHaveLength(1)
    expect(snap).toMatchObject({ serverPaged: true, complete: true, totalCount: 350 })
    expect(snap.issues.map((i) => i.id)).toEqual(
      many(350)
        .slice(0, 100)
        .map((i) => i.id),
    )
  })

  it('at the cap still loads everything', async () => {
    const { t } = fakeTracker(many(200))
    const snap = await loadAll(t, { status: 'all' }, { cap: 200 })
    expect(snap.serverPaged).toBeFalsy()
    expect(snap.issues).toHaveLength(200)
  })

  it('asks for the first page alone, then at most two pages at a time', async () => {
    const { tracker, seen, most } = countingInFlight()
    const snap = await loadAll(tracker, { status: 'all' })
    expect(snap.issues).toHaveLength(1000)
    expect(seen[0]).toBe(0) // nothing else in flight while the first page is asked for
    expect(most()).toBe(2)
  })

  it('loads as many pages at once as the connection allows', async () => {
    const { tracker, most } = countingInFlight({ concurrency: 4 })
    expect((await loadAll(tracker, { status: 'all' })).issues).toHaveLength(1000)
    expect(most()).toBe(4)
  })
})

/** 1,000 issues served slowly, counting the page requests in flight when each is asked for. */
function countingInFlight(loading?: TrackerAdapter['loading']) {
  const { t } = fakeTracker(many(1000))
  let inFlight = 0
  let most = 0
  const seen: number[] = []
  const tracker = {
    ...t,
    capabilities: t.capabilities,
    loading,
    async listIssues(q: IssueQuery) {
      seen.push(inFlight)
      inFlight += 1
      most = Math.max(most, inFlight)
      await new Promise((r) => setTimeout(r, 2))
      inFlight -= 1
      return t.listIssues(q)
    },
  } as TrackerAdapter
  return { tracker, seen, most: () => most }
}

describe('refreshDelta', () => {
  it('merges one changed issue with two requests', async () => {
    const fake = fakeTracker(many(150))
    const first = await loadAll(fake.t, { status: 'open' })
    fake.calls.length = 0
    fake.issues[5] = { ...fake.issues[5]!, subject: 'changed', updatedOn: '2026-06-01T00:00:00Z' }
    const next = await refreshDelta(fake.t, { status: 'open' }, first)
    expect(fake.calls).toHaveLength(2)
    expect(fake.calls[0]).toMatchObject({ status: 'all', updatedSince: first.syncedTo })
    expect(fake.calls[1]).toMatchObject({ limit: 1 })
    expect(next.issues.find((i) => i.id === fake.issues[5]!.id)?.subject).toBe('changed')
    expect(next.syncedTo).toBe('2026-06-01T00:00:00Z')
  })

  it('drops an issue that was closed while the scope is open', async () => {
    const fake = fakeTracker(many(10))
    const first = await loadAll(fake.t, { status: 'open' })
    fake.issues[0] = { ...fake.issues[0]!, status: closedStatus, updatedOn: '2026-06-01T00:00:00Z' }
    const next = await refreshDelta(fake.t, { status: 'open' }, first)
    expect(next.issues.map((i) => i.id)).not.toContain(10)
    expect(next.issues).toHaveLength(9)
  })

  it('reloads everything when the count shows an issue vanished', async () => {
    const fake = fakeTracker(many(10))
    const first = await loadAll(fake.t, { status: 'open' })
    fake.issues.splice(3, 1) // deleted: no delta can show it
    fake.calls.length = 0
    const next = await refreshDelta(fake.t, { status: 'open' }, first)
    expect(next.issues).toHaveLength(9)
    expect(fake.calls.length).toBeGreaterThan(2)
  })

  it('switches to server paging when the scope grew past the cap', async () => {
    const fake = fakeTracker(many(200))
    const first = await loadAll(fake.t, { status: 'open' }, { cap: 200 })
    fake.issues.unshift(
      ...many(250)
        .slice(0, 50)
        .map((i) => ({ ...i, id: i.id + 1000 })),
    )
    fake.calls.length = 0
    const next = await refreshDelta(fake.t, { status: 'open' }, first, { cap: 200 })
    expect(next).toMatchObject({ serverPaged: true, totalCount: 250 })
    expect(next.issues).toHaveLength(100)
    // And a refresh of a server-paged scope only asks its first page again.
    fake.calls.length = 0
    await refreshDelta(fake.t, { status: 'open' }, next, { cap: 200 })
    expect(fake.calls).toHaveLength(1)
  })

  it('returns the same list when nothing changed, so nothing is rewritten', async () => {
    const fake = fakeTracker(many(30))
    const first = await loadAll(fake.t, { status: 'open' })
    const next = await refreshDelta(fake.t, { status: 'open' }, first)
    expect(next.issues).toBe(first.issues)
  })
})
