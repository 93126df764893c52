/** IssueQuery (domain) -> the query string of Redmine's GET /issues.json. */
import type {
  DateRange,
  IssueFilterName,
  IssueFilters,
  IssueQuery,
  IssueSortField,
} from '../tracker'

export const MAX_PAGE_SIZE = 100

const SORT_KEYS: Record<IssueSortField, string> = {
  id: 'id',
  project: 'project',
  tracker: 'tracker',
  status: 'status',
  priority: 'priority',
  subject: 'subject',
  assignee: 'assigned_to',
  author: 'author',
  category: 'category',
  version: 'fixed_version',
  startDate: 'start_date',
  dueDate: 'due_date',
  doneRatio: 'done_ratio',
  estimatedHours: 'estimated_hours',
  spentHours: 'spent_hours',
  createdOn: 'created_on',
  updatedOn: 'updated_on',
}

/** The filters of IssueFilters this adapter sends (each checked against Redmine 5.0.4). */
export const SERVER_FILTERS: readonly IssueFilterName[] = [
  'statusIds',
  'trackerIds',
  'priorityIds',
  'assignee',
  'authorIds',
  'categoryIds',
  'versionIds',
  'customFields',
  'subjectContains',
  'createdOn',
  'updatedOn',
  'dueDate',
  'hasAttachments',
]

const anyOf = (ids: readonly (number | string)[] | undefined) =>
  ids && ids.length > 0 ? ids.join('|') : null

/** `><from|to`, `>=from` or `<=to` (Redmine's date operators); null for an open range. */
function dateRange(r: DateRange | undefined): string | null {
  if (r?.from && r.to) return `><${r.from}|${r.to}`
  if (r?.from) return `>=${r.from}`
  if (r?.to) return `<=${r.to}`
  return null
}

function setFilters(p: URLSearchParams, f: IssueFilters, project: string | undefined): void {
  const set = (key: string, v: string | null) => {
    if (v !== null) p.set(key, v)
  }
  // Specific statuses replace the open/closed/all scope (they are a subset of it).
  set('status_id', anyOf(f.statusIds))
  set('tracker_id', anyOf(f.trackerIds))
  set('priority_id', anyOf(f.priorityIds))
  set('assigned_to_id', f.assignee === 'none' ? '!*' : anyOf(f.assignee))
  set('author_id', anyOf(f.authorIds))
  // Redmine ignores category_id outside a project (and then returns everything).
  if (project) set('category_id', anyOf(f.categoryIds))
  set('fixed_version_id', anyOf(f.versionIds))
  for (const [id, values] of Object.entries(f.customFields ?? {})) set(`cf_${id}`, anyOf(values))
  const text = f.subjectContains?.trim()
  if (text) p.set('subject', `~${text}`)
  set('created_on', dateRange(f.createdOn))
  set('updated_on', dateRange(f.updatedOn))
  set('due_date', dateRange(f.dueDate))
  if (f.hasAttachments) p.set('attachment', '*')
}

export function issueListParams(q: IssueQuery): URLSearchParams {
  const p = new URLSearchParams()
  if (q.project) {
    p.set('project_id', q.project)
    if (q.includeSubprojects === false) p.set('subproject_id', '!*')
  }
  const status = q.status
  p.set('status_id', Array.isArray(status) ? status.join('|') : status === 'all' ? '*' : status)
  if (q.updatedSince) p.set('updated_on', `>=${toRedmineTimestamp(q.updatedSince)}`)
  if (q.filters) setFilters(p, q.filters, q.project)
  if (q.ids && q.ids.length > 0) p.set('issue_id', q.ids.join(','))
  if (q.sort && q.sort.length > 0)
    p.set('sort', q.sort.map((s) => `${SORT_KEYS[s.field]}${s.desc ? ':desc' : ''}`).join(','))
  if (q.includeAttachments) p.set('include', 'attachments')
  p.set('offset', String(Math.max(0, q.offset)))
  p.set('limit', String(Math.min(MAX_PAGE_SIZE, Math.max(1, q.limit))))
  return p
}

/** Redmine accepts `YYYY-MM-DDTHH:MM:SSZ` (no milliseconds) in date-time filters. */
export function toRedmineTimestamp(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
