/** Whether a drop is allowed, and the sentence that says so. Pure, shared by drop and announcer. */
import { planMove, type Move } from '../../domain/apply-move'
import type { BoardColumn } from '../../domain/board-columns'
import type { SwimlaneField } from '../../domain/board-lanes'
import { wipBlocksDrop } from '../../domain/board-wip'
import type { Issue, Ref } from '../../trackers/tracker'

export type DropDecision =
  | { kind: 'none'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'move'; move: Move; message: string }

export interface DropContext {
  issue: Issue
  column: BoardColumn
  lane: { key: string; label: string; value: Ref | null }
  originLaneKey: string
  swimlane: SwimlaneField
  /** Status ids the workflow allows; null when unknown or the tracker cannot say. */
  allowed: ReadonlySet<number> | null
  wipBlocking: boolean
  readOnly: boolean
}

export function decideDrop(c: DropContext): DropDecision {
  const ref = `#${c.issue.id}`
  const status = c.column.status
  const crossesLane = c.swimlane !== 'none' && c.lane.key !== c.originLaneKey
  const move = planMove(c.issue, {
    status: { id: status.id, name: status.name, isClosed: status.isClosed },
    lane: crossesLane ? { field: c.swimlane, value: c.lane.value } : undefined,
  })
  if (!move) return { kind: 'none', message: `${ref} stays in ${status.name}.` }
  if (c.readOnly)
    return { kind: 'refused', message: `${ref} was not moved: this tracker is read-only.` }
  const sameColumn = status.id === c.issue.status.id
  if (!sameColumn && c.allowed && !c.allowed.has(status.id))
    return {
      kind: 'refused',
      message: `${ref} cannot move from ${c.issue.status.name} to ${status.name}: the workflow does not allow it for you.`,
    }
  if (wipBlocksDrop(c.column.wip, { blocking: c.wipBlocking, sameColumn }))
    return {
      kind: 'refused',
      message: `${ref} was not moved: ${status.name} is at its WIP limit of ${c.column.wip.limit}.`,
    }
  const where = crossesLane ? `${status.name}, ${c.lane.label}` : status.name
  return { kind: 'move', move, message: `Moved ${ref} to ${where}.` }
}
