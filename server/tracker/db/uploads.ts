import type { Db, Trx } from './store'
import type { AttachmentRow } from './schema'

export interface UploadRef {
  token: string
  filename?: string
  content_type?: string
  description?: string
}

export function parseUploadRefs(raw: unknown): UploadRef[] {
  if (!Array.isArray(raw)) return []
  return raw
    .filter((u): u is Record<string, unknown> => !!u && typeof u === 'object')
    .map((u) => ({
      token: typeof u.token === 'string' ? u.token : '',
      filename: typeof u.filename === 'string' ? u.filename : undefined,
      content_type: typeof u.content_type === 'string' ? u.content_type : undefined,
      description: typeof u.description === 'string' ? u.description : undefined,
    }))
}

/**
 * Finds the unattached uploads behind tokens `id.sha256`, uploaded by `userId`. A token is
 * usable once: attaching sets issue_id. Returns the rows found and how many tokens failed.
 */
export async function resolveUploads(
  db: Db | Trx,
  refs: UploadRef[],
  userId: number,
): Promise<{ found: { row: AttachmentRow; ref: UploadRef }[]; failed: number }> {
  const found: { row: AttachmentRow; ref: UploadRef }[] = []
  let failed = 0
  const seen = new Set<number>()
  for (const ref of refs) {
    const m = /^(\d{1,15})\.([0-9a-f]{64})$/.exec(ref.token)
    const row = m
      ? await db
          .selectFrom('attachments')
          .selectAll()
          .where('id', '=', Number(m[1]))
          .where('digest', '=', m[2] ?? '')
          .where('issue_id', 'is', null)
          .where('author_id', '=', userId)
          .executeTakeFirst()
      : undefined
    if (!row || seen.has(row.id)) failed++
    else {
      seen.add(row.id)
      found.push({ row, ref })
    }
  }
  return { found, failed }
}

/** Attaches resolved uploads to an issue (in the caller's transaction); returns the final rows. */
export async function attachUploads(
  trx: Trx,
  issueId: number,
  found: { row: AttachmentRow; ref: UploadRef }[],
): Promise<AttachmentRow[]> {
  const out: AttachmentRow[] = []
  for (const { row, ref } of found) {
    const filename = sanitizeFilename(ref.filename) ?? row.filename
    const contentType =
      ref.content_type && /^[\w.+-]+\/[\w.+-]+$/.test(ref.content_type)
        ? ref.content_type
        : row.content_type
    const updated = await trx
      .updateTable('attachments')
      .set({
        issue_id: issueId,
        filename,
        content_type: contentType,
        description: ref.description ?? row.description,
      })
      .where('id', '=', row.id)
      .where('issue_id', 'is', null)
      .returningAll()
      .executeTakeFirst()
    if (!updated) throw new Error('upload already used')
    out.push(updated)
  }
  return out
}

/** The display name of a file: no directories, no control characters, at most 255 chars. */
export function sanitizeFilename(name: string | undefined | null): string | null {
  if (!name) return null
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255)
  return clean && clean !== '.' && clean !== '..' ? clean : null
}

export function guessContentType(filename: string): string {
  const ext = filename.toLowerCase().split('.').pop() ?? ''
  const types: Record<string, string> = {
    txt: 'text/plain',
    log: 'text/plain',
    md: 'text/markdown',
    csv: 'text/csv',
    json: 'application/json',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    pdf: 'application/pdf',
    zip: 'application/zip',
  }
  return types[ext] ?? 'application/octet-stream'
}
