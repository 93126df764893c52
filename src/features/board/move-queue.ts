/**
 * Moves of one card run in order; moves of different cards run concurrently. When a move fails,
 * the moves of that card queued behind it are cancelled (they were planned from a state that never
 * happened) and the failure carries ONE rollback that undoes all of them.
 */
import { rollbackOf, type Move } from '../../domain/apply-move'
import type { IssueId } from '../../domain/model'

export class MoveCancelledError extends Error {
  constructor(readonly move: Move) {
    super(`The move of #${move.issueId} was cancelled because an earlier move of it failed.`)
    this.name = 'MoveCancelledError'
  }
}

/** A failed move: `cause` is why; `rollback` restores the card. */
export class MoveFailedError extends Error {
  constructor(
    readonly move: Move,
    readonly rollback: Move,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'MoveFailedError'
  }
}

interface Chain {
  /** Moves not yet settled, oldest first. */
  pending: Move[]
  cancelled: Set<Move>
  tail: Promise<unknown>
}

export class MoveQueue {
  private chains = new Map<IssueId, Chain>()

  /** Number of moves of this card not yet settled. */
  pendingCount(id: IssueId): number {
    return this.chains.get(id)?.pending.length ?? 0
  }

  enqueue(move: Move, run: () => Promise<void>): Promise<void> {
    let chain = this.chains.get(move.issueId)
    if (!chain) {
      chain = { pending: [], cancelled: new Set(), tail: Promise.resolve() }
      this.chains.set(move.issueId, chain)
    }
    const c = chain
    c.pending.push(move)
    const done = c.tail.then(async () => {
      try {
        if (c.cancelled.has(move)) throw new MoveCancelledError(move)
        try {
          await run()
        } catch (e) {
          const rest = c.pending.slice(c.pending.indexOf(move))
          for (const later of rest.slice(1)) c.cancelled.add(later)
          throw new MoveFailedError(move, rollbackOf(rest), e)
        }
      } finally {
        c.pending.splice(c.pending.indexOf(move), 1)
        c.cancelled.delete(move)
        if (c.pending.length === 0 && this.chains.get(move.issueId) === c)
          this.chains.delete(move.issueId)
      }
    })
    c.tail = done.catch(() => undefined)
    return done
  }
}
