/**
 * Sends a move and checks that the tracker applied it. Real Redmine answers 204 to a status change
 * its workflow forbids and keeps the old status, so a 2xx alone proves nothing.
 */
import { movePatch, unappliedFields, type MovableFields, type Move } from '../../domain/apply-move'
import { isTrackerError, type TrackerAdapter } from '../../trackers/tracker'

/** The tracker answered success but kept (some of) the old values. */
export class MoveNotAppliedError extends Error {
  constructor(
    readonly move: Move,
    readonly fields: string[],
    readonly actualStatus: string,
  ) {
    const target = move.to.status ? ` to ${move.to.status.name}` : ''
    // Redmine applies what it may of one update: a lane change can stick while the status does not.
    const applied = (Object.keys(move.to) as (keyof MovableFields)[]).filter(
      (f) => !fields.includes(f) && f !== 'status',
    )
    super(
      `#${move.issueId} was not moved${target}: the tracker kept it in ${actualStatus}` +
        (fields.includes('status') ? ' (the workflow does not allow this change for you).' : '.') +
        (applied.length > 0 ? ` Its ${applied.join(' and ')} did change.` : ''),
    )
    this.name = 'MoveNotAppliedError'
  }
}

export async function performMove(
  tracker: TrackerAdapter,
  move: Move,
  signal?: AbortSignal,
): Promise<void> {
  await tracker.updateIssue(move.issueId, movePatch(move), signal)
  const after = await tracker.getIssue(move.issueId, signal)
  const missing = unappliedFields(after, move)
  if (missing.length > 0) throw new MoveNotAppliedError(move, missing, after.status.name)
}

/** A sentence for people, and whether trying again can help. */
export function describeMoveError(e: unknown): { message: string; retry: boolean } {
  const cause = e instanceof Error && e.name === 'MoveFailedError' ? e.cause : e
  if (cause instanceof MoveNotAppliedError) return { message: cause.message, retry: false }
  if (isTrackerError(cause)) {
    const details = cause.messages.length ? `: ${cause.messages.join('; ')}` : ''
    switch (cause.kind) {
      case 'validation':
        return {
          message: `The tracker refused the change${details || `: ${cause.message}`}`,
          retry: false,
        }
      case 'forbidden':
        return { message: 'You are not allowed to edit this issue.', retry: false }
      case 'auth':
        return { message: 'Your session is no longer valid; sign in again.', retry: false }
      case 'not-found':
        return {
          message: 'The issue no longer exists (or you can no longer see it).',
          retry: false,
        }
      case 'conflict':
        return { message: `Someone else changed the issue${details}.`, retry: true }
      case 'network':
        return { message: `Could not reach the tracker (${cause.message}).`, retry: true }
      default:
        return { message: `The tracker failed (${cause.message}).`, retry: true }
    }
  }
  return { message: cause instanceof Error ? cause.message : String(cause), retry: true }
}
