/** Choices for the filter controls, and chip labels, named from metadata and the loaded issues. */
import type { IssueSearch } from '../../domain/issue-search'
import type { Issue, Ref } from '../../trackers/tracker'

export type ListField =
  'statusIds' | 'tracker' | 'priority' | 'assignee' | 'author' | 'category' | 'version'

export interface Choice {
  value: number | 'me' | 'none'
  label: string
}

export const FIELD_LABELS: Record<ListField, string> = {
  statusIds: 'Status',
  tracker: 'Tracker',
  priority: 'Priority',
  assignee: 'Assignee',
  author: 'Author',
  category: 'Category',
  version: 'Version',
}

function distinct(issues: readonly Issue[], pick: (i: Issue) => Ref | null): Choice[] {
  const seen = new Map<number, string>()
  for (const i of issues) {
    const r = pick(i)
    if (r && !seen.has(r.id)) seen.set(r.id, r.name)
  }
  return [...seen]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label))
}

export function choicesFor(
  field: ListField,
  issues: readonly Issue[],
  meta: { statuses: Ref[]; types: Ref[]; priorities: Ref[] },
): Choice[] {
  const fromMeta = (list: Ref[]) => list.map((r) => ({ value: r.id, label: r.name }))
  switch (field) {
    case 'statusIds':
      return fromMeta(meta.statuses)
    case 'tracker':
      return fromMeta(meta.types)
    case 'priority':
      return fromMeta(meta.priorities)
    case 'assignee':
      return [
        { value: 'me', label: 'Me' },
        { value: 'none', label: 'Nobody' },
        ...distinct(issues, (i) => i.assignee),
      ]
    case 'author':
      return distinct(issues, (i) => i.author)
    case 'category':
      return distinct(issues, (i) => i.category)
    case 'version':
      return distinct(issues, (i) => i.version)
  }
}

export function chipLabel(choices: Choice[], value: Choice['value']): string {
  return choices.find((c) => c.value === value)?.label ?? `#${value}`
}

export function withValue(
  s: IssueSearch,
  field: ListField,
  value: Choice['value'],
): Partial<IssueSearch> {
  const current = s[field] as Choice['value'][]
  if (current.includes(value)) return {}
  return { [field]: [...current, value] } as Partial<IssueSearch>
}

export function withoutValue(
  s: IssueSearch,
  field: ListField,
  value: Choice['value'],
): Partial<IssueSearch> {
  return {
    [field]: (s[field] as Choice['value'][]).filter((v) => v !== value),
  } as Partial<IssueSearch>
}
