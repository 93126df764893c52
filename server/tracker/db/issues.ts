import { sql, type RawBuilder } from 'kysely'
import type { Db } from './store'
import type { AttachmentRow, IssueRow, JournalRow, RelationRow } from './schema'
import type { DetailRow } from '../serialize'

/** Issue reads. `where`/`order` come from filters.ts (parameterised SQL over `issues i`). */

export async function listIssues(
  db: Db,
  where: RawBuilder<unknown>[],
  order: RawBuilder<unknown>[],
  offset: number,
  limit: number,
): Promise<{ rows: IssueRow[]; total: number }> {
  const cond = where.length > 0 ? sql.join(where, sql` AND `) : sql`1`
  const [rows, count] = await Promise.all([
    sql<IssueRow>`SELECT i.* FROM issues i WHERE ${cond} ORDER BY ${sql.join(order)} LIMIT ${limit} OFFSET ${offset}`.execute(
      db,
    ),
    sql<{ n: number }>`SELECT count(*) AS n FROM issues i WHERE ${cond}`.execute(db),
  ])
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) }
}

export async function getIssue(db: Db, id: number): Promise<IssueRow | undefined> {
  return db.selectFrom('issues').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface IssueSideData {
  customValues: Map<number, Map<number, string | null>>
  childEstimates: Map<number, number>
}

export async function loadSideData(db: Db, ids: number[]): Promise<IssueSideData> {
  const customValues = new Map<number, Map<number, string | null>>()
  const childEstimates = new Map<number, number>()
  if (ids.length === 0) return { customValues, childEstimates }
  const [cvs, kids] = await Promise.all([
    db.selectFrom('custom_values').selectAll().where('issue_id', 'in', ids).execute(),
    db
      .selectFrom('issues')
      .select(['parent_id', sql<number>`coalesce(sum(estimated_hours), 0)`.as('est')])
      .where('parent_id', 'in', ids)
      .groupBy('parent_id')
      .execute(),
  ])
  for (const cv of cvs) {
    let m = customValues.get(cv.issue_id)
    if (!m) customValues.set(cv.issue_id, (m = new Map()))
    m.set(cv.custom_field_id, cv.value)
  }
  for (const k of kids) if (k.parent_id !== null) childEstimates.set(k.parent_id, Number(k.est))
  return { customValues, childEstimates }
}

export async function attachmentsOf(db: Db, ids: number[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('issue_id', 'in', ids)
    .orderBy('id')
    .execute()
}

export async function relationsOf(db: Db, ids: number[]): Promise<RelationRow[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('issue_relations')
    .selectAll()
    .where((eb) => eb.or([eb('issue_from_id', 'in', ids), eb('issue_to_id', 'in', ids)]))
    .orderBy('id')
    .execute()
}

export async function journalsOf(
  db: Db,
  id: number,
): Promise<{ journals: JournalRow[]; details: DetailRow[] }> {
  const journals = await db
    .selectFrom('journals')
    .selectAll()
    .where('issue_id', '=', id)
    .orderBy('id')
    .execute()
  const details =
    journals.length === 0
      ? []
      : await db
          .selectFrom('journal_details')
          .select(['journal_id', 'property', 'prop_key', 'old_value', 'value'])
          .where(
            'journal_id',
            'in',
            journals.map((j) => j.id),
          )
          .orderBy('id')
          .execute()
  return { journals, details }
}

export async function childrenOf(db: Db, id: number): Promise<IssueRow[]> {
  return db.selectFrom('issues').selectAll().where('parent_id', '=', id).orderBy('id').execute()
}

export async function watcherIds(db: Db, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('watchers')
    .select('user_id')
    .where('issue_id', '=', id)
    .execute()
  return rows.map((r) => r.user_id)
}
