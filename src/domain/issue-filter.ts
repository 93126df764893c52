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

/**
 * A custom field filter value: a plain value is Redmine's `=` (a list field's choice, or a text
 * field's exact value), `~text` is Redmine's `~` (contains, case-insensitive).
 */
export const CF_CONTAINS = '~'

export type CfCondition = { op: 'is'; value: string } | { op: 'contains'; value: string }

export function parseCfValue(raw: string): CfCondition {
  return raw.startsWith(CF_CONTAINS)
    ? { op: 'contains', value: raw.slice(CF_CONTAINS.length) }
    : { op: 'is', value: raw }
}

export function formatCfValue(c: CfCondition): string {
  return c.op === 'contains' ? `${CF_CONTAINS}${c.value}` : c.value
}

/**
 * What filtering reads from an issue, derived once per issue object. Issues are immutable
 * snapshots (a refresh replaces the changed ones), so a WeakMap is a safe cache: typing in the
 * search box lower-cases nothing, and old snapshots' entries go with them.
 */
interface Derived {
  /** Subject and description, lower-cased, split by a character no query contains. */
  text: string
  /** Custom field values by field id, as given and lower-cased. */
  cf: Map<number, { values: string[]; lower: string[] }>
}
const derivedCache = new WeakMap<Issue, Derived>()

function derived(i: Issue): Derived {
  let d = derivedCache.get(i)
  if (!d) {
    const cf = new Map<number, { values: string[]; lower: string[] }>()
    for (const f of i.customFields) {
      const values = f.value == null ? [] : Array.isArray(f.value) ? f.value : [f.value]
      cf.set(f.id, { values, lower: values.map((v) => v.toLowerCase()) })
    }
    d = { text: `${i.subject.toLowerCase()}\u0000${i.description.toLowerCase()}`, cf }
    derivedCache.set(i, d)
  }
  return d
}

interface CfTest {
  id: number
  is: string[]
  contains: string[]
}

function cfTests(cf: Record<string, string[]>): CfTest[] {
  const tests: CfTest[] = []
  for (const [id, wanted] of Object.entries(cf)) {
    const t: CfTest = { id: Number(id), is: [], contains: [] }
    for (const raw of wanted) {
      const c = parseCfValue(raw)
      if (c.op === 'is') t.is.push(c.value)
      // An empty "contains" asks for nothing.
      else if (c.value.trim()) t.contains.push(c.value.trim().toLowerCase())
    }
    if (t.is.length + t.contains.length > 0) tests.push(t)
  }
  return tests
}

/** Every field's test must pass; within a field, any value (Redmine's "is any of"). */
function cfMatches(issue: Issue, tests: readonly CfTest[]): boolean {
  if (tests.length === 0) return true
  const cf = derived(issue).cf
  for (const t of tests) {
    const field = cf.get(t.id)
    if (!field) return false
    const ok =
      t.is.some((w) => field.values.includes(w)) ||
      t.contains.some((w) => field.lower.some((v) => v.includes(w)))
    if (!ok) return false
  }
  return true
}

export function makeIssuePredicate(s: IssueSearch, ctx: FilterContext): (i: Issue) => boolean {
  const q = s.q.trim().toLowerCase()
  const assignees = s.assignee.map((a) => (a === 'me' ? (ctx.meId ?? -1) : a))
  const cf = cfTests(s.cf)
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
    if (!cfMatches(i, cf)) return false
    if (!inRange(i.createdOn, s.createdFrom, s.createdTo)) return false
    if (!inRange(i.updatedOn, s.updatedFrom, s.updatedTo)) return false
    if (!inRange(i.dueDate, s.dueFrom, s.dueTo)) return false
    if (s.attachments === true && !(i.attachmentCount && i.attachmentCount > 0)) return false
    if (q && !derived(i).text.includes(q) && `#${i.id}` !== q) return false
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
