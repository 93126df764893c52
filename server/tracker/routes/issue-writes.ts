import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { Hono } from 'hono'
import { visibleIssue } from '../issue-access'
import { sql } from 'kysely'
import { closingBlocked, getIssue, loadSideData } from '../db/issues'
import { writeJournal, type Detail } from '../db/journal'
import { journalChild, recalculateParent } from '../db/parents'
import type { Db } from '../db/store'
import type { IssueRow, UserRow } from '../db/schema'
import { attachUploads, parseUploadRefs, resolveUploads } from '../db/uploads'
import {
  badRequest,
  deny,
  errors,
  json,
  noContent,
  parseId,
  readJsonBody,
  type HonoEnv,
} from '../http'
import { parseIssueInput, type IssueValues } from '../issue-input'
import { allowed, findProject } from '../permissions'
import { isoDate, isoTime } from '../time'
import { showIssue } from './issues'

export const issueWriteRoutes = new Hono<HonoEnv>()

/**
 * Redmine's auto_watch_on preference (issue_contributed_to). In the real fixture only admin has it
 * (users created through REST start without it); the demo data does the same. Creating an issue
 * through the REST API does not make its author watch it on Redmine 5.0.4.
 */
function autoWatch(user: UserRow): boolean {
  return user.admin === 1
}

class StaleObject extends Error {}
class UploadTaken extends Error {}

async function descendantIds(db: Db, id: number): Promise<Set<number>> {
  const rows = await sql<{ id: number }>`
    WITH RECURSIVE d(id) AS (SELECT id FROM issues WHERE parent_id = ${id}
      UNION SELECT i.id FROM issues i JOIN d ON i.parent_id = d.id)
    SELECT id FROM d`.execute(db)
  return new Set(rows.rows.map((r) => r.id))
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

/** Journal detail names, in the order Redmine writes them. */
const JOURNALED: (keyof IssueValues)[] = [
  'tracker_id',
  'project_id',
  'subject',
  'description',
  'due_date',
  'category_id',
  'status_id',
  'assigned_to_id',
  'priority_id',
  'fixed_version_id',
  'start_date',
  'done_ratio',
  'estimated_hours',
  'parent_id',
  'is_private',
]

/** Redmine journals floats the Ruby way: 2 -> "2.0". */
function hours(v: unknown): string | null {
  return typeof v === 'number' && Number.isInteger(v) ? `${v}.0` : str(v)
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v)
}

