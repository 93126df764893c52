import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import type { Insertable } from 'kysely'
import type { Store, Trx } from '../db/store'
import type { Database } from '../db/schema'
import { hashPassword } from '../passwords'
import { isoDate, isoTime } from '../time'
import { MODULES, PRIORITIES, ROLES, STATUSES, TRACKERS, WORKFLOWS } from './defaults'
import {
  CATEGORIES,
  DEFAULT_ADMIN_KEY,
  demoKey,
  FIXTURE_ISSUES,
  FIXTURE_WATCHERS,
  MEMBERSHIPS,
  PROJECTS,
  QUERIES,
  USERS,
  VERSIONS,
} from './fixture'
import { Prng } from './prng'
import { descriptionFor, NOTES, subjectFor } from './text'

export interface SeedOptions {
  seedIssues: number
  adminKey?: string
}

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0)
const HOUR = 3_600_000

async function insertChunked<T extends keyof Database>(
  trx: Trx,
  table: T,
  rows: Insertable<Database[T]>[],
  chunk = 400,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute()
  }
}

/** A valid 8x8 PNG of one colour. */
function tinyPng(r: number, g: number, b: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(8, 0)
  ihdr.writeUInt32BE(8, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: 8 }, () => [r, g, b]).flat()),
  ])
  const raw = Buffer.concat(Array.from({ length: 8 }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Seeds an empty database deterministically. Returns the number of issues created. */
export async function seed(store: Store, opts: SeedOptions): Promise<number> {
  const p = new Prng(20261124)
  const created = isoTime(new Date(T0 - 30 * 24 * HOUR))
  const attachments: Insertable<Database['attachments']>[] = []
  const writeAttachment = (
    issueId: number,
    authorId: number,
    filename: string,
    contentType: string,
    content: Buffer,
    createdOn: string,
    description = '',
  ): number => {
    const id = attachments.length + 1
    const disk = `seed-${id}`
    writeFileSync(join(store.filesDir, disk), content)
    attachments.push({
      id,
      issue_id: issueId,
      filename,
      disk_filename: disk,
      filesize: content.length,
      content_type: contentType,
      digest: createHash('sha256').update(content).digest('hex'),
      description,
      author_id: authorId,
      created_on: createdOn,
    })
    return id
  }

  await store.write(async (trx) => {
    await insertChunked(trx, 'issue_statuses', STATUSES)
    await insertChunked(trx, 'trackers', TRACKERS)
    await insertChunked(trx, 'priorities', PRIORITIES)
    await insertChunked(
      trx,
      'roles',
      ROLES.map((r) => ({ ...r, permissions: JSON.stringify(r.permissions) })),
    )
    const wf: Insertable<Database['workflows']>[] = []
    for (const [role, pairs] of Object.entries(WORKFLOWS))
      for (const t of TRACKERS)
        for (const [from, to] of pairs)
          wf.push({
            role_id: Number(role),
            tracker_id: t.id,
            old_status_id: from,
            new_status_id: to,
          })
    await insertChunked(trx, 'workflows', wf)
    await insertChunked(
      trx,
      'users',
      USERS.map((u) => ({
        id: u.id,
        login: u.login,
        firstname: u.firstname,
        lastname: u.lastname,
        mail: `${u.login}@example.net`,
        admin: u.admin ? 1 : 0,
        status: 1,
        password_hash: hashPassword(u.password, `seed${u.id}`),
        api_key: u.login === 'admin' ? (opts.adminKey ?? DEFAULT_ADMIN_KEY) : demoKey(u.login),
        created_on: created,
        updated_on: created,
        passwd_changed_on: u.admin ? null : created,
      })),
    )
    await insertChunked(
      trx,
      'projects',
      PROJECTS.map((pr) => ({
        ...pr,
        homepage: '',
        status: 1,
        inherit_members: 0,
        created_on: created,
        updated_on: created,
      })),
    )
    await insertChunked(
      trx,
      'project_trackers',
      PROJECTS.flatMap((pr) => TRACKERS.map((t) => ({ project_id: pr.id, tracker_id: t.id }))),
    )
    await insertChunked(
      trx,
      'enabled_modules',
      PROJECTS.flatMap((pr) => MODULES.map((name) => ({ project_id: pr.id, name }))),
    )
    await insertChunked(
      trx,
      'members',
      MEMBERSHIPS.map(([project_id, user_id], i) => ({ id: i + 1, project_id, user_id })),
    )
    await insertChunked(
      trx,
      'member_roles',
      MEMBERSHIPS.map(([, , role_id], i) => ({ member_id: i + 1, role_id })),
    )
    await insertChunked(trx, 'issue_categories', CATEGORIES)
    await insertChunked(
      trx,
      'versions',
      VERSIONS.map((v) => ({
        ...v,
        description: '',
        sharing: 'none',
        created_on: created,
        updated_on: created,
      })),
    )
    await insertChunked(trx, 'custom_fields', [
      {
        id: 1,
        name: 'Severity',
        field_format: 'list',
        possible_values: JSON.stringify(['minor', 'major', 'critical']),
        is_required: 0,
        is_filter: 1,
        searchable: 1,
        is_for_all: 1,
        default_value: null,
      },
    ])
    await insertChunked(
      trx,
      'queries',
      QUERIES.map((q) => ({ ...q, filters: JSON.stringify(q.filters) })),
    )

    // Issues: the fixture's #1-#10, then generated ones in the other projects.
    const issues: Insertable<Database['issues']>[] = []
    const values: Insertable<Database['custom_values']>[] = []
    const journals: Insertable<Database['journals']>[] = []
    const details: Insertable<Database['journal_details']>[] = []
    const watchers: Insertable<Database['watchers']>[] = []
    const relations: Insertable<Database['issue_relations']>[] = []
    const addJournal = (
      issueId: number,
      userId: number,
      notes: string,
      at: string,
      changes: [string, string, string | null, string | null][],
      fixedId?: number,
    ): void => {
      const id = fixedId ?? Math.max(16, ...journals.map((j) => j.id ?? 0)) + 1
      journals.push({
        id,
        issue_id: issueId,
        user_id: userId,
        notes,
        private_notes: 0,
        created_on: at,
      })
      for (const [property, prop_key, old_value, value] of changes)
        details.push({ journal_id: id, property, prop_key, old_value, value })
    }
    // The real fixture's issues were created about a second apart; keep that order and those ties.
    const fixtureAt = (seconds: number): string => isoTime(new Date(T0 + seconds * 1000))
    const CREATED: Record<number, number> = {
      1: 0,
      2: 1,
      3: 1,
      4: 2,
      5: 2,
      6: 2,
      7: 2,
      8: 3,
      9: 3,
      10: 3,
    }
    const UPDATED: Record<number, number> = {
      1: 1,
      2: 1,
      3: 1,
      4: 2,
      5: 2,
      6: 2,
      7: 2,
      8: 3,
      9: 3,
      10: 3,
    }
    const START: Record<number, string> = { 8: '2025-02-03', 10: '2025-02-01' }
    for (const f of FIXTURE_ISSUES) {
      const at = fixtureAt(CREATED[f.id] ?? 0)
      const updated = fixtureAt(UPDATED[f.id] ?? 0)
      const closed = STATUSES.find((s) => s.id === f.s)?.is_closed === 1
      issues.push({
        id: f.id,
        project_id: f.p,
        tracker_id: f.t,
        status_id: f.s,
        priority_id: f.pr,
        author_id: 1,
        assigned_to_id: f.as,
        category_id: f.c,
        fixed_version_id: f.v,
        parent_id: f.par,
        subject: f.subject,
        description: f.description,
        start_date: START[f.id] ?? at.slice(0, 10),
        due_date: f.due,
        done_ratio: f.done,
        is_private: 0,
        estimated_hours: f.est,
        created_on: at,
        updated_on: updated,
        closed_on: closed ? updated : null,
        lock_version: 0,
      })
      values.push({ issue_id: f.id, custom_field_id: 1, value: f.cf })
    }
    const crashLog = Buffer.from(
      'worker[42]: upload of 12582912 bytes\nworker[42]: killed (out of memory)\n',
    )
    const crashId = writeAttachment(
      7,
      1,
      'crash.log',
      'text/plain',
      crashLog,
      fixtureAt(2),
      'worker log',
    )
    // Journals #1-#16 exactly as the real fixture has them (ids, users, notes, details).
    const J: [
      number,
      number,
      number,
      string,
      number,
      [string, string, string | null, string | null][],
    ][] = [
      [
        1,
        1,
        5,
        'Reproduced locally; looking into the password validator.',
        0,
        [['attr', 'status_id', '1', '2']],
      ],
      [
        2,
        1,
        6,
        'Thanks, please add a regression test too.',
        1,
        [['attr', 'done_ratio', '0', '30']],
      ],
      [3, 2, 6, '', 1, [['attr', 'status_id', '1', '2']]],
      [4, 2, 6, 'Implemented in the export menu.', 1, [['attr', 'status_id', '2', '3']]],
      [5, 3, 5, '', 1, [['attr', 'status_id', '1', '2']]],
      [6, 3, 5, 'Fixed the typo.', 1, [['attr', 'status_id', '2', '3']]],
      [7, 3, 5, 'Verified on staging.', 1, [['attr', 'status_id', '3', '5']]],
      [
        8,
        4,
        1,
        'Use My account > API access key > Reset. Does that help?',
        2,
        [['attr', 'status_id', '1', '4']],
      ],
      [9, 5, 1, '', 2, [['attr', 'child_id', null, '6']]],
      [
        10,
        7,
        1,
        'Attaching the worker log.',
        2,
        [['attachment', String(crashId), null, 'crash.log']],
      ],
      [11, 1, 1, '', 2, [['relation', 'relates', null, '7']]],
      [12, 7, 1, '', 2, [['relation', 'relates', null, '1']]],
      [
        13,
        9,
        1,
        'False alarm: the alert threshold was misconfigured.',
        3,
        [['attr', 'status_id', '1', '6']],
      ],
      [14, 10, 5, '', 3, [['attr', 'status_id', '1', '2']]],
      [
        15,
        8,
        1,
        '',
        3,
        [
          ['attr', 'due_date', '2030-06-30', '2028-09-08'],
          ['attr', 'start_date', isoDate(new Date(T0)), '2025-02-03'],
          ['relation', 'follows', null, '10'],
        ],
      ],
      [16, 10, 1, '', 3, [['relation', 'precedes', null, '8']]],
    ]
    for (const [id, issueId, userId, notes, at, changes] of J)
      addJournal(issueId, userId, notes, fixtureAt(at), changes, id)
    relations.push({
      id: 1,
      issue_from_id: 1,
      issue_to_id: 7,
      relation_type: 'relates',
      delay: null,
    })
    relations.push({
      id: 2,
      issue_from_id: 10,
      issue_to_id: 8,
      relation_type: 'precedes',
      delay: 0,
    })
    for (const [issue_id, user_id] of FIXTURE_WATCHERS) watchers.push({ issue_id, user_id })

    const genProjects = [3, 3, 3, 4, 4, 5]
    const membersOf = (projectId: number): number[] =>
      MEMBERSHIPS.filter(([pid]) => pid === projectId).map(([, uid]) => uid)
    const statusWeights = [1, 1, 1, 2, 2, 2, 3, 4, 5, 5, 5, 6]
    const lastRootInProject = new Map<number, number>()
    const pngColours: [number, number, number][] = [
      [220, 40, 40],
      [40, 160, 60],
      [40, 90, 220],
    ]
    let clock = T0 + 2 * 24 * HOUR
    for (let n = 0; n < opts.seedIssues; n++) {
      const id = 11 + n
      const projectId = p.pick(genProjects)
      const people = membersOf(projectId)
      const tracker = p.pick([1, 1, 1, 2, 2, 3])
      const status = p.pick(statusWeights)
      const closed = status >= 5
      clock += p.int(1, 6) * HOUR * (20_000 / Math.max(opts.seedIssues, 600)) * 0.1 + 60_000
      const createdAt = new Date(clock)
      const updatedAt = new Date(clock + p.int(0, 240) * HOUR)
      const author = p.pick(people)
      const assignee = p.chance(0.75) ? p.pick(people) : null
      const cats = CATEGORIES.filter((c) => c.project_id === projectId)
      const vers = VERSIONS.filter((v) => v.project_id === projectId && v.status !== 'closed')
      const subject = subjectFor(p, tracker)
      let parent: number | null = null
      const root = lastRootInProject.get(projectId)
      if (root !== undefined && p.chance(0.06)) parent = root
      else if (p.chance(0.2)) lastRootInProject.set(projectId, id)
      const start = isoDate(createdAt)
      issues.push({
        id,
        project_id: projectId,
        tracker_id: tracker,
        status_id: status,
        priority_id: p.pick([1, 2, 2, 2, 2, 3, 3, 4, 5]),
        author_id: author,
        assigned_to_id: assignee,
        category_id: cats.length > 0 && p.chance(0.7) ? p.pick(cats).id : null,
        fixed_version_id: vers.length > 0 && p.chance(0.5) ? p.pick(vers).id : null,
        parent_id: parent,
        subject,
        description: descriptionFor(p, subject),
        start_date: start,
        due_date: p.chance(0.3) ? isoDate(new Date(clock + p.int(2, 60) * 24 * HOUR)) : null,
        done_ratio: closed ? 100 : status === 1 ? 0 : p.pick([10, 20, 30, 50, 70, 80, 90]),
        is_private: p.chance(0.03) ? 1 : 0,
        estimated_hours: p.chance(0.4) ? p.pick([1, 2, 4, 6, 8, 16, 24]) : null,
        created_on: isoTime(createdAt),
        updated_on: isoTime(updatedAt),
        closed_on: closed ? isoTime(updatedAt) : null,
        lock_version: status === 1 ? 0 : 1,
      })
      values.push({
        issue_id: id,
        custom_field_id: 1,
        value: tracker === 1 ? p.pick(['minor', 'major', 'major', 'critical']) : null,
      })
      watchers.push({ issue_id: id, user_id: author })
      if (assignee !== null && assignee !== author)
        watchers.push({ issue_id: id, user_id: assignee })
      if (status !== 1) {
        const mid = isoTime(new Date(clock + 1 * HOUR))
        addJournal(id, assignee ?? author, p.chance(0.6) ? p.pick(NOTES) : '', mid, [
          ['attr', 'status_id', '1', String(status)],
        ])
        if (p.chance(0.3)) addJournal(id, author, p.pick(NOTES), isoTime(updatedAt), [])
      }
      if (n > 5 && p.chance(0.05)) {
        const other = id - p.int(1, 5)
        relations.push({
          id: relations.length + 1,
          issue_from_id: other,
          issue_to_id: id,
          relation_type: p.pick(['relates', 'blocks', 'duplicates', 'precedes']),
          delay: null,
        })
      }
      if (p.chance(0.03)) {
        const png = p.chance(0.5)
        const at = isoTime(updatedAt)
        const attId = png
          ? writeAttachment(
              id,
              author,
              `screenshot-${id}.png`,
              'image/png',
              tinyPng(...p.pick(pngColours)),
              at,
              'Screenshot',
            )
          : writeAttachment(
              id,
              author,
              `log-${id}.txt`,
              'text/plain',
              Buffer.from(`${subject}\nerror at line ${p.int(1, 999)}\n`),
              at,
            )
        addJournal(id, author, '', at, [
          ['attachment', String(attId), null, png ? `screenshot-${id}.png` : `log-${id}.txt`],
        ])
      }
    }
    await insertChunked(trx, 'issues', issues, 300)
    await insertChunked(trx, 'custom_values', values, 1000)
    await insertChunked(trx, 'journals', journals, 1000)
    await insertChunked(trx, 'journal_details', details, 1000)
    await insertChunked(trx, 'watchers', watchers, 1000)
    await insertChunked(trx, 'issue_relations', relations, 1000)
    await insertChunked(trx, 'attachments', attachments, 500)
  })
  // Planner statistics: without them SQLite sorts a whole index range for `ORDER BY id DESC LIMIT n`.
  await store.client.execute('ANALYZE')
  await store.reload()
  return opts.seedIssues + FIXTURE_ISSUES.length
}
