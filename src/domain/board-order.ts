/** Order of cards within a column. */
import type { Issue, Priority } from './model'

export const CARD_ORDERS = ['priority', 'updated', 'due', 'id'] as const
export type CardOrder = (typeof CARD_ORDERS)[number]

/**
 * A comparator for one order; ties fall back to id ascending so the order is total and stable.
 * priority: highest first (by position where priorities are known, else by id); updated: most
 * recent first; due: earliest first, no due date last; id: ascending.
 */
export function cardComparator(
  order: CardOrder,
  priorities: Priority[] = [],
): (a: Issue, b: Issue) => number {
  const pos = new Map(priorities.map((p) => [p.id, p.position]))
  const rank = (i: Issue) => pos.get(i.priority.id) ?? i.priority.id
  const byId = (a: Issue, b: Issue) => a.id - b.id
  switch (order) {
    case 'priority':
      return (a, b) => rank(b) - rank(a) || byId(a, b)
    case 'updated':
      return (a, b) => (a.updatedOn < b.updatedOn ? 1 : a.updatedOn > b.updatedOn ? -1 : byId(a, b))
    case 'due':
      return (a, b) => {
        if (a.dueDate === b.dueDate) return byId(a, b)
        if (a.dueDate === null) return 1
        if (b.dueDate === null) return -1
        return a.dueDate < b.dueDate ? -1 : 1
      }
    case 'id':
      return byId
  }
}
