/**
 * The view in the URL: filters, sort, grouping, columns and mode, shared by the issue table and
 * the board. Every field falls back to its default on bad input (`.catch`), so a malformed link
 * opens the default view instead of an error page.
 */
import { z } from 'zod'
import type { IssueSortField } from '../trackers/tracker'

export const SORT_FIELDS = [
  'id',
  'project',
  'tracker',
  'status',
  'priority',
  'subject',
  'assignee',
  'author',
  'category',
  'version',
  'startDate',
  'dueDate',
  'doneRatio',
  'estimatedHours',
  'spentHours',
  'createdOn',
  'updatedOn',
] as const satisfies readonly IssueSortField[]

export const GROUP_FIELDS = [
  'status',
  'tracker',
  'priority',
  'assignee',
  'author',
  'version',
  'category',
] as const
export type GroupField = (typeof GROUP_FIELDS)[number]

/** Optional in links, its default when missing, and its default again when malformed. */
export function fallback<T extends z.ZodType>(schema: T, value: z.output<T>) {
  return schema.default(value as never).catch(value as never)
}

const ids = fallback(z.array(z.coerce.number().int().positive()), [])
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined)

/** `priority.desc` style sort keys, most significant first. */
const sortKey = z.string().regex(new RegExp(`^(${SORT_FIELDS.join('|')})(\\.desc)?$`))

export const issueSearchObject = z.object({
  /** Which issues to load: the server-side scope. */
  status: fallback(z.enum(['open', 'closed', 'all']), 'open'),
  /** Specific statuses within the loaded scope. */
  statusIds: ids,
  tracker: ids,
  priority: ids,
  /** User ids, plus `me` and `none`. */
  assignee: fallback(
    z.array(z.union([z.literal('me'), z.literal('none'), z.coerce.number().int().positive()])),
    [],
  ),
  author: ids,
  category: ids,
  version: ids,
  /**
   * Custom field values: `{ "1": ["major", "critical"], "2": ["~staging"] }`. A plain value is
   * "is" (any of them), `~text` is "contains" (see parseCfValue in issue-filter.ts).
   */
  cf: fallback(z.record(z.string().regex(/^\d+$/), z.array(z.string())), {}),
  q: fallback(z.string().max(200), ''),
  createdFrom: isoDate,
  createdTo: isoDate,
  updatedFrom: isoDate,
  updatedTo: isoDate,
  dueFrom: isoDate,
  dueTo: isoDate,
  attachments: z.boolean().optional().catch(undefined),
  sort: fallback(z.array(sortKey).max(4), ['id.desc']),
  group: z.enum(GROUP_FIELDS).optional().catch(undefined),
  mode: fallback(z.enum(['table', 'board']), 'table'),
  /** Visible table columns in order (`status`, `cf3`, ...); empty means the default set. */
  columns: fallback(z.array(z.string().regex(/^([a-z]+|cf\d+)$/)).max(40), []),
  /** Column widths in px, by column id (resized by dragging a header's edge). */
  widths: fallback(
    z.record(z.string().regex(/^([a-z]+|cf\d+)$/), z.coerce.number().int().min(40).max(1200)),
    {},
  ),
})

export const issueSearchSchema = issueSearchObject

export type IssueSearch = z.infer<typeof issueSearchObject>

export const issueSearchDefaults: IssueSearch = issueSearchObject.parse({})

export interface SortKey {
  field: IssueSortField
  desc: boolean
}

export function parseSort(keys: string[]): SortKey[] {
  return keys.map((k) => {
    const [field, dir] = k.split('.')
    return { field: field as IssueSortField, desc: dir === 'desc' }
  })
}

export function formatSort(keys: SortKey[]): string[] {
  return keys.map((k) => `${k.field}${k.desc ? '.desc' : ''}`)
}

/** Header click: sort by this field alone; shift-click: add it (or flip it) as a further key. */
export function toggleSort(current: string[], field: IssueSortField, multi: boolean): string[] {
  const keys = parseSort(current)
  const existing = keys.find((k) => k.field === field)
  if (!multi) return formatSort([{ field, desc: existing ? !existing.desc : false }])
  if (existing)
    return formatSort(keys.map((k) => (k.field === field ? { ...k, desc: !k.desc } : k)))
  return formatSort([...keys, { field, desc: false }]).slice(0, 4)
}

/**
 * Whether a view's first rows need names or orders from the tracker's metadata: chips to label,
 * or a status/priority sort. Those views ask for the metadata before the issues.
 */
export function needsMetadataFirst(s: IssueSearch, sort: readonly { field: string }[]): boolean {
  return (
    s.statusIds.length > 0 ||
    s.tracker.length > 0 ||
    s.priority.length > 0 ||
    Object.keys(s.cf).length > 0 ||
    s.group !== undefined ||
    sort.some((k) => k.field === 'status' || k.field === 'priority')
  )
}
