import type { Lookups } from './db/lookups'
import type { IssueRow, StatusRow, UserRow } from './db/schema'
import { rolesIn } from './permissions'

/**
 * Redmine's new_statuses_allowed_to: the workflow transitions of the user's roles in the issue's
 * project (all roles for an admin), plus the current status when there is at least one transition.
 * With no transition at all the list is empty (a Developer on a Closed issue gets []).
 * Closed statuses are not offered while the issue has open subtasks or is blocked by an open issue.
 */
export function allowedStatuses(
  lookups: Lookups,
  user: UserRow | null,
  issue: IssueRow,
  blockedFromClosing = false,
): StatusRow[] {
  const project = lookups.projects.get(issue.project_id)
  if (!project || !user) return []
  const roles =
    user.admin === 1
      ? [...lookups.roles.values()]
      : rolesIn(lookups, user, project).filter(
          (r) => r.permissions.has('edit_issues') || r.permissions.has('add_issues'),
        )
  const ids = new Set<number>()
  for (const role of roles)
    for (const s of lookups.statusList)
      if (lookups.workflows.has(`${role.id}:${issue.tracker_id}:${issue.status_id}:${s.id}`))
        ids.add(s.id)
  if (ids.size === 0) return []
  ids.add(issue.status_id)
  return lookups.statusList.filter(
    (s) => ids.has(s.id) && (!blockedFromClosing || s.is_closed === 0 || s.id === issue.status_id),
  )
}

export function transitionAllowed(
  lookups: Lookups,
  user: UserRow | null,
  issue: IssueRow,
  to: number,
  blockedFromClosing = false,
): boolean {
  if (to === issue.status_id) return true
  return allowedStatuses(lookups, user, issue, blockedFromClosing).some((s) => s.id === to)
}
