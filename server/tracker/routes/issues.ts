import { Hono } from 'hono'
import { visibleIssue } from '../issue-access'
import type { Db } from '../db/store'
import type { Lookups } from '../db/lookups'
import type { IssueRow, UserRow } from '../db/schema'
import {
  attachmentsOf,
  childrenOf,
  closingBlocked,
  journalsOf,
  listIssues,
  loadSideData,
  relationsOf,
  visibleRelations,
  watcherIds,
} from '../db/issues'
import { parseIssueQuery } from '../filters'
import { deny, empty, errors, json, type HonoEnv } from '../http'
import { allowed, issueVisible } from '../permissions'
import {
  attachmentJson,
  issueJson,
  journalJson,
  relationJson,
  statusJson,
  userRef,
} from '../serialize'
import { allowedStatuses } from '../workflow'

export const issueReadRoutes = new Hono<HonoEnv>()

function includes(v: string | undefined): Set<string> {
  return new Set((v ?? '').split(',').map((s) => s.trim()))
}

issueReadRoutes.get('/issues', async (c) => {
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  let params = new URL(c.req.url).searchParams
  const queryId = params.get('query_id')
  if (queryId !== null && queryId !== '') {
    const q = /^\d+$/.test(queryId)
      ? await store.db
          .selectFrom('queries')
          .selectAll()
          .where('id', '=', Number(queryId))
          .executeTakeFirst()
      : undefined
    const visible = q && (q.is_public === 1 || (user !== null && q.user_id === user.id))
    if (!q || !visible) return empty(404)
    const saved = new URLSearchParams(JSON.parse(q.filters) as Record<string, string>)
    for (const key of ['offset', 'limit', 'page', 'include', 'sort', 'project_id']) {
      const v = params.get(key)
      if (v !== null) saved.set(key, v)
    }
    if (q.project_id !== null && !saved.has('project_id'))
      saved.set('project_id', String(q.project_id))
    params = saved
  }
  const parsed = parseIssueQuery(params, l, user)
  if (!parsed.ok)
    return parsed.status === 422
      ? errors(parsed.errors)
      : parsed.status === 404
        ? empty(404)
        : deny(user)
  const { rows, total } = await listIssues(
    store.db,
    parsed.where,
    parsed.order,
    parsed.offset,
    parsed.limit,
  )
  const ids = rows.map((r) => r.id)
  const inc = includes(params.get('include') ?? undefined)
  const [side, atts, rels] = await Promise.all([
    loadSideData(store.db, ids),
    inc.has('attachments') ? attachmentsOf(store.db, ids) : Promise.resolve([]),
    inc.has('relations')
      ? relationsOf(store.db, ids).then((r) =>
          visibleRelations(store.db, r, (i) => issueVisible(l, user, i)),
        )
      : Promise.resolve([]),
  ])
  const issues = rows.map((r) => {
    const body = issueJson(l, r, {
      customValues: side.customValues.get(r.id) ?? new Map(),
      childEstimate: side.childEstimates.get(r.id) ?? null,
    })
    if (inc.has('attachments'))
      body.attachments = atts
        .filter((a) => a.issue_id === r.id)
        .map((a) => attachmentJson(l, c.env.base, a))
    if (inc.has('relations'))
      body.relations = rels
        .filter((x) => x.issue_from_id === r.id || x.issue_to_id === r.id)
        .map(relationJson)
    return body
  })
  return json({ issues, total_count: total, offset: parsed.offset, limit: parsed.limit })
})

async function childrenTree(
  db: Db,
  l: Lookups,
  id: number,
  depth = 0,
): Promise<Record<string, unknown>[]> {
  const kids = await childrenOf(db, id)
  const out: Record<string, unknown>[] = []
  for (const k of kids) {
    const node: Record<string, unknown> = {
      id: k.id,
      tracker: { id: k.tracker_id, name: l.trackers.get(k.tracker_id)?.name ?? '' },
      subject: k.subject,
    }
    if (depth < 20) {
      const sub = await childrenTree(db, l, k.id, depth + 1)
      if (sub.length > 0) node.children = sub
    }
    out.push(node)
  }
  return out
}

/** GET /issues/N.json: the show shape, with includes left out when empty exactly as Redmine 5.0. */
export async function showIssue(
  db: Db,
  l: Lookups,
  base: string,
  user: UserRow | null,
  issue: IssueRow,
  inc: Set<string>,
  opts: { omitSpent?: boolean } = {},
): Promise<Record<string, unknown>> {
  const side = await loadSideData(db, [issue.id])
  const body = issueJson(l, issue, {
    customValues: side.customValues.get(issue.id) ?? new Map(),
    childEstimate: side.childEstimates.get(issue.id) ?? null,
    omitSpent: opts.omitSpent,
  })
  const project = l.projects.get(issue.project_id)
  if (inc.has('children') && side.childEstimates.has(issue.id))
    body.children = await childrenTree(db, l, issue.id)
  if (inc.has('attachments'))
    body.attachments = (await attachmentsOf(db, [issue.id])).map((a) => attachmentJson(l, base, a))
  if (inc.has('relations')) {
    const rels = await visibleRelations(db, await relationsOf(db, [issue.id]), (i) =>
      issueVisible(l, user, i),
    )
    if (rels.length > 0) body.relations = rels.map(relationJson)
  }
  if (inc.has('changesets')) body.changesets = []
  if (inc.has('journals')) {
    const { journals, details } = await journalsOf(db, issue.id)
    const seePrivate = !!project && allowed(l, user, project, 'view_private_notes')
    body.journals = journals
      .filter((j) => j.private_notes === 0 || seePrivate || j.user_id === user?.id)
      .map((j) =>
        journalJson(
          l,
          j,
          details.filter((d) => d.journal_id === j.id),
        ),
      )
  }
  if (inc.has('watchers') && project && allowed(l, user, project, 'view_issue_watchers')) {
    const ids = await watcherIds(db, issue.id)
    body.watchers = ids.map((id) => userRef(l, id))
  }
  if (inc.has('allowed_statuses'))
    body.allowed_statuses = allowedStatuses(l, user, issue, await closingBlocked(db, issue.id)).map(
      statusJson,
    )
  return body
}

issueReadRoutes.get('/issues/:id', async (c) => {
  const store = c.env.store
  const user = c.get('user')
  const found = await visibleIssue(c)
  if (found instanceof Response) return found
  const { issue } = found
  const body = await showIssue(
    store.db,
    store.lookups,
    c.env.base,
    user,
    issue,
    includes(c.req.query('include')),
  )
  return json({ issue: body })
})

issueReadRoutes.get('/issues/:id/relations', async (c) => {
  const store = c.env.store
  const user = c.get('user')
  const found = await visibleIssue(c)
  if (found instanceof Response) return found
  const { issue } = found
  const rels = await visibleRelations(store.db, await relationsOf(store.db, [issue.id]), (i) =>
    issueVisible(store.lookups, user, i),
  )
  return json({ relations: rels.map(relationJson) })
})
