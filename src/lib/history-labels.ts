/**
 * Human wording for one history detail: Redmine records ids (`status_id: 1 → 2`); people read
 * names (`Status: New → In Progress`). Unknown ids stay visible as `#id` rather than vanish.
 */
import type { HistoryDetail, Ref } from '../domain/model'

export interface HistoryLookups {
  statuses?: Ref[]
  priorities?: Ref[]
  types?: Ref[]
  users?: Ref[]
  categories?: Ref[]
  versions?: Ref[]
  customFields?: Ref[]
}

export interface DetailLine {
  label: string
  from: string | null
  to: string | null
}

const ATTRS: Record<string, [string, keyof HistoryLookups | null]> = {
  status_id: ['Status', 'statuses'],
  priority_id: ['Priority', 'priorities'],
  tracker_id: ['Tracker', 'types'],
  assigned_to_id: ['Assignee', 'users'],
  category_id: ['Category', 'categories'],
  fixed_version_id: ['Target version', 'versions'],
  subject: ['Subject', null],
  description: ['Description', null],
  done_ratio: ['% Done', null],
  start_date: ['Start date', null],
  due_date: ['Due date', null],
  estimated_hours: ['Estimated time', null],
  parent_id: ['Parent task', null],
  is_private: ['Private', null],
  project_id: ['Project', null],
}

function nameOf(list: Ref[] | undefined, value: string | null): string | null {
  if (value === null || value === '') return null
  const found = list?.find((r) => String(r.id) === value)
  return found ? found.name : `#${value}`
}

export function describeDetail(d: HistoryDetail, lookups: HistoryLookups): DetailLine {
  if (d.property === 'attr') {
    const [label, list] = ATTRS[d.name] ?? [d.name, null]
    // A description change is a whole text: say it changed rather than print both versions.
    if (d.name === 'description') return { label, from: null, to: 'updated' }
    if (d.name === 'parent_id')
      return { label, from: d.oldValue && `#${d.oldValue}`, to: d.newValue && `#${d.newValue}` }
    if (!list) return { label, from: d.oldValue, to: d.newValue }
    return { label, from: nameOf(lookups[list], d.oldValue), to: nameOf(lookups[list], d.newValue) }
  }
  if (d.property === 'cf') {
    const field = lookups.customFields?.find((f) => String(f.id) === d.name)
    return { label: field?.name ?? `Custom field ${d.name}`, from: d.oldValue, to: d.newValue }
  }
  if (d.property === 'attachment') return { label: 'File', from: d.oldValue, to: d.newValue }
  if (d.property === 'relation')
    return {
      label: `Relation (${d.name.replace(/_/g, ' ')})`,
      from: d.oldValue && `#${d.oldValue}`,
      to: d.newValue && `#${d.newValue}`,
    }
  return { label: d.name, from: d.oldValue, to: d.newValue }
}
