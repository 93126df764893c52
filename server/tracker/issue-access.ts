import { getIssue } from './db/issues'
import type { IssueRow, ProjectRow } from './db/schema'
import { deny, empty, parseId, type Ctx } from './http'
import { issueVisible } from './permissions'

/**
 * The issue named by the route's `:id`, answered as Redmine does: 404 when there is none, 401 or
 * 403 when the user may not see it. Handlers then check their own permission on `project`.
 */
export async function visibleIssue(
  c: Ctx,
): Promise<{ issue: IssueRow; project: ProjectRow | undefined } | Response> {
  const store = c.env.store
  const id = parseId(c.req.param('id'))
  const issue = id === null ? undefined : await getIssue(store.db, id)
  if (!issue) return empty(404)
  const user = c.get('user')
  if (!issueVisible(store.lookups, user, issue)) return deny(user)
  return { issue, project: store.lookups.projects.get(issue.project_id) }
}
