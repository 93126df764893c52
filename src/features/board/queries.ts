/**
 * Workflow: which statuses the signed-in user may move an issue to. Cached per project, tracker,
 * current status and the user's relation to the issue (author / assignee), since that is what
 * Redmine's workflow depends on: one `getIssue` serves every card that shares those.
 */
import { queryOptions } from '@tanstack/react-query'
import type { ConnectionId, Issue, TrackerAdapter } from '../../trackers/tracker'

export function relationTo(issue: Issue, meId: number | null): string {
  if (meId === null) return 'other'
  const r = [issue.author.id === meId && 'author', issue.assignee?.id === meId && 'assignee']
  return r.filter(Boolean).join('+') || 'other'
}

export const boardQueries = {
  all: (conn: ConnectionId) => ['c', conn, 'board'] as const,
  moveKey: (conn: ConnectionId) => ['c', conn, 'board', 'move'] as const,
  allowedStatuses: (t: TrackerAdapter, issue: Issue, meId: number | null) =>
    // Deliberately keyed by what the workflow depends on, not by the issue id: any issue with the
    // same project, tracker, status and relation has the same allowed statuses.
    queryOptions({
      queryKey: [
        ...boardQueries.all(t.id),
        'allowed-statuses',
        issue.project.id,
        issue.tracker.id,
        issue.status.id,
        relationTo(issue, meId),
      ] as const,
      queryFn: async ({ signal }): Promise<number[] | null> => {
        const d = await t.getIssue(issue.id, signal)
        return d.allowedStatuses ? d.allowedStatuses.map((s) => s.id) : null
      },
      staleTime: 10 * 60_000,
    }),
}
