/**
 * What each card shows besides its issue (link target, priority colour, today for overdue marks,
 * subtask count), for every issue on the board.
 */
import type { ConnectionId, Issue, Priority } from '../../trackers/tracker'
import { priorityColors } from './card-style'
import type { CardInfo } from './components/issue-card'

const today = () => new Date().toISOString().slice(0, 10)

export function cardInfoMap(
  issues: readonly Issue[],
  priorities: Priority[],
  conn: ConnectionId,
): Map<number, CardInfo> {
  const subtasks = new Map<number, number>()
  for (const i of issues)
    if (i.parent) subtasks.set(i.parent.id, (subtasks.get(i.parent.id) ?? 0) + 1)
  const day = today()
  const color = priorityColors(priorities)
  return new Map(
    issues.map((i) => [
      i.id,
      { conn, color: color(i), today: day, subtasks: subtasks.get(i.id) ?? 0 },
    ]),
  )
}

/**
 * A `cardInfoMap` that returns the map it made last when nothing in it changed. A move changes
 * an issue's status and none of this: the cells it left alone keep the same `cardInfo` and skip
 * their re-render. Safe from a render that may be thrown away (it compares content).
 */
export function cardInfoKeeper(): typeof cardInfoMap {
  let last: Map<number, CardInfo> | null = null
  return (issues, priorities, conn) => {
    const next = cardInfoMap(issues, priorities, conn)
    if (last && sameInfos(last, next)) return last
    last = next
    return next
  }
}

function sameInfos(a: Map<number, CardInfo>, b: Map<number, CardInfo>): boolean {
  if (a.size !== b.size) return false
  for (const [id, x] of b) {
    const y = a.get(id)
    if (!y || y.conn !== x.conn || y.color !== x.color || y.today !== x.today) return false
    if (y.subtasks !== x.subtasks) return false
  }
  return true
}
