/** Filtering the loaded issues by the view's search. Pure and fast: runs on every keystroke. */
import type { Issue } from './model'
import type { IssueSearch } from './issue-search'

export interface FilterContext {
  /** The signed-in user, for `assignee=me`. */
  meId: number | null
}

/** Called only when the search sets `from` or `to`. */
function inRange(value: string | null, from?: string, to?: string): boolean {
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

/**
 * One function over the issues for a search. Only the filters the search sets are tested, each
 * once per issue: filtering 10,000 issues on one field runs one small test per issue, not all of
 * them (which matters most the first time, before the engine has optimized the code).
 */
export function makeIssuePredicate(s: IssueSearch, ctx: FilterContext): (i: Issue) => boolean {
  const tests: ((i: Issue) => boolean)[] = []
  if (s.status === 'open') tests.push((i) => !i.status.isClosed)
  if (s.status === 'closed') tests.push((i) => i.status.isClosed)
  const ids = (wanted: number[], pick: (i: Issue) => number | undefined | null) => {
    if (wanted.length === 0) return
    const set = new Set(wanted)
    tests.push((i) => {
      const id = pick(i)
      return id != null && set.has(id)
    })
  }
  ids(s.statusIds, (i) => i.status.id)
  ids(s.tracker, (i) => i.tracker.id)
  ids(s.priority, (i) => i.priority.id)
  ids(s.author, (i) => i.author.id)
  ids(s.category, (i) => i.category?.id)
  ids(s.version, (i) => i.version?.id)
  if (s.assignee.length > 0) {
    const nobody = s.assignee.includes('none')
    const people = new Set(
      s.assignee.flatMap((a) => (a === 'none' ? [] : [a === 'me' ? (ctx.meId ?? -1) : a])),
    )
    tests.push((i) => (i.assignee === null ? nobody : people.has(i.assignee.id)))
  }
  const cf = cfTests(s.cf)
  if (cf.length > 0) tests.push((i) => cfMatches(i, cf))
  const range = (
    from: string | undefined,
    to: string | undefined,
    pick: (i: Issue) => string | null,
  ) => {
    if (from || to) tests.push((i) => inRange(pick(i), from, to))
  }
  range(s.createdFrom, s.createdTo, (i) => i.createdOn)
  range(s.updatedFrom, s.updatedTo, (i) => i.updatedOn)
  range(s.dueFrom, s.dueTo, (i) => i.dueDate)
  if (s.attachments === true) tests.push((i) => (i.attachmentCount ?? 0) > 0)
  const q = s.q.trim().toLowerCase()
  if (q) tests.push((i) => derived(i).text.includes(q) || `#${i.id}` === q)

  if (tests.length === 0) return () => true
  if (tests.length === 1) return tests[0]!
  return (i) => {
    for (const t of tests) if (!t(i)) return false
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
