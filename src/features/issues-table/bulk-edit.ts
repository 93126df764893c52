/**
 * Bulk edit: one patch applied to many issues with bounded concurrency, each write verified by
 * re-reading the issue. Redmine answers 204 to a status change its workflow forbids and keeps the
 * old status (../shared/redmine/NOTES.md), so "no error" is not "applied".
 */
import type {
  Issue,
  IssueDetail,
  IssueId,
  IssuePatch,
  TrackerAdapter,
} from '../../trackers/tracker'

export type BulkPatch = Pick<
  IssuePatch,
  'statusId' | 'assigneeId' | 'priorityId' | 'versionId' | 'categoryId' | 'notes'
>

export interface BulkResult {
  id: IssueId
  ok: boolean
  /** Why it failed, for people. */
  reason?: string
  /** The issue as re-read after the write (to put back in the store), when it could be read. */
  issue?: Issue
}

export interface BulkProgress {
  done: number
  total: number
}

/** What the patch asked for that the re-read issue does not show. */
export function unappliedFields(patch: BulkPatch, after: Issue): string[] {
  const checks: [keyof BulkPatch, string, number | null | undefined, number | null][] = [
    ['statusId', 'status', patch.statusId, after.status.id],
    ['assigneeId', 'assignee', patch.assigneeId, after.assignee?.id ?? null],
    ['priorityId', 'priority', patch.priorityId, after.priority.id],
    ['versionId', 'version', patch.versionId, after.version?.id ?? null],
    ['categoryId', 'category', patch.categoryId, after.category?.id ?? null],
  ]
  return checks
    .filter(([key, , wanted, got]) => key in patch && wanted !== undefined && wanted !== got)
    .map(([, label]) => label)
}

function describe(after: IssueDetail, fields: string[]): string {
  const now: Record<string, string> = {
    status: after.status.name,
    assignee: after.assignee?.name ?? 'nobody',
    priority: after.priority.name,
    version: after.version?.name ?? 'none',
    category: after.category?.name ?? 'none',
  }
  return `Not applied by the tracker (its workflow or permissions): ${fields
    .map((f) => `${f} is still ${now[f]}`)
    .join(', ')}`
}

export async function runBulkEdit(
  t: TrackerAdapter,
  ids: readonly IssueId[],
  patch: BulkPatch,
  o: {
    concurrency?: number
    signal?: AbortSignal
    onProgress?: (p: BulkProgress) => void
    onResult?: (r: BulkResult) => void
  } = {},
): Promise<BulkResult[]> {
  const results: BulkResult[] = new Array<BulkResult>(ids.length)
  let next = 0
  let done = 0
  o.onProgress?.({ done, total: ids.length })
  const one = async (id: IssueId): Promise<BulkResult> => {
    try {
      await t.updateIssue(id, patch, o.signal)
    } catch (e) {
      return { id, ok: false, reason: e instanceof Error ? e.message : String(e) }
    }
    try {
      const after = await t.getIssue(id, o.signal)
      const missed = unappliedFields(patch, after)
      return missed.length
        ? { id, ok: false, reason: describe(after, missed), issue: after }
        : { id, ok: true, issue: after }
    } catch (e) {
      return {
        id,
        ok: false,
        reason: `Saved, but could not be re-read to check: ${e instanceof Error ? e.message : String(e)}`,
      }
    }
  }
  const worker = async () => {
    while (next < ids.length && !o.signal?.aborted) {
      const k = next++
      const r = await one(ids[k]!)
      results[k] = r
      done += 1
      o.onResult?.(r)
      o.onProgress?.({ done, total: ids.length })
    }
  }
  const n = Math.max(1, Math.min(o.concurrency ?? 4, ids.length))
  await Promise.all(Array.from({ length: n }, worker))
  return results.filter(Boolean)
}
