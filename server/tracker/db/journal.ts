import type { Trx } from './store'

export type Detail = [
  property: string,
  name: string,
  oldValue: string | null,
  newValue: string | null,
]

/** Writes one journal and its details inside the caller's transaction. */
export async function writeJournal(
  trx: Trx,
  issueId: number,
  userId: number,
  notes: string,
  privateNotes: boolean,
  details: Detail[],
  at: string,
): Promise<number> {
  const j = await trx
    .insertInto('journals')
    .values({
      issue_id: issueId,
      user_id: userId,
      notes,
      private_notes: privateNotes ? 1 : 0,
      created_on: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (details.length > 0)
    await trx
      .insertInto('journal_details')
      .values(
        details.map(([property, prop_key, old_value, value]) => ({
          journal_id: j.id,
          property,
          prop_key,
          old_value,
          value,
        })),
      )
      .execute()
  return j.id
}
