import { createReadStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { Readable } from 'node:stream'
import { Hono } from 'hono'
import type { Ctx } from '../http'
import { deny, empty, json, noContent, parseId, type HonoEnv } from '../http'
import { getIssue } from '../db/issues'
import { writeJournal } from '../db/journal'
import type { AttachmentRow } from '../db/schema'
import { allowed, issueVisible } from '../permissions'
import { attachmentJson } from '../serialize'
import { isoTime } from '../time'

export const attachmentRoutes = new Hono<HonoEnv>()

/** The attachment if the current user may see it: its issue is visible, or it is their own upload. */
async function visibleAttachment(c: Ctx): Promise<AttachmentRow | Response> {
  const store = c.env.store
  const user = c.get('user')
  const id = parseId(c.req.param('id'))
  const a =
    id === null
      ? undefined
      : await store.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) return empty(404)
  if (a.issue_id === null) return user && a.author_id === user.id ? a : empty(404)
  const issue = await getIssue(store.db, a.issue_id)
  if (!issue) return empty(404)
  if (!issueVisible(store.lookups, user, issue)) return deny(user)
  return a
}

attachmentRoutes.get('/attachments/:id', async (c) => {
  const a = await visibleAttachment(c)
  if (a instanceof Response) return a
  return json({ attachment: attachmentJson(c.env.store.lookups, c.env.base, a) })
})

/** The bytes. The path is built only from the stored, server-generated disk name. */
async function download(c: Ctx): Promise<Response> {
  const a = await visibleAttachment(c)
  if (a instanceof Response) return a
  const diskName = basename(a.disk_filename)
  if (diskName !== a.disk_filename || diskName.startsWith('.')) return empty(404)
  const path = join(c.env.store.filesDir, diskName)
  const info = await stat(path).catch(() => null)
  if (!info || !info.isFile()) return empty(404)
  const ascii = a.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': a.content_type || 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
      'Content-Length': String(info.size),
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

attachmentRoutes.get('/attachments/download/:id', download)
attachmentRoutes.get('/attachments/download/:id/:filename', download)

attachmentRoutes.delete('/attachments/:id', async (c) => {
  const a = await visibleAttachment(c)
  if (a instanceof Response) return a
  const store = c.env.store
  const user = c.get('user')
  if (!user) return deny(null)
  const issue = a.issue_id === null ? undefined : await getIssue(store.db, a.issue_id)
  const project = issue ? store.lookups.projects.get(issue.project_id) : undefined
  if (issue && (!project || !allowed(store.lookups, user, project, 'edit_issues')))
    return deny(user)
  await store.write(async (trx) => {
    await trx.deleteFrom('attachments').where('id', '=', a.id).execute()
    if (issue)
      await writeJournal(
        trx,
        issue.id,
        user.id,
        '',
        false,
        [['attachment', String(a.id), a.filename, null]],
        isoTime(),
      )
  })
  await rm(join(store.filesDir, basename(a.disk_filename)), { force: true })
  return noContent()
})
