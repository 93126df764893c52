import { sql, type RawBuilder } from 'kysely'
import type { Lookups } from './db/lookups'
import type { UserRow } from './db/schema'
import { findProject, issueVisibility, projectVisible, withSubprojects } from './permissions'

/**
 * GET /issues.json parameters -> parameterised SQL over `issues i`, as Redmine 5.0 reads them
 * (IssueQuery#build_from_params): either short filters (`status_id=o`, `cf_1=a|b`,
 * `created_on=>=2020-01-01`) or the `f[]/op[f]/v[f][]` form. Values only ever reach SQL as
 * bound parameters. Unknown filters are ignored; an unknown operator is a 404; a bad date is a 422.
 */

type Cond = RawBuilder<unknown>
type FieldType =
  'status' | 'list' | 'list_optional' | 'text' | 'date' | 'datetime' | 'integer' | 'tree' | 'cf'

export type Params = URLSearchParams

export type ParsedQuery =
  | {
      ok: true
      where: Cond[]
      order: Cond[]
      offset: number
      limit: number
      projectIds: number[] | null
    }
  | { ok: false; status: 401 | 403 | 404 }
  | { ok: false; status: 422; errors: string[] }

const FIELDS: Record<string, { type: FieldType; column?: string; label: string }> = {
  status_id: { type: 'status', column: 'status_id', label: 'Status' },
  tracker_id: { type: 'list', column: 'tracker_id', label: 'Tracker' },
  priority_id: { type: 'list', column: 'priority_id', label: 'Priority' },
  author_id: { type: 'list_optional', column: 'author_id', label: 'Author' },
  assigned_to_id: { type: 'list_optional', column: 'assigned_to_id', label: 'Assignee' },
  category_id: { type: 'list_optional', column: 'category_id', label: 'Category' },
  fixed_version_id: { type: 'list_optional', column: 'fixed_version_id', label: 'Target version' },
  watcher_id: { type: 'list', label: 'Watcher' },
  project_id: { type: 'list', column: 'project_id', label: 'Project' },
  subject: { type: 'text', column: 'subject', label: 'Subject' },
  description: { type: 'text', column: 'description', label: 'Description' },
  created_on: { type: 'datetime', column: 'created_on', label: 'Created' },
  updated_on: { type: 'datetime', column: 'updated_on', label: 'Updated' },
  closed_on: { type: 'datetime', column: 'closed_on', label: 'Closed' },
  start_date: { type: 'date', column: 'start_date', label: 'Start date' },
  due_date: { type: 'date', column: 'due_date', label: 'Due date' },
  issue_id: { type: 'integer', column: 'id', label: 'Issue' },
  done_ratio: { type: 'integer', column: 'done_ratio', label: '% Done' },
  parent_id: { type: 'tree', column: 'parent_id', label: 'Parent task' },
}

/** Operators per type, as Redmine 5.0's operators_by_filter_type (the subset implemented here). */
const OPERATORS: Record<FieldType, string[]> = {
  status: ['o', '=', '!', 'c', '*'],
  list: ['=', '!'],
  list_optional: ['=', '!', '!*', '*'],
  cf: ['=', '!', '!*', '*'],
  text: ['~', '!~', '^', '$', '!*', '*'],
  date: [
    '>=',
    '<=',
    '><',
    '>t-',
    '<t-',
    '><t-',
    't-',
    't',
    'ld',
    'w',
    'lw',
    'l2w',
    'm',
    'lm',
    'y',
    '!*',
    '*',
  ],
  datetime: [
    '>=',
    '<=',
    '><',
    '>t-',
    '<t-',
    '><t-',
    't-',
    't',
    'ld',
    'w',
    'lw',
    'l2w',
    'm',
    'lm',
    'y',
    '!*',
    '*',
  ],
  integer: ['=', '>=', '<=', '><', '!*', '*'],
  tree: ['=', '~', '!*', '*'],
}
const KNOWN_OPERATORS = new Set([...Object.values(OPERATORS).flat(), '='])

