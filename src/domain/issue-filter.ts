/** Filtering the loaded issues by the view's search. Pure and fast: runs on every keystroke. */
import type { Issue } from './model'
import type { IssueSearch } from './issue-search'

export interface FilterContext {
  /** The signed-in user, for `assignee=me`. */
  meId: number | null
}

const inIds = (wanted: number[], id: number | undefined | null) =>
  wanted.length === 0 || (id != null && wanted.includes(id))

function inRange(value: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true
  if (!value) return false
  const day = value.slice(0, 10)
  return (!from || day >= from) && (!to || day <= to)
}

function cfMatches(issue: Issue, cf: Record<string, string[]>): boolean {
  for (const [id, wanted] of Object.entries(cf)) {
    if (wanted.length === 0) continue
    const field = issue.customFields.find((f) => f.id === Number(id))
    const values =
      field?.value == null ? [] : Array.isArray(field.value) ? field.value : [field.value]
    // A single value is a list choice or, for text fields, a case-insensitive "contains".
    const ok = wanted.some((w) =>
      values.some((v) => v === w || v.toLowerCase().includes(w.toLowerCase())),
    )
    if (!ok) return false
  }
  return true
}

export function makeIssuePredicate(s: IssueSearch, ctx: FilterContext): (i: Issue) => boolean {
  const q = s.q.trim().toLowerCase()
  const assignees = s.assignee.map((a) => (a === 'me' ? (ctx.meId ?? -1) : a))
  return (i) => {
    if (s.status === 'open' && i.status.isClosed) return false
    if (s.status === 'closed' && !i.status.isClosed) return false
    if (!inIds(s.statusIds, i.status.id)) return false
    if (!inIds(s.tracker, i.tracker.id)) return false
    if (!inIds(s.priority, i.priority.id)) return false
    if (!inIds(s.author, i.author.id)) return false
    if (!inIds(s.category, i.category?.id)) return false
    if (!inIds(s.version, i.version?.id)) return false
    if (assignees.length > 0) {
      const ok = assignees.some((a) => (a === 'none' ? i.assignee === null : i.assignee?.id === a))
      if (!ok) return false
    }
    if (!cfMatches(i, s.cf)) return false
    if (!inRange(i.createdOn, s.createdFrom, s.createdTo)) return false
    if (!inRange(i.updatedOn, s.updatedFrom, s.updatedTo)) return false
    if (!inRange(i.dueDate, s.dueFrom, s.dueTo)) return false
    if (s.attachments === true && !(i.attachmentCount && i.attachmentCount > 0)) return false
    if (q) {
      const ref = `#${i.id}`
      if (
        !i.subject.toLowerCase().includes(q) &&
        !i.description.toLowerCase().includes(q) &&
        ref !== q
      )
        return false
    }
    return true
  }
}

export function filterIssues(
  issues: readonly Issue[],
  s: IssueSearch,
  ctx: FilterContext,
): Issue[] {
  return issues.filter(makeIssuePredicate(s, ctx))
}

/** How many filters are set (for the "clear all" affordance). */
export function activeFilterCount(s: IssueSearch): number {
  return (
    [s.statusIds, s.tracker, s.priority, s.assignee, s.author, s.category, s.version].filter(
      (l) => l.length > 0,
    ).length +
    Object.values(s.cf).filter((v) => v.length > 0).length +
    [s.q, s.createdFrom, s.createdTo, s.updatedFrom, s.updatedTo, s.dueFrom, s.dueTo].filter(
      Boolean,
    ).length +
    (s.attachments ? 1 : 0)
  )
}
