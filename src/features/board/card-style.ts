/** Small pure helpers for how a card looks. */
import type { Issue, Priority } from '../../trackers/tracker'

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const first = parts[0]?.[0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}

const SCALE = ['#94a3b8', '#0ea5e9', '#f59e0b', '#f97316', '#dc2626']

/** The priority's own colour, else one from a low-to-high scale by its position. */
export function priorityColor(issue: Issue, priorities: Priority[]): string {
  const p = priorities.find((x) => x.id === issue.priority.id)
  if (p?.color) return p.color
  if (!p || priorities.length < 2) return SCALE[1]!
  const max = Math.max(...priorities.map((x) => x.position))
  const min = Math.min(...priorities.map((x) => x.position))
  const t = (p.position - min) / Math.max(1, max - min)
  return SCALE[Math.round(t * (SCALE.length - 1))]!
}

export function isOverdue(issue: Issue, today: string): boolean {
  return issue.dueDate !== null && !issue.status.isClosed && issue.dueDate < today
}
