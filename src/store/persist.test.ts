// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeIssue } from '../test/issue-factory'
import type { IssueSnapshot } from './load-issues'
import { CHUNK_SIZE, clearSnapshots, loadHead, loadSnapshot, saveSnapshot } from './persist'

const snap = (n: number): IssueSnapshot => ({
  issues: Array.from({ length: n }, (_, k) => makeIssue({ id: n - k })),
  totalCount: n,
  complete: true,
  capped: false,
  syncedTo: '2026-01-01T10:00:00Z',
  checkedAt: 1,
})

describe('snapshots on disk', () => {
  it('round-trip in chunks, and a smaller snapshot leaves no old chunk behind', async () => {
    await saveSnapshot('p', 'demo:all', { userId: 1, credentialsId: 'k' }, snap(2_500))
    const big = await loadSnapshot('p', 'demo:all')
    expect(big).toMatchObject({ userId: 1, credentialsId: 'k' })
    expect(big!.snapshot).toEqual(snap(2_500))

    await saveSnapshot('p', 'demo:all', { userId: 1 }, snap(300))
    expect((await loadSnapshot('p', 'demo:all'))!.snapshot.issues.map((i) => i.id)).toEqual(
      snap(300).issues.map((i) => i.id),
    )
    await clearSnapshots('p')
    expect(await loadSnapshot('p', 'demo:all')).toBeNull()
  })

  it('does not keep partial or server-paged snapshots', async () => {
    await saveSnapshot('q', 'demo:all', { userId: 1 }, { ...snap(10), complete: false })
    await saveSnapshot('q', 'demo:open', { userId: 1 }, { ...snap(10), serverPaged: true })
    expect(await loadSnapshot('q', 'demo:all')).toBeNull()
    expect(await loadSnapshot('q', 'demo:open')).toBeNull()
  })

  describe('a save after a change', () => {
    afterEach(() => vi.restoreAllMocks())
    const owner = { userId: 1, credentialsId: 'k' }
    const withChange = (s: IssueSnapshot, id: number): IssueSnapshot => ({
      ...s,
      issues: s.issues.map((i) => (i.id === id ? { ...i, subject: 'Changed' } : i)),
      syncedTo: '2026-01-02T10:00:00Z',
    })
    const puts = () => vi.spyOn(IDBObjectStore.prototype, 'put')

    it('writes only the chunk holding the changed issue, and the record', async () => {
      const first = snap(3 * CHUNK_SIZE)
      const head = { sort: 'id.desc', issues: first.issues.slice(0, 100) }
      await saveSnapshot('r', 'demo:all', owner, first, head)
      const next = withChange(first, 10) // near the end: the last chunk
      const put = puts()
      await saveSnapshot('r', 'demo:all', owner, next, head)
      expect(put).toHaveBeenCalledTimes(2)
      expect(put.mock.calls.map((c) => String(c[1]))).toEqual([
        'r|demo:all|chunk|000002',
        'r|demo:all',
      ])
      const back = await loadSnapshot('r', 'demo:all')
      expect(back!.snapshot).toEqual(next)
      expect((await loadHead('r', 'demo:all'))!.issues).toEqual(head.issues)
    })

    it('writes everything when another tab wrote the record since', async () => {
      const first = snap(2 * CHUNK_SIZE)
      await saveSnapshot('s', 'demo:all', owner, first)
      // Another tab saves the same scope: its own generation and chunks.
      const base = snap(2 * CHUNK_SIZE)
      const other = {
        ...base,
        issues: base.issues.map((i) => ({ ...i, subject: 'As the other tab saw it' })),
        syncedTo: '2025-12-31T00:00:00Z',
      }
      const req = indexedDB.open('trackboard')
      const db = await new Promise<IDBDatabase>((res) => (req.onsuccess = () => res(req.result)))
      const tx = db.transaction('issue-snapshots', 'readwrite')
      const store = tx.objectStore('issue-snapshots')
      const { issues, ...rest } = other
      store.put(issues.slice(0, CHUNK_SIZE), 's|demo:all|chunk|000000')
      store.put(issues.slice(CHUNK_SIZE), 's|demo:all|chunk|000001')
      store.put(
        { ...owner, snapshot: { ...rest, issues: [] }, chunks: 2, generation: 'x' },
        's|demo:all',
      )
      await new Promise((res) => (tx.oncomplete = res))
      db.close()

      const next = withChange(first, 1)
      await saveSnapshot('s', 'demo:all', owner, next)
      expect((await loadSnapshot('s', 'demo:all'))!.snapshot).toEqual(next)
    })

    it('after a reload, writes only what changed since the snapshot it read', async () => {
      const first = snap(3 * CHUNK_SIZE)
      await saveSnapshot('w', 'demo:all', owner, first)
      // A new page: the module (and what it remembers writing) starts afresh, reads the snapshot.
      vi.resetModules()
      const page = await import('./persist')
      const read = await page.loadSnapshot('w', 'demo:all')
      const next = withChange(read!.snapshot, 1) // the last chunk
      const put = puts()
      await page.saveSnapshot('w', 'demo:all', owner, next)
      expect(put.mock.calls.map((c) => String(c[1]))).toEqual([
        'w|demo:all|chunk|000002',
        'w|demo:all',
      ])
      expect((await page.loadSnapshot('w', 'demo:all'))!.snapshot).toEqual(next)
    })

    it('writes everything for another user', async () => {
      const first = snap(2 * CHUNK_SIZE)
      await saveSnapshot('u', 'demo:all', owner, first)
      const put = puts()
      await saveSnapshot('u', 'demo:all', { userId: 2 }, withChange(first, 1))
      expect(put).toHaveBeenCalledTimes(3)
    })
  })
})
