/** What the store loads from the tracker: a project (with subprojects) or all, and a status scope. */
import type { Issue, IssueStatusScope } from '../trackers/tracker'

export interface Scope {
  /** Project identifier; absent means all projects the user can see. */
  project?: string
  status: IssueStatusScope
}

export function scopeKey(s: Scope): string {
  return `${s.project ?? '*'}:${s.status}`
}

export function inScope(s: Scope): (i: Issue) => boolean {
  if (s.status === 'open') return (i) => !i.status.isClosed
  if (s.status === 'closed') return (i) => i.status.isClosed
  return () => true
}