interface Filter {
  field: string
  op: string
  values: string[]
}

class FilterError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(', '))
  }
}

/** Redmine's add_short_filter: the longest matching operator prefix, else `=` with `a|b` values. */
function shortFilter(field: string, type: FieldType, expr: string): Filter {
  const ops = [...OPERATORS[type]].sort().reverse()
  for (const op of ops) {
    if (expr.startsWith(op)) {
      const rest = expr.slice(op.length)
      return { field, op, values: rest === '' ? [''] : rest.split('|') }
    }
  }
  return { field, op: '=', values: expr.split('|') }
}

function ints(values: string[], me: number | null): number[] {
  const out: number[] = []
  for (const v of values) {
    if (v === 'me') out.push(me ?? 0)
    else if (/^\d{1,15}$/.test(v)) out.push(Number(v))
    else out.push(-1)
  }
  return out
}

function inList(col: Cond, ids: number[]): Cond {
  return ids.length === 0 ? sql`0` : sql`${col} IN (${sql.join(ids)})`
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/

function parseDateValue(v: string, label: string): { date: string; time: string | null } {
  const s = v.trim()
  if (DATE_RE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))) return { date: s, time: null }
  if (DATETIME_RE.test(s)) {
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`
    const t = Date.parse(withZone)
    if (!Number.isNaN(t)) {
      const iso = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')
      return { date: iso.slice(0, 10), time: iso }
    }
  }
  throw new FilterError([`${label} is invalid`])
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

function daysAgo(n: number): string {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() - n)
  return d.toISOString().slice(0, 10)
}

/**
 * Redmine's relative date operators as [first day, last day] (either open), in UTC days.
 * Weeks start on Sunday (Redmine's default for English). `undefined` when `op` is not relative.
 */
function relativeRange(
  op: string,
  value: string | undefined,
): [string | null, string | null] | 'invalid' | undefined {
  const today = new Date(`${daysAgo(0)}T00:00:00Z`)
  const shift = (days: number, from = today): string => {
    const d = new Date(from)
    d.setUTCDate(d.getUTCDate() + days)
    return d.toISOString().slice(0, 10)
  }
  const weekday = today.getUTCDay()
  const n = Number(value)
  const needsN = op === '>t-' || op === '<t-' || op === '><t-' || op === 't-'
  if (needsN && (!/^\d+$/.test(value ?? '') || !Number.isInteger(n))) return 'invalid'
  switch (op) {
    case '>t-':
      return [shift(-n), null]
    case '<t-':
      return [null, shift(-n)]
    case '><t-':
      return [shift(-n), shift(0)]
    case 't-':
      return [shift(-n), shift(-n)]
    case 't':
      return [shift(0), shift(0)]
    case 'ld':
      return [shift(-1), shift(-1)]
    case 'w':
      return [shift(-weekday), shift(6 - weekday)]
    case 'lw':
      return [shift(-weekday - 7), shift(-weekday - 1)]
    case 'l2w':
      return [shift(-weekday - 14), shift(-weekday - 1)]
    case 'm': {
      const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1))
      const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0))
      return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)]
    }
    case 'lm': {
      const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1))
      const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0))
      return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)]
    }
    case 'y':
      return [`${today.getUTCFullYear()}-01-01`, `${today.getUTCFullYear()}-12-31`]
    default:
      return undefined
  }
}

/** Lower (inclusive) and upper (exclusive) bounds for a date-or-datetime value. */
function bounds(type: FieldType, v: { date: string; time: string | null }, upper: boolean): string {
  if (type === 'date') return upper ? nextDay(v.date) : v.date
  if (v.time) return upper ? v.time.replace(/Z$/, 'Z\u0001') : v.time
  return upper ? `${nextDay(v.date)}T00:00:00Z` : `${v.date}T00:00:00Z`
}

interface Ctx {
  lookups: Lookups
  user: UserRow | null
  projectIds: number[] | null
}

function condFor(f: Filter, ctx: Ctx): Cond | null {
  const isCf = /^cf_\d+$/.test(f.field)
  let type: FieldType
  let col: Cond | null = null
  let label: string
  if (isCf) {
    const cf = ctx.lookups.customFields.find((x) => `cf_${x.id}` === f.field)
    if (!cf || cf.is_filter !== 1) return null
    type = 'cf'
    label = cf.name
  } else {
    const def = FIELDS[f.field]
    if (!def) return null
    type = def.type
    label = def.label
    if (def.column) col = sql.ref(`i.${def.column}`)
  }
  if (!KNOWN_OPERATORS.has(f.op)) throw new NotFound()
  // category_id is only available inside a project (Redmine 5.0 ignores it otherwise).
  if (f.field === 'category_id' && ctx.projectIds === null) return null
  const me = ctx.user?.id ?? null
  const v = f.values
  if (f.op === '*' && type !== 'status') {
    if (type === 'cf')
      return sql`i.id IN (SELECT issue_id FROM custom_values WHERE custom_field_id = ${Number(f.field.slice(3))} AND value IS NOT NULL AND value <> '')`
    return col ? sql`${col} IS NOT NULL AND ${col} <> ''` : null
  }
  if (f.op === '!*') {
    if (type === 'cf')
      return sql`i.id NOT IN (SELECT issue_id FROM custom_values WHERE custom_field_id = ${Number(f.field.slice(3))} AND value IS NOT NULL AND value <> '')`
    return col ? sql`(${col} IS NULL OR ${col} = '')` : null
  }
  switch (type) {
    case 'status': {
      const open = ctx.lookups.statusList.filter((s) => s.is_closed === 0).map((s) => s.id)
      const closed = ctx.lookups.statusList.filter((s) => s.is_closed === 1).map((s) => s.id)
      if (f.op === 'o') return inList(sql.ref('i.status_id'), open)
      if (f.op === 'c') return inList(sql.ref('i.status_id'), closed)
      if (f.op === '*') return null
      if (f.op === '=') return inList(sql.ref('i.status_id'), ints(v, me))
      if (f.op === '!') return sql`NOT (${inList(sql.ref('i.status_id'), ints(v, me))})`
      return sql`0`
    }
    case 'list':
    case 'list_optional': {
      if (f.field === 'watcher_id') {
        const sub = sql`i.id IN (SELECT issue_id FROM watchers WHERE ${inList(sql.ref('user_id'), ints(v, me))})`
        if (f.op === '=') return sub
        if (f.op === '!') return sql`NOT (${sub})`
        return sql`0`
      }
      if (!col) return null
      if (f.op === '=') return inList(col, ints(v, me))
      if (f.op === '!') return sql`(${col} IS NULL OR NOT (${inList(col, ints(v, me))}))`
      return sql`0`
    }
    case 'cf': {
      const id = Number(f.field.slice(3))
      const strs = v.length > 0 ? v : ['']
      const sub = sql`i.id IN (SELECT issue_id FROM custom_values WHERE custom_field_id = ${id} AND value IN (${sql.join(strs)}))`
      if (f.op === '=') return sub
      if (f.op === '!') return sql`NOT (${sub})`
      return sql`0`
    }
    case 'text': {
      if (!col) return null
      const text = v[0] ?? ''
      const esc = text.replace(/[\\%_]/g, (m) => `\\${m}`)
      if (f.op === '~') return sql`${col} LIKE ${`%${esc}%`} ESCAPE '\\'`
      if (f.op === '!~') return sql`(${col} IS NULL OR ${col} NOT LIKE ${`%${esc}%`} ESCAPE '\\')`
      if (f.op === '^') return sql`${col} LIKE ${`${esc}%`} ESCAPE '\\'`
      if (f.op === '$') return sql`${col} LIKE ${`%${esc}`} ESCAPE '\\'`
      if (f.op === '=') return sql`${col} = ${text}`
      return sql`0`
    }
    case 'date':
    case 'datetime': {
      if (!col) return null
      const range = relativeRange(f.op, v[0])
      if (range === 'invalid') throw new FilterError([`${label} is invalid`])
      if (range) {
        const from = range[0] === null ? null : bounds(type, { date: range[0], time: null }, false)
        const to = range[1] === null ? null : bounds(type, { date: range[1], time: null }, true)
        if (from !== null && to !== null) return sql`${col} >= ${from} AND ${col} < ${to}`
        if (from !== null) return sql`${col} >= ${from}`
        if (to !== null) return sql`${col} < ${to}`
      }
      const parsed = v.filter((x) => x !== '').map((x) => parseDateValue(x, label))
      const [a, b] = parsed
      if (!a) throw new FilterError([`${label} is invalid`])
      if (f.op === '>=') return sql`${col} >= ${bounds(type, a, false)}`
      if (f.op === '<=') return sql`${col} < ${bounds(type, a, true)}`
      if (f.op === '=')
        return sql`${col} >= ${bounds(type, a, false)} AND ${col} < ${bounds(type, a, true)}`
      if (f.op === '><') {
        if (!b) throw new FilterError([`${label} is invalid`])
        return sql`${col} >= ${bounds(type, a, false)} AND ${col} < ${bounds(type, b, true)}`
      }
      return sql`0`
    }
    case 'integer':
    case 'tree': {
      if (!col) return null
      const raw = v.join(',')
      if (!/^\s*[+-]?\d+(\s*[,|]\s*[+-]?\d+)*\s*$/.test(raw))
        throw new FilterError([`${label} is invalid`])
      const nums = raw.split(/[,|]/).map((x) => Number(x.trim()))
      if (f.op === '=' || f.op === '~') return inList(col, nums)
      if (f.op === '>=') return sql`${col} >= ${nums[0]}`
      if (f.op === '<=') return sql`${col} <= ${nums[0]}`
      if (f.op === '><') return sql`${col} >= ${nums[0]} AND ${col} <= ${nums[1] ?? nums[0]}`
      return sql`0`
    }
  }
}

class NotFound extends Error {}

const SORT_KEYS: Record<string, string> = {
  id: 'i.id',
  project: '(SELECT name FROM projects WHERE id = i.project_id)',
  tracker: '(SELECT position FROM trackers WHERE id = i.tracker_id)',
  status: '(SELECT position FROM issue_statuses WHERE id = i.status_id)',
  priority: '(SELECT position FROM priorities WHERE id = i.priority_id)',
  subject: 'i.subject',
  author: "(SELECT firstname || ' ' || lastname FROM users WHERE id = i.author_id)",
  assigned_to: "(SELECT firstname || ' ' || lastname FROM users WHERE id = i.assigned_to_id)",
  category: '(SELECT name FROM issue_categories WHERE id = i.category_id)',
  fixed_version: '(SELECT name FROM versions WHERE id = i.fixed_version_id)',
  created_on: 'i.created_on',
  updated_on: 'i.updated_on',
  closed_on: 'i.closed_on',
  start_date: 'i.start_date',
  due_date: 'i.due_date',
  done_ratio: 'i.done_ratio',
  estimated_hours: 'i.estimated_hours',
  parent: 'i.parent_id',
}

function sortClause(param: string | null): Cond[] {
  const order: Cond[] = []
  for (const part of (param ?? '').split(',')) {
    const [key, dir] = part.trim().split(':')
    if (!key) continue
    const desc = dir?.toLowerCase() === 'desc'
    const expr = SORT_KEYS[key]
    if (expr) order.push(sql.raw(`${expr} ${desc ? 'DESC' : 'ASC'}`))
    else if (/^cf_\d+$/.test(key))
      order.push(
        sql.raw(
          `(SELECT value FROM custom_values WHERE issue_id = i.id AND custom_field_id = ${Number(key.slice(3))}) ${desc ? 'DESC' : 'ASC'}`,
        ),
      )
  }
  order.push(sql.raw('i.id DESC'))
  return order
}

function pageParams(params: Params): { offset: number; limit: number } {
  const rawLimit = params.get('limit') ?? params.get('per_page')
  let limit = rawLimit !== null && /^-?\d+$/.test(rawLimit.trim()) ? Number(rawLimit) : 25
  if (limit < 1) limit = 25
  if (limit > 100) limit = 100
  const rawOffset = params.get('offset')
  let offset = rawOffset !== null && /^\d+$/.test(rawOffset.trim()) ? Number(rawOffset) : NaN
  if (Number.isNaN(offset)) {
    const page = Number(params.get('page') ?? '1')
    offset = Number.isInteger(page) && page > 1 ? (page - 1) * limit : 0
  }
  return { offset, limit }
}

function collectFilters(params: Params): Filter[] {
  const fields = [...params.getAll('f[]'), ...params.getAll('fields[]')].filter((f) => f !== '')
  if (fields.length > 0 || params.has('f[]') || params.has('fields[]')) {
    return fields.map((field) => ({
      field,
      op: params.get(`op[${field}]`) ?? params.get(`operators[${field}]`) ?? '=',
      values: [...params.getAll(`v[${field}][]`), ...params.getAll(`values[${field}][]`)],
    }))
  }
  const out: Filter[] = []
  let hasStatus = false
  for (const [key, value] of params) {
    if (key === 'project_id') continue
    const isCf = /^cf_\d+$/.test(key)
    const def = FIELDS[key]
    if (!def && !isCf) continue
    if (key === 'status_id') hasStatus = true
    out.push(shortFilter(key, def?.type ?? 'cf', value))
  }
  if (!hasStatus) out.push({ field: 'status_id', op: 'o', values: [''] })
  return out
}

export function parseIssueQuery(
  params: Params,
  lookups: Lookups,
  user: UserRow | null,
): ParsedQuery {
  const where: Cond[] = []
  let projectIds: number[] | null = null
  const projectParam = params.get('project_id')
  if (projectParam !== null && projectParam !== '' && !params.has('f[]')) {
    const project = findProject(lookups, projectParam)
    if (!project) return { ok: false, status: 404 }
    if (!projectVisible(lookups, user, project)) return { ok: false, status: user ? 403 : 401 }
    projectIds = withSubprojects(lookups, project.id)
    where.push(inList(sql.ref('i.project_id'), projectIds))
  }
  const vis = issueVisibility(lookups, user)
  const everyProject = vis.all.length === lookups.projectList.length
  if (!everyProject) {
    // One indexable conjunct (the visible projects), then a residual test for private issues
    // where only non-private or the user's own issues are visible. An OR of per-project
    // branches would turn every count into a full table scan.
    where.push(inList(sql.ref('i.project_id'), [...vis.all, ...vis.own]))
    if (vis.own.length > 0) {
      const own = user
        ? sql`i.is_private = 0 OR i.author_id = ${user.id} OR i.assigned_to_id = ${user.id}`
        : sql`i.is_private = 0`
      where.push(
        vis.all.length > 0
          ? sql`(${inList(sql.ref('i.project_id'), vis.all)} OR ${own})`
          : sql`(${own})`,
      )
    }
  }
  try {
    for (const f of collectFilters(params)) {
      const c = condFor(f, { lookups, user, projectIds })
      if (c) where.push(c)
    }
  } catch (e) {
    if (e instanceof NotFound) return { ok: false, status: 404 }
    if (e instanceof FilterError) return { ok: false, status: 422, errors: e.messages }
    throw e
  }
  const { offset, limit } = pageParams(params)
  return { ok: true, where, order: sortClause(params.get('sort')), offset, limit, projectIds }
}
