import type { Lookups, RoleInfo } from './db/lookups'
import type { IssueRow, ProjectRow, UserRow } from './db/schema'
import { ROLE_ANONYMOUS, ROLE_NON_MEMBER } from './seed/defaults'

/** The roles a user holds in a project: member roles, else Non member / Anonymous on public projects. */
export function rolesIn(lookups: Lookups, user: UserRow | null, project: ProjectRow): RoleInfo[] {
  if (project.status !== 1) return []
  if (user) {
    const ids = lookups.members.get(project.id)?.get(user.id)
    if (ids && ids.length > 0) return ids.flatMap((id) => lookups.roles.get(id) ?? [])
  }
  if (project.is_public !== 1) return []
  const builtin = lookups.roles.get(user ? ROLE_NON_MEMBER : ROLE_ANONYMOUS)
  return builtin ? [builtin] : []
}

export function isMember(lookups: Lookups, user: UserRow | null, project: ProjectRow): boolean {
  return !!user && (lookups.members.get(project.id)?.has(user.id) ?? false)
}

export function allowed(
  lookups: Lookups,
  user: UserRow | null,
  project: ProjectRow,
  permission: string,
): boolean {
  if (project.status !== 1) return false
  if (user?.admin === 1) return true
  return rolesIn(lookups, user, project).some((r) => r.permissions.has(permission))
}

/** A project is visible to admins, members, and everyone when public. */
export function projectVisible(
  lookups: Lookups,
  user: UserRow | null,
  project: ProjectRow,
): boolean {
  if (user?.admin === 1) return true
  return project.is_public === 1 || isMember(lookups, user, project)
}

export interface IssueVisibility {
  /** Projects where every issue (private ones too) is visible. */
  all: number[]
  /** Projects where only non-private issues, or the user's own, are visible. */
  own: number[]
}

export function issueVisibility(lookups: Lookups, user: UserRow | null): IssueVisibility {
  const all: number[] = []
  const own: number[] = []
  for (const p of lookups.projectList) {
    if (p.status !== 1) continue
    if (user?.admin === 1) {
      all.push(p.id)
      continue
    }
    const roles = rolesIn(lookups, user, p).filter((r) => r.permissions.has('view_issues'))
    if (roles.length === 0) continue
    if (roles.some((r) => r.issuesVisibility === 'all')) all.push(p.id)
    else own.push(p.id)
  }
  return { all, own }
}

export function issueVisible(lookups: Lookups, user: UserRow | null, issue: IssueRow): boolean {
  const project = lookups.projects.get(issue.project_id)
  if (!project) return false
  if (!allowed(lookups, user, project, 'view_issues')) return false
  if (issue.is_private !== 1 || user?.admin === 1) return true
  if (user && (issue.author_id === user.id || issue.assigned_to_id === user.id)) return true
  return rolesIn(lookups, user, project).some((r) => r.issuesVisibility === 'all')
}

/** Project ids of `projectId` and all its descendants. */
export function withSubprojects(lookups: Lookups, projectId: number): number[] {
  const out = [projectId]
  for (let i = 0; i < out.length; i++)
    for (const p of lookups.projectList)
      if (p.parent_id === out[i] && !out.includes(p.id)) out.push(p.id)
  return out
}

export function findProject(lookups: Lookups, idOrIdentifier: string): ProjectRow | undefined {
  if (/^\d+$/.test(idOrIdentifier)) return lookups.projects.get(Number(idOrIdentifier))
  return lookups.projectList.find((p) => p.identifier === idOrIdentifier)
}
