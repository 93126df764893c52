/** Small pure helpers for how a card looks. */
import type { Issue, Priority } from '../../trackers/tracker'

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const first = parts[0]?.[0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}

const SCALE = ['#94a3b8', '#0ea5e9', '#f59e0b', '#f97316', '#dc2626']

/**
 * Each priority's colour: its own, else one from a low-to-high scale by its position. Worked out
 * once per list of priorities (a board colours thousands of cards with a handful of them).
 */
export function priorityColors(priorities: Priority[]): (issue: Issue) => string {
  const positions = priorities.map((x) => x.position)
  const max = Math.max(...positions)
  const min = Math.min(...positions)
  const colors = new Map(
    priorities.map((p) => {
      if (p.color) return [p.id, p.color] as const
      if (priorities.length < 2) return [p.id, SCALE[1]!] as const
      const t = (p.position - min) / Math.max(1, max - min)
      return [p.id, SCALE[Math.round(t * (SCALE.length - 1))]!] as const
    }),
  )
  return (issue) => colors.get(issue.priority.id) ?? SCALE[1]!
}

export function isOverdue(issue: Issue, today: string): boolean {
  return issue.dueDate !== null && !issue.status.isClosed && issue.dueDate < today
}