issueWriteRoutes.post('/issues', async (c) => {
  const body = await readJsonBody(c)
  if (body.kind === 'bad') return badRequest()
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  if (!user) return deny(null)
  const input = body.kind === 'json' ? asObject(body.value.issue) : {}
  const rawProject = input.project_id
  const project =
    rawProject === undefined || rawProject === null ? undefined : findProject(l, String(rawProject))
  if (project && !allowed(l, user, project, 'add_issues')) return deny(user)
  const parentId = parseId(str(input.parent_issue_id) ?? undefined)
  const parsed = parseIssueInput(input, {
    lookups: l,
    user,
    issue: null,
    currentCustom: new Map(),
    parent: parentId === null ? null : await getIssue(store.db, parentId),
    descendants: new Set(),
    hasChildren: false,
    blockedFromClosing: false,
    today: isoDate(),
  })
  if (parsed.errors.length > 0) return errors(parsed.errors)
  const refs = parseUploadRefs(input.uploads)
  const uploads = await resolveUploads(store.db, refs, user.id)
  if (uploads.failed > 0) return errors([`${uploads.failed} file(s) could not be saved.`])
  const target = l.projects.get(parsed.values.project_id)
  const watcherIds =
    Array.isArray(input.watcher_user_ids) &&
    target &&
    allowed(l, user, target, 'add_issue_watchers')
      ? input.watcher_user_ids.map(Number).filter((id) => l.users.has(id))
      : []
  const now = isoTime()
  let row: IssueRow
  try {
    row = await store.write(async (trx) => {
      const created = await trx
        .insertInto('issues')
        .values({
          ...parsed.values,
          author_id: user.id,
          created_on: now,
          updated_on: now,
          closed_on: null,
          lock_version: 0,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      const cfs = l.customFields.filter((f) => f.is_for_all === 1)
      if (cfs.length > 0)
        await trx
          .insertInto('custom_values')
          .values(
            cfs.map((f) => ({
              issue_id: created.id,
              custom_field_id: f.id,
              value: parsed.customValues.get(f.id) ?? null,
            })),
          )
          .execute()
      // Real 5.0.4: an issue created through the API is watched only by the listed users; the
      // author's auto-watch applies to later edits (checked by the contract suite).
      const watchers = new Set(watcherIds)
      if (watchers.size > 0)
        await trx
          .insertInto('watchers')
          .values([...watchers].map((user_id) => ({ issue_id: created.id, user_id })))
          .execute()
      if (uploads.found.length > 0) {
        try {
          await attachUploads(trx, created.id, uploads.found)
        } catch {
          throw new UploadTaken()
        }
      }
      if (created.parent_id !== null) {
        await journalChild(trx, created.parent_id, user.id, created.id, true, now)
        await recalculateParent(trx, created.parent_id, now)
      }
      return created
    })
  } catch (e) {
    if (e instanceof UploadTaken)
      return errors([`${uploads.found.length} file(s) could not be saved.`])
    throw e
  }
  const out = await showIssue(store.db, l, c.env.base, user, row, new Set(), { omitSpent: true })
  return json({ issue: out }, 201, { Location: `${c.env.base}/issues/${row.id}` })
})

issueWriteRoutes.put('/issues/:id', async (c) => {
  const body = await readJsonBody(c)
  if (body.kind === 'bad') return badRequest()
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  const found = await visibleIssue(c)
  if (found instanceof Response) return found
  const { issue, project } = found
  if (
    !user ||
    !project ||
    !(allowed(l, user, project, 'edit_issues') || allowed(l, user, project, 'add_issue_notes'))
  )
    return deny(user)
  if (body.kind === 'noop') return noContent()
  const input = asObject(body.value.issue)
  if ('lock_version' in input && Number(input.lock_version) !== issue.lock_version)
    return errors([])
  const side = await loadSideData(store.db, [issue.id])
  const parentId = parseId(str(input.parent_issue_id) ?? undefined)
  const parsed = parseIssueInput(input, {
    lookups: l,
    user,
    issue,
    currentCustom: side.customValues.get(issue.id) ?? new Map(),
    parent: parentId === null ? null : await getIssue(store.db, parentId),
    descendants: 'parent_issue_id' in input ? await descendantIds(store.db, issue.id) : new Set(),
    hasChildren: side.childEstimates.has(issue.id),
    blockedFromClosing: 'status_id' in input ? await closingBlocked(store.db, issue.id) : false,
    today: isoDate(),
  })
  if (parsed.errors.length > 0) return errors(parsed.errors)
  const uploads = await resolveUploads(store.db, parseUploadRefs(input.uploads), user.id)
  if (uploads.failed > 0) return errors([`${uploads.failed} file(s) could not be saved.`])
  const notes = typeof input.notes === 'string' ? input.notes : ''
  const privateNotes =
    (input.private_notes === true ||
      input.private_notes === 'true' ||
      input.private_notes === '1') &&
    allowed(l, user, project, 'set_notes_private')

  const details: Detail[] = []
  const changes: Partial<IssueValues> = {}
  for (const key of JOURNALED) {
    const before = issue[key]
    const after = parsed.values[key]
    if (before !== after) {
      const fmt = key === 'estimated_hours' ? hours : str
      details.push(['attr', key, fmt(before), fmt(after)])
      Object.assign(changes, { [key]: after })
    }
  }
  const current = side.customValues.get(issue.id) ?? new Map<number, string | null>()
  const cfChanges: [number, string | null][] = []
  for (const [fieldId, value] of parsed.customValues) {
    const before = current.get(fieldId) ?? null
    if (before !== value) {
      details.push(['cf', String(fieldId), before, value])
      cfChanges.push([fieldId, value])
    }
  }
  if (details.length === 0 && notes === '' && uploads.found.length === 0) return noContent()
  const now = isoTime()
  const wasClosed = l.statuses.get(issue.status_id)?.is_closed === 1
  const nowClosed = l.statuses.get(parsed.values.status_id)?.is_closed === 1
  try {
    await store.write(async (trx) => {
      let update = trx
        .updateTable('issues')
        .set({
          ...changes,
          updated_on: now,
          lock_version: sql<number>`lock_version + 1`,
          ...(nowClosed && !wasClosed ? { closed_on: now } : {}),
        })
        .where('id', '=', issue.id)
      // Optimistic locking only when the client sent lock_version (Redmine: 422 with no messages).
      if ('lock_version' in input) update = update.where('lock_version', '=', issue.lock_version)
      const updated = await update.executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1) throw new StaleObject()
      for (const [fieldId, value] of cfChanges)
        await trx
          .insertInto('custom_values')
          .values({ issue_id: issue.id, custom_field_id: fieldId, value })
          .onConflict((oc) => oc.columns(['issue_id', 'custom_field_id']).doUpdateSet({ value }))
          .execute()
      let attached: { id: number; filename: string }[] = []
      if (uploads.found.length > 0) {
        try {
          attached = await attachUploads(trx, issue.id, uploads.found)
        } catch {
          throw new UploadTaken()
        }
      }
      const all: Detail[] = [
        ...details,
        ...attached.map((a): Detail => ['attachment', String(a.id), null, a.filename]),
      ]
      await writeJournal(trx, issue.id, user.id, notes, privateNotes, all, now)
      if ('parent_id' in changes) {
        if (issue.parent_id !== null)
          await journalChild(trx, issue.parent_id, user.id, issue.id, false, now)
        if (parsed.values.parent_id !== null)
          await journalChild(trx, parsed.values.parent_id, user.id, issue.id, true, now)
        await recalculateParent(trx, issue.parent_id, now)
      }
      if (Object.keys(changes).length > 0)
        await recalculateParent(trx, parsed.values.parent_id, now)
      if (autoWatch(user))
        await trx
          .insertInto('watchers')
          .values({ issue_id: issue.id, user_id: user.id })
          .onConflict((oc) => oc.doNothing())
          .execute()
    })
  } catch (e) {
    if (e instanceof StaleObject) return errors([])
    if (e instanceof UploadTaken)
      return errors([`${uploads.found.length} file(s) could not be saved.`])
    throw e
  }
  return noContent()
})

issueWriteRoutes.delete('/issues/:id', async (c) => {
  const store = c.env.store
  const l = store.lookups
  const user = c.get('user')
  const found = await visibleIssue(c)
  if (found instanceof Response) return found
  const { issue, project } = found
  if (!user || !project || !allowed(l, user, project, 'delete_issues')) return deny(user)
  const ids = [issue.id, ...(await descendantIds(store.db, issue.id))]
  const files = await store.write(async (trx) => {
    const atts = await trx
      .selectFrom('attachments')
      .select('disk_filename')
      .where('issue_id', 'in', ids)
      .execute()
    await trx.deleteFrom('attachments').where('issue_id', 'in', ids).execute()
    await trx.updateTable('issues').set({ parent_id: null }).where('id', 'in', ids).execute()
    await trx.deleteFrom('issues').where('id', 'in', ids).execute()
    if (issue.parent_id !== null) {
      const at = isoTime()
      await journalChild(trx, issue.parent_id, user.id, issue.id, false, at)
      await recalculateParent(trx, issue.parent_id, at)
    }
    return atts.map((a) => a.disk_filename)
  })
  for (const f of files) rmSync(join(store.filesDir, f), { force: true })
  return noContent()
})
