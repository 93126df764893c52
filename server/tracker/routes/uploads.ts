import { createHash, randomBytes } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Hono } from 'hono'
import { guessContentType, sanitizeFilename } from '../db/uploads'
import { badRequest, deny, empty, errors, json, type HonoEnv } from '../http'
import { isoTime } from '../time'

export const uploadRoutes = new Hono<HonoEnv>()

function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`
  return `${bytes} Bytes`
}

/**
 * POST /uploads.json?filename=x: the body is the file (application/octet-stream only). The file
 * is written and fsynced under a generated name before its row commits; the token `id.sha256`
 * can then be used once in `uploads[]` of an issue create/update.
 */
uploadRoutes.post('/uploads', async (c) => {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'application/json') {
    try {
      JSON.parse(await c.req.text())
    } catch {
      return badRequest()
    }
    return empty(406)
  }
  if (type !== 'application/octet-stream') return empty(406)
  const user = c.get('user')
  if (!user) return deny(null)
  const max = c.env.maxUploadBytes
  const tooBig = (): Response =>
    errors([
      `This file cannot be uploaded because it exceeds the maximum allowed file size (${sizeLabel(max)})`,
    ])
  const declared = Number(c.req.header('Content-Length') ?? NaN)
  if (Number.isFinite(declared) && declared > max) return tooBig()
  const store = c.env.store
  const disk = `${Date.now()}_${randomBytes(12).toString('hex')}`
  const path = join(store.filesDir, disk)
  const hash = createHash('sha256')
  let size = 0
  const fh = await open(path, 'wx')
  let complete = false
  try {
    const body = c.req.raw.body
    if (body) {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength
        if (size > max) break
        hash.update(chunk)
        await fh.write(chunk)
      }
    }
    if (size <= max) await fh.sync()
    complete = true
  } finally {
    await fh.close()
    // A body cut off mid-way leaves no orphan file behind.
    if (!complete) await rm(path, { force: true })
  }
  if (size > max) {
    await rm(path, { force: true })
    return tooBig()
  }
  const filename = sanitizeFilename(c.req.query('filename')) ?? ''
  const digest = hash.digest('hex')
  const row = await store.write((trx) =>
    trx
      .insertInto('attachments')
      .values({
        issue_id: null,
        filename,
        disk_filename: disk,
        filesize: size,
        content_type: filename ? guessContentType(filename) : 'application/octet-stream',
        digest,
        description: '',
        author_id: user.id,
        created_on: isoTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  )
  return json({ upload: { id: row.id, token: `${row.id}.${digest}` } }, 201)
})
