/** IssueQuery (domain) -> the query string of Redmine's GET /issues.json. */
import type { IssueQuery, IssueSortField } from '../tracker'

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

export function issueListParams(q: IssueQuery): URLSearchParams {
  const p = new URLSearchParams()
  if (q.project) {
    p.set('project_id', q.project)
    if (q.includeSubprojects === false) p.set('subproject_id', '!*')
  }
  const status = q.status
  p.set('status_id', Array.isArray(status) ? status.join('|') : status === 'all' ? '*' : status)
  if (q.updatedSince) p.set('updated_on', `>=${toRedmineTimestamp(q.updatedSince)}`)
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
