import { sql } from 'kysely'
import type { Trx } from './store'
import { writeJournal } from './journal'

/**
 * Redmine 5.0's derived parent attributes (the parent_issue_* settings default to "derived"):
 * priority = highest priority of the open children (else the default priority), start/due =
 * min/max of the children's, done ratio = children's progress weighted by estimated hours
 * (closed children count 100%). Runs up the ancestors, in the caller's transaction.
 * Like Redmine, a parent left without children keeps its last values.
 */
export async function recalculateParent(
  trx: Trx,
  parentId: number | null,
  at: string,
): Promise<void> {
  const seen = new Set<number>()
  let id = parentId
  while (id !== null && !seen.has(id)) {
    seen.add(id)
    const kids = await sql<{
      n: number
      prio: number | null
      start: string | null
      due: string | null
      avg_est: number | null
    }>`SELECT count(*) AS n,
         (SELECT max(p.position) FROM issues c JOIN priorities p ON p.id = c.priority_id
            JOIN issue_statuses s ON s.id = c.status_id WHERE c.parent_id = ${id} AND s.is_closed = 0) AS prio,
         min(start_date) AS start, max(due_date) AS due,
         (SELECT avg(estimated_hours) FROM issues WHERE parent_id = ${id} AND estimated_hours > 0) AS avg_est
       FROM issues WHERE parent_id = ${id}`.execute(trx)
    const k = kids.rows[0]
    if (!k || Number(k.n) === 0) return
    const average = k.avg_est && k.avg_est > 0 ? k.avg_est : 1
    const done = await sql<{ d: number }>`
      SELECT coalesce(sum(coalesce(CASE WHEN c.estimated_hours > 0 THEN c.estimated_hours END, ${average})
        * (CASE WHEN s.is_closed = 1 THEN 100 ELSE coalesce(c.done_ratio, 0) END)), 0) AS d
      FROM issues c JOIN issue_statuses s ON s.id = c.status_id WHERE c.parent_id = ${id}`.execute(
      trx,
    )
    const doneRatio = Math.floor(Number(done.rows[0]?.d ?? 0) / (average * Number(k.n)))
    const priority =
      k.prio !== null
        ? await trx
            .selectFrom('priorities')
            .select('id')
            .where('position', '=', k.prio)
            .executeTakeFirst()
        : await trx
            .selectFrom('priorities')
            .select('id')
            .where('is_default', '=', 1)
            .executeTakeFirst()
    let [start, due] = [k.start, k.due]
    if (start && due && due < start) [start, due] = [due, start]
    const parent = await trx
      .updateTable('issues')
      .set({
        start_date: start,
        due_date: due,
        done_ratio: doneRatio,
        ...(priority ? { priority_id: priority.id } : {}),
        updated_on: at,
        lock_version: sql<number>`lock_version + 1`,
      })
      .where('id', '=', id)
      .returning('parent_id')
      .executeTakeFirst()
    id = parent?.parent_id ?? null
  }
}

/** The parent's journal when a subtask is attached or detached (`attr` `child_id`). */
export async function journalChild(
  trx: Trx,
  parentId: number,
  userId: number,
  childId: number,
  added: boolean,
  at: string,
): Promise<void> {
  const value = String(childId)
  await writeJournal(
    trx,
    parentId,
    userId,
    '',
    false,
    [['attr', 'child_id', added ? null : value, added ? value : null]],
    at,
  )
}
