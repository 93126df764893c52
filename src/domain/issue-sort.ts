/** Sorting and grouping the loaded issues. Statuses and priorities sort by their tracker order. */
import type { Issue, Ref } from './model'
import type { GroupField, SortKey } from './issue-search'

export interface OrderContext {
  statusPosition: ReadonlyMap<number, number>
  priorityPosition: ReadonlyMap<number, number>
}

type Value = string | number | null

function sortValue(i: Issue, field: SortKey['field'], ctx: OrderContext): Value {
  switch (field) {
    case 'id':
      return i.id
    case 'project':
      return i.project.name.toLowerCase()
    case 'tracker':
      return i.tracker.name.toLowerCase()
    case 'status':
      return ctx.statusPosition.get(i.status.id) ?? i.status.id
    case 'priority':
      return ctx.priorityPosition.get(i.priority.id) ?? i.priority.id
    case 'subject':
      return i.subject.toLowerCase()
    case 'assignee':
      return i.assignee?.name.toLowerCase() ?? null
    case 'author':
      return i.author.name.toLowerCase()
    case 'category':
      return i.category?.name.toLowerCase() ?? null
    case 'version':
      return i.version?.name.toLowerCase() ?? null
    case 'startDate':
      return i.startDate
    case 'dueDate':
      return i.dueDate
    case 'doneRatio':
      return i.doneRatio
    case 'estimatedHours':
      return i.estimatedHours
    case 'spentHours':
      return i.spentHours
    case 'createdOn':
      return i.createdOn
    case 'updatedOn':
      return i.updatedOn
  }
}

function compare(a: Value, b: Value): number {
  // Empty values go last whatever the direction, as in Redmine.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  return a < b ? -1 : a > b ? 1 : 0
}

/** A stable multi-key sort; ties fall back to id descending. */
export function sortIssues(issues: readonly Issue[], keys: SortKey[], ctx: OrderContext): Issue[] {
  const decorated = issues.map((i) => ({ i, v: keys.map((k) => sortValue(i, k.field, ctx)) }))
  decorated.sort((x, y) => {
    for (let n = 0; n < keys.length; n++) {
      const a = x.v[n]!
      const b = y.v[n]!
      const c = compare(a, b)
      if (c === 0) continue
      // Empty values stay last in both directions.
      return a === null || b === null || !keys[n]!.desc ? c : -c
    }
    return y.i.id - x.i.id
  })
  return decorated.map((d) => d.i)
}

export interface IssueGroup {
  key: string
  label: string
  issues: Issue[]
  estimatedHours: number
  spentHours: number
}

function groupRef(i: Issue, field: GroupField): Ref | null {
  switch (field) {
    case 'status':
      return i.status
    case 'tracker':
      return i.tracker
    case 'priority':
      return i.priority
    case 'assignee':
      return i.assignee
    case 'author':
      return i.author
    case 'version':
      return i.version
    case 'category':
      return i.category
  }
}

const NONE: Record<GroupField, string> = {
  status: '(no status)',
  tracker: '(no tracker)',
  priority: '(no priority)',
  assignee: 'Unassigned',
  author: '(no author)',
  version: 'No version',
  category: 'No category',
}

/** Groups already-sorted issues, keeping their order inside each group; groups in first-seen order
 * except statuses and priorities, which follow the tracker's order. */
export function groupIssues(
  issues: readonly Issue[],
  field: GroupField,
  ctx: OrderContext,
): IssueGroup[] {
  const groups = new Map<string, IssueGroup>()
  for (const i of issues) {
    const ref = groupRef(i, field)
    const key = ref ? String(ref.id) : 'none'
    let g = groups.get(key)
    if (!g) {
      g = { key, label: ref?.name ?? NONE[field], issues: [], estimatedHours: 0, spentHours: 0 }
      groups.set(key, g)
    }
    g.issues.push(i)
    g.estimatedHours += i.estimatedHours ?? 0
    g.spentHours += i.spentHours ?? 0
  }
  const list = [...groups.values()]
  const pos =
    field === 'status' ? ctx.statusPosition : field === 'priority' ? ctx.priorityPosition : null
  if (pos) list.sort((a, b) => (pos.get(Number(a.key)) ?? 99) - (pos.get(Number(b.key)) ?? 99))
  else
    list.sort((a, b) =>
      a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.label.localeCompare(b.label),
    )
  return list
}
