/**
 * Swimlanes: the board's rows. A lane groups issues by one field; moving a card into another lane
 * changes that field (see apply-move.ts).
 */
import type { Issue, Priority, Ref } from './model'

export const SWIMLANE_FIELDS = [
  'none',
  'assignee',
  'tracker',
  'priority',
  'version',
  'category',
  'parent',
] as const
export type SwimlaneField = (typeof SWIMLANE_FIELDS)[number]

/** A lane's value: the field's Ref, or null for "none" (no assignee, no version, ...). */
export interface LaneKey {
  key: string
  label: string
  value: Ref | null
}

const NONE_LABEL: Record<SwimlaneField, string> = {
  none: 'All issues',
  assignee: 'Unassigned',
  tracker: 'No tracker',
  priority: 'No priority',
  version: 'No version',
  category: 'No category',
  parent: 'No parent',
}

/** The value of the lane field on an issue. Parent refs are named `#id`. */
export function laneValue(issue: Issue, field: SwimlaneField): Ref | null {
  switch (field) {
    case 'none':
      return null
    case 'assignee':
      return issue.assignee
    case 'tracker':
      return issue.tracker
    case 'priority':
      return issue.priority
    case 'version':
      return issue.version
    case 'category':
      return issue.category
    case 'parent':
      return issue.parent ? { id: issue.parent.id, name: `#${issue.parent.id}` } : null
  }
}

export function laneKeyOf(field: SwimlaneField, value: Ref | null): LaneKey {
  if (field === 'none') return { key: 'all', label: NONE_LABEL.none, value: null }
  if (!value) return { key: 'none', label: NONE_LABEL[field], value: null }
  return { key: String(value.id), label: value.name, value }
}

/**
 * Lanes in display order: named values alphabetically (priorities by their position, highest first;
 * parents by id), the "none" lane last.
 */
export function orderLanes(
  lanes: LaneKey[],
  field: SwimlaneField,
  priorities: Priority[] = [],
): LaneKey[] {
  const pos = new Map(priorities.map((p) => [p.id, p.position]))
  const rank = (l: LaneKey) => (l.value ? (pos.get(l.value.id) ?? l.value.id) : 0)
  return [...lanes].sort((a, b) => {
    if (!a.value || !b.value) return a.value ? -1 : b.value ? 1 : 0
    if (field === 'priority') return rank(b) - rank(a)
    if (field === 'parent') return a.value.id - b.value.id
    return a.label.localeCompare(b.label) || a.value.id - b.value.id
  })
}
