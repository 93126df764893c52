import type { Lookups } from './db/lookups'
import type { IssueRow, StatusRow, UserRow } from './db/schema'
import { rolesIn } from './permissions'

/**
 * Redmine's new_statuses_allowed_to: the workflow transitions of the user's roles in the issue's
 * project (all roles for an admin), plus the current status when there is at least one transition.
 * With no transition at all the list is empty (a Developer on a Closed issue gets []).
 */
export function allowedStatuses(
  lookups: Lookups,
  user: UserRow | null,
  issue: IssueRow,
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
  return lookups.statusList.filter((s) => ids.has(s.id))
}

export function transitionAllowed(
  lookups: Lookups,
  user: UserRow | null,
  issue: IssueRow,
  to: number,
): boolean {
  if (to === issue.status_id) return true
  return allowedStatuses(lookups, user, issue).some((s) => s.id === to)
}
