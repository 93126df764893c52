import { Hono } from 'hono'
import { visibleIssue } from '../issue-access'
import { badRequest, deny, empty, noContent, parseId, readJsonBody, type HonoEnv } from '../http'
import { allowed } from '../permissions'

/** POST /issues/N/watchers.json {user_id}, DELETE /issues/N/watchers/U.json (204, like Redmine). */
export const watcherRoutes = new Hono<HonoEnv>()

watcherRoutes.post('/issues/:id/watchers', async (c) => {
  const body = await readJsonBody(c)
  if (body.kind === 'bad') return badRequest()
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  const found = await visibleIssue(c)
  if (found instanceof Response) return found
  const { issue, project } = found
  if (!project || !allowed(l, user, project, 'add_issue_watchers')) return deny(user)
  if (body.kind === 'noop') return noContent()
  const watcher = Number(body.value.user_id)
  if (!l.users.has(watcher)) return empty(404)
  await store.write((trx) =>
    trx
      .insertInto('watchers')
      .values({ issue_id: issue.id, user_id: watcher })
      .onConflict((oc) => oc.doNothing())
      .execute(),
  )
  return noContent()
})

watcherRoutes.delete('/issues/:id/watchers/:userId', async (c) => {
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  const found = await visibleIssue(c)
  if (found instanceof Response) return found
  const { issue, project } = found
  if (!project || !allowed(l, user, project, 'delete_issue_watchers')) return deny(user)
  const watcher = parseId(c.req.param('userId'))
  if (watcher === null) return empty(404)
  await store.write((trx) =>
    trx
      .deleteFrom('watchers')
      .where('issue_id', '=', issue.id)
      .where('user_id', '=', watcher)
      .execute(),
  )
  return noContent()
})
