// @vitest-environment node
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { makeIssue } from '../test/issue-factory'
import type { IssueSnapshot } from './load-issues'
import { clearSnapshots, loadSnapshot, saveSnapshot } from './persist'

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
})
