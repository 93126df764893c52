import { Hono } from 'hono'
import { sql } from 'kysely'
import { listIssues } from '../db/issues'
import { parseIssueQuery } from '../filters'
import { deny, json, type HonoEnv } from '../http'

/** GET /search.json?q=...: issues only (this server has no wiki, news or changesets). */
export const searchRoutes = new Hono<HonoEnv>()

searchRoutes.get('/search', async (c) => {
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  const q = (c.req.query('q') ?? '').trim()
  const params = new URLSearchParams({ status_id: c.req.query('open_issues') === '1' ? 'o' : '*' })
  for (const key of ['offset', 'limit']) {
    const v = c.req.query(key)
    if (v !== undefined) params.set(key, v)
  }
  const parsed = parseIssueQuery(params, l, user)
  if (!parsed.ok) return deny(user)
  const tokens = q.split(/\s+/).filter((t) => t.length > 0)
  if (tokens.length === 0)
    return json({ results: [], total_count: 0, offset: parsed.offset, limit: parsed.limit })
  for (const t of tokens.slice(0, 10)) {
    const like = `%${t.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    parsed.where.push(
      sql`(i.subject LIKE ${like} ESCAPE '\\' OR i.description LIKE ${like} ESCAPE '\\')`,
    )
  }
  const order = [sql`i.created_on DESC`, sql`i.id DESC`]
  const { rows, total } = await listIssues(
    store.db,
    parsed.where,
    order,
    parsed.offset,
    parsed.limit,
  )
  return json({
    results: rows.map((i) => ({
      id: i.id,
      title: `${l.trackers.get(i.tracker_id)?.name ?? ''} #${i.id} (${l.statuses.get(i.status_id)?.name ?? ''}): ${i.subject}`,
      type: l.statuses.get(i.status_id)?.is_closed === 1 ? 'issue-closed' : 'issue',
      url: `${c.env.base}/issues/${i.id}`,
      description: i.description,
      datetime: i.created_on,
    })),
    total_count: total,
    offset: parsed.offset,
    limit: parsed.limit,
  })
})
