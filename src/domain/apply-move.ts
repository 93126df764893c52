/**
 * The ONE move function. A move changes a card's status and, across swimlanes, the lane's field.
 * The same `applyMove` writes the optimistic state, and applied with the move reversed it rolls a
 * failed move back, touching only that card so concurrent moves of other cards survive.
 */
import type { SwimlaneField } from './board-lanes'
import type { IssuePatch } from '../trackers/tracker'
import type { Issue, IssueId, Ref } from './model'

export type MovableFields = Partial<
  Pick<Issue, 'status' | 'assignee' | 'tracker' | 'priority' | 'version' | 'category' | 'parent'>
>

export interface Move {
  issueId: IssueId
  /** The card's fields before the move (the snapshot a rollback restores). */
  from: MovableFields
  to: MovableFields
}

export interface MoveTarget {
  status: Issue['status']
  /** Set when the card is dropped into another swimlane. */
  lane?: { field: SwimlaneField; value: Ref | null }
}

function laneChange(field: SwimlaneField, value: Ref | null): MovableFields {
  switch (field) {
    case 'none':
      return {}
    case 'assignee':
      return { assignee: value }
    case 'version':
      return { version: value }
    case 'category':
      return { category: value }
    case 'parent':
      return { parent: value ? { id: value.id } : null }
    case 'tracker':
      return value ? { tracker: value } : {}
    case 'priority':
      return value ? { priority: value } : {}
  }
}

function pick(issue: Issue, keys: (keyof MovableFields)[]): MovableFields {
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = issue[k]
  return out as MovableFields
}

/** Plans a move of `issue` to a target; null when nothing would change. */
export function planMove(issue: Issue, target: MoveTarget): Move | null {
  const to: MovableFields = {}
  if (target.status.id !== issue.status.id) to.status = target.status
  if (target.lane) {
    const change = laneChange(target.lane.field, target.lane.value)
    for (const [k, v] of Object.entries(change) as [keyof MovableFields, unknown][]) {
      const cur = issue[k] as { id: number } | null
      const next = v as { id: number } | null
      if ((cur?.id ?? null) !== (next?.id ?? null)) Object.assign(to, { [k]: v })
    }
  }
  const keys = Object.keys(to) as (keyof MovableFields)[]
  if (keys.length === 0) return null
  return { issueId: issue.id, from: pick(issue, keys), to }
}

/** The same move, backwards: what a rollback applies. */
export function reverseMove(move: Move): Move {
  return { issueId: move.issueId, from: move.to, to: move.from }
}

/** Applies a move to a list of issues; returns the same array when the card is not in it. */
export function applyMove<T extends Issue>(issues: readonly T[], move: Move): T[] {
  const i = issues.findIndex((x) => x.id === move.issueId)
  if (i < 0) return issues as T[]
  const next = issues.slice()
  next[i] = { ...issues[i]!, ...move.to }
  return next
}

/** What is sent to the tracker for a move. */
export function movePatch(move: Move): IssuePatch {
  const t = move.to
  const p: IssuePatch = {}
  if (t.status) p.statusId = t.status.id
  if ('assignee' in t) p.assigneeId = t.assignee?.id ?? null
  if ('version' in t) p.versionId = t.version?.id ?? null
  if ('category' in t) p.categoryId = t.category?.id ?? null
  if ('parent' in t) p.parentId = t.parent?.id ?? null
  if (t.tracker) p.trackerId = t.tracker.id
  if (t.priority) p.priorityId = t.priority.id
  return p
}

/**
 * Names of the fields the tracker did NOT apply, read from the issue as it is after the write.
 * Redmine answers 204 to a status change its workflow forbids and keeps the old status.
 */
export function unappliedFields(after: Issue, move: Move): (keyof MovableFields)[] {
  const out: (keyof MovableFields)[] = []
  for (const [k, v] of Object.entries(move.to) as [keyof MovableFields, unknown][]) {
    const want = (v as { id: number } | null)?.id ?? null
    const got = (after[k] as { id: number } | null)?.id ?? null
    if (want !== got) out.push(k)
  }
  return out
}

/**
 * One move that undoes a chain of moves of the same card (oldest first): every field any of them
 * touched goes back to its value before the first move that touched it.
 */
export function rollbackOf(chain: readonly Move[]): Move {
  const first = chain[0]
  if (!first) throw new Error('rollbackOf: empty chain')
  const to: MovableFields = {}
  const from: MovableFields = {}
  for (const m of chain) {
    for (const k of Object.keys(m.to) as (keyof MovableFields)[]) {
      if (!(k in to)) Object.assign(to, { [k]: m.from[k] })
      Object.assign(from, { [k]: m.to[k] })
    }
  }
  return { issueId: first.issueId, from, to }
}
