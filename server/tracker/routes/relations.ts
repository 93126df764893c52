import { Hono } from 'hono'
import { visibleIssue } from '../issue-access'
import { getIssue } from '../db/issues'
import { writeJournal } from '../db/journal'
import {
  badRequest,
  deny,
  empty,
  errors,
  json,
  noContent,
  parseId,
  readJsonBody,
  type HonoEnv,
} from '../http'
import { allowed, issueVisible } from '../permissions'
import { relationJson } from '../serialize'
import { isoTime } from '../time'

export const relationRoutes = new Hono<HonoEnv>()

const TYPES = [
  'relates',
  'duplicates',
  'duplicated',
  'blocks',
  'blocked',
  'precedes',
  'follows',
  'copied_to',
  'copied_from',
]
/** Redmine stores the reverse types as their forward twin with the issues swapped. */
const REVERSE: Record<string, string> = {
  duplicated: 'duplicates',
  blocked: 'blocks',
  follows: 'precedes',
  copied_from: 'copied_to',
}
const INVERSE_NAME: Record<string, string> = {
  relates: 'relates',
  duplicates: 'duplicated',
  blocks: 'blocked',
  precedes: 'follows',
  copied_to: 'copied_from',
}

relationRoutes.post('/issues/:id/relations', async (c) => {
  const body = await readJsonBody(c)
  if (body.kind === 'bad') return badRequest()
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  const found = await visibleIssue(c)
  if (found instanceof Response) return found
  const { issue, project } = found
  if (!user || !project || !allowed(l, user, project, 'manage_issue_relations')) return deny(user)
  const input =
    body.kind === 'json' ? ((body.value.relation as Record<string, unknown> | undefined) ?? {}) : {}
  const type = typeof input.relation_type === 'string' ? input.relation_type : 'relates'
  const toId = parseId(input.issue_to_id === undefined ? undefined : String(input.issue_to_id))
  const other = toId === null ? undefined : await getIssue(store.db, toId)
  const errs: string[] = []
  if (!other || !issueVisible(l, user, other)) errs.push('Related issue cannot be blank')
  else if (other.id === issue.id) errs.push('Related issue is invalid')
  if (!TYPES.includes(type)) errs.push('Relation type is not included in the list')
  const delayRaw = input.delay
  const delay =
    delayRaw === undefined || delayRaw === null || delayRaw === '' ? null : Number(delayRaw)
  if (delay !== null && !Number.isInteger(delay)) errs.push('Delay is not a number')
  if (errs.length > 0 || !other) return errors(errs)
  const forward = REVERSE[type]
  const [from, to, stored] = forward ? [other.id, issue.id, forward] : [issue.id, other.id, type]
  const exists = await store.db
    .selectFrom('issue_relations')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('issue_from_id', '=', from), eb('issue_to_id', '=', to)]),
        eb.and([eb('issue_from_id', '=', to), eb('issue_to_id', '=', from)]),
      ]),
    )
    .executeTakeFirst()
  if (exists) return errors(['Related issue has already been taken'])
  const now = isoTime()
  const row = await store.write(async (trx) => {
    const r = await trx
      .insertInto('issue_relations')
      .values({
        issue_from_id: from,
        issue_to_id: to,
        relation_type: stored,
        delay: stored === 'precedes' ? (delay ?? 0) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await writeJournal(trx, from, user.id, '', false, [['relation', stored, null, String(to)]], now)
    await writeJournal(
      trx,
      to,
      user.id,
      '',
      false,
      [['relation', INVERSE_NAME[stored] ?? stored, null, String(from)]],
      now,
    )
    return r
  })
  return json({ relation: relationJson(row) }, 201)
})

relationRoutes.get('/relations/:id', async (c) => {
  const store = c.env.store
  const id = parseId(c.req.param('id'))
  const r =
    id === null
      ? undefined
      : await store.db
          .selectFrom('issue_relations')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst()
  if (!r) return empty(404)
  const issue = await getIssue(store.db, r.issue_from_id)
  if (!issue || !issueVisible(store.lookups, c.get('user'), issue)) return empty(404)
  return json({ relation: relationJson(r) })
})

relationRoutes.delete('/relations/:id', async (c) => {
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  const id = parseId(c.req.param('id'))
  const r =
    id === null
      ? undefined
      : await store.db
          .selectFrom('issue_relations')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst()
  if (!r) return empty(404)
  const issue = await getIssue(store.db, r.issue_from_id)
  if (!issue || !issueVisible(l, user, issue)) return empty(404)
  const project = l.projects.get(issue.project_id)
  if (!user || !project || !allowed(l, user, project, 'manage_issue_relations')) return deny(user)
  const now = isoTime()
  await store.write(async (trx) => {
    await trx.deleteFrom('issue_relations').where('id', '=', r.id).execute()
    await writeJournal(
      trx,
      r.issue_from_id,
      user.id,
      '',
      false,
      [['relation', r.relation_type, String(r.issue_to_id), null]],
      now,
    )
    await writeJournal(
      trx,
      r.issue_to_id,
      user.id,
      '',
      false,
      [
        [
          'relation',
          INVERSE_NAME[r.relation_type] ?? r.relation_type,
          String(r.issue_from_id),
          null,
        ],
      ],
      now,
    )
  })
  return noContent()
})
