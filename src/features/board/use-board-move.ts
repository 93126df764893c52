/**
 * The move mutation (STYLE.md section 4): cancel the store's loads, write the optimistic state
 * with applyMove, send and verify, roll back the card on failure, and refetch only when the last
 * concurrent move settles. Moves of one card run in order through a MoveQueue.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { applyMove, type Move } from '../../domain/apply-move'
import { issueStoreQueries, patchIssue } from '../../store'
import type { TrackerAdapter } from '../../trackers/tracker'
import { MoveCancelledError, MoveFailedError, MoveQueue } from './move-queue'
import { performMove } from './perform-move'
import { boardQueries } from './queries'

const queues = new WeakMap<TrackerAdapter, MoveQueue>()
function queueFor(t: TrackerAdapter): MoveQueue {
  let q = queues.get(t)
  if (!q) {
    q = new MoveQueue()
    queues.set(t, q)
  }
  return q
}

export function useBoardMove(
  tracker: TrackerAdapter,
  handlers: { onFailed: (move: Move, error: unknown) => void },
) {
  const qc = useQueryClient()
  const mutationKey = boardQueries.moveKey(tracker.id)
  return useMutation({
    mutationKey,
    mutationFn: (move: Move) => queueFor(tracker).enqueue(move, () => performMove(tracker, move)),
    onMutate: async (move) => {
      await qc.cancelQueries({ queryKey: issueStoreQueries.all(tracker.id) })
      patchIssue(qc, tracker.id, move.issueId, (i) => applyMove([i], move)[0] ?? i)
    },
    onError: (error, move) => {
      if (error instanceof MoveCancelledError) return
      const rollback = error instanceof MoveFailedError ? error.rollback : null
      if (rollback)
        patchIssue(qc, tracker.id, move.issueId, (i) => applyMove([i], rollback)[0] ?? i)
      handlers.onFailed(move, error)
    },
    onSettled: async () => {
      if (qc.isMutating({ mutationKey }) === 1)
        await qc.invalidateQueries({ queryKey: issueStoreQueries.all(tracker.id) })
    },
  })
}
