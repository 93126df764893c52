import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { planMove } from '../../domain/apply-move'
import { sampleDetail, sampleIssue, sampleIssues, status } from '../../domain/board-fixtures'
import { issueStoreQueries, type IssueSnapshot } from '../../store'
import { TrackerError, type IssuePatch, type TrackerAdapter } from '../../trackers/tracker'
import { useBoardMove } from './use-board-move'

function setup(updateIssue: (id: number, patch: IssuePatch) => Promise<void>) {
  const tracker = {
    id: 'main',
    updateIssue: vi.fn(updateIssue),
    // The re-read shows whatever status was asked for: the tracker applied it.
    getIssue: vi.fn(async (id: number) => ({
      ...sampleDetail('issue_full_1'),
      ...sampleIssue(id),
      status: lastStatus.get(id) ?? sampleIssue(id).status,
    })),
  } as unknown as TrackerAdapter
  const lastStatus = new Map<number, ReturnType<typeof status>>()
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const key = issueStoreQueries.scope(tracker, { project: 'demo', status: 'all' }).queryKey
  const snap: IssueSnapshot = {
    issues: sampleIssues(),
    totalCount: 10,
    complete: true,
    capped: false,
    syncedTo: null,
    checkedAt: 0,
  }
  qc.setQueryData(key, snap)
  const invalidate = vi.spyOn(qc, 'invalidateQueries')
  const onFailed = vi.fn()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  )
  const { result } = renderHook(() => useBoardMove(tracker, { onFailed }), { wrapper })
  const statusOf = (id: number) =>
    qc.getQueryData<IssueSnapshot>(key)!.issues.find((i) => i.id === id)!.status.name
  return { result, invalidate, onFailed, statusOf, lastStatus }
}

describe('useBoardMove', () => {
  it('runs moves of two cards concurrently; a failure rolls back only its card; one refetch', async () => {
    const gates = new Map<number, () => void>()
    const { result, invalidate, onFailed, statusOf, lastStatus } = setup(
      (id, patch) =>
        new Promise((resolve, reject) => {
          gates.set(id, () => {
            if (id === 8) reject(new TrackerError('network', 'offline'))
            else {
              lastStatus.set(id, status(patch.statusId === 2 ? 'In Progress' : 'Feedback'))
              resolve()
            }
          })
        }),
    )
    act(() => {
      result.current.mutate(planMove(sampleIssue(7), { status: status('In Progress') })!)
      result.current.mutate(planMove(sampleIssue(8), { status: status('Feedback') })!)
    })
    // Both shown at once, both sent before either answers.
    await waitFor(() => expect(gates.size).toBe(2))
    expect(statusOf(7)).toBe('In Progress')
    expect(statusOf(8)).toBe('Feedback')

    act(() => gates.get(8)!())
    await waitFor(() => expect(onFailed).toHaveBeenCalledTimes(1))
    expect(statusOf(8)).toBe('New')
    expect(statusOf(7)).toBe('In Progress')
    expect(invalidate).not.toHaveBeenCalled() // the other move is still running

    act(() => gates.get(7)!())
    await waitFor(() => expect(invalidate).toHaveBeenCalledTimes(1))
    expect(statusOf(7)).toBe('In Progress')
  })
})
