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

  it('stops at the cap and says so', async () => {
    const { t } = fakeTracker(many(350))
    const snap = await loadAll(t, { status: 'all' }, { cap: 200 })
    expect(snap.issues).toHaveLength(200)
    expect(snap).toMatchObject({ capped: true, totalCount: 350 })
  })
})

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

  it('keeps a capped store fresh by delta without reloading everything', async () => {
    const fake = fakeTracker(many(350))
    const first = await loadAll(fake.t, { status: 'open' }, { cap: 200 })
    fake.calls.length = 0
    fake.issues[0] = { ...fake.issues[0]!, subject: 'changed', updatedOn: '2026-06-01T00:00:00Z' }
    const next = await refreshDelta(fake.t, { status: 'open' }, first, { cap: 200 })
    expect(fake.calls).toHaveLength(2)
    expect(next).toMatchObject({ capped: true, totalCount: 350 })
    expect(next.issues).toHaveLength(200)
    expect(next.issues.find((i) => i.id === 350)?.subject).toBe('changed')
  })

  it('returns the same list when nothing changed, so nothing is rewritten', async () => {
    const fake = fakeTracker(many(30))
    const first = await loadAll(fake.t, { status: 'open' })
    const next = await refreshDelta(fake.t, { status: 'open' }, first)
    expect(next.issues).toBe(first.issues)
  })
})
