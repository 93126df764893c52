/**
 * Custom field filters: which fields can be filtered and how, their chips, and the `cf` patches.
 * A list field offers its possible values (from the tracker's definitions when we may read them,
 * else the values on the loaded issues) and matches any chosen one; a text field matches what
 * contains the typed text (`~text` in the URL, Redmine's `~` operator).
 */
import { formatCfValue, parseCfValue } from '../../domain/issue-filter'
import type { IssueSearch } from '../../domain/issue-search'
import type { CustomFieldDef, Issue } from '../../trackers/tracker'

export interface CfFilterField {
  id: number
  name: string
  kind: 'list' | 'text'
  /** A list field's choices. */
  values: string[]
}

/** Without definitions, a field with at most this many distinct values is offered as a list. */
export const GUESS_LIST_MAX = 30

interface Seen {
  name: string
  values: Set<string>
  multiple: boolean
}

function seenOnIssues(issues: readonly Issue[]): Map<number, Seen> {
  const seen = new Map<number, Seen>()
  for (const i of issues)
    for (const f of i.customFields) {
      let s = seen.get(f.id)
      if (!s) seen.set(f.id, (s = { name: f.name, values: new Set(), multiple: false }))
      if (Array.isArray(f.value)) {
        s.multiple = true
        for (const v of f.value) if (v) s.values.add(v)
      } else if (f.value) s.values.add(f.value)
    }
  return seen
}

const sorted = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b))

/**
 * The filterable custom fields. Definitions (readable by administrators only, in Redmine) give
 * each field's format and possible values; without them the loaded issues tell the names and
 * values, and a field with few distinct values (or several per issue) is taken for a list.
 */
export function cfFilterFields(
  defs: readonly CustomFieldDef[] | undefined,
  issues: readonly Issue[],
): CfFilterField[] {
  const seen = seenOnIssues(issues)
  if (defs && defs.length > 0)
    return defs.flatMap((d): CfFilterField[] => {
      if (d.format === 'list') {
        const values =
          d.possibleValues.length > 0 ? d.possibleValues : sorted(seen.get(d.id)?.values ?? [])
        return [{ id: d.id, name: d.name, kind: 'list', values }]
      }
      if (d.format === 'string' || d.format === 'text' || d.format === 'link')
        return [{ id: d.id, name: d.name, kind: 'text', values: [] }]
      // Numbers, dates, users, versions, booleans: not offered (yet).
      return []
    })
  return [...seen]
    .map(([id, s]): CfFilterField => {
      const list = s.multiple || (s.values.size > 0 && s.values.size <= GUESS_LIST_MAX)
      return {
        id,
        name: s.name,
        kind: list ? 'list' : 'text',
        values: list ? sorted(s.values) : [],
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

export interface CfChip {
  id: number
  /** The value as stored in the URL (`~` for "contains"). */
  raw: string
  field: string
  label: string
}

/** One chip per value set in `cf`; a field no longer known keeps its id as its name. */
export function cfChips(cf: IssueSearch['cf'], fields: readonly CfFilterField[]): CfChip[] {
  const names = new Map(fields.map((f) => [f.id, f.name]))
  return Object.entries(cf).flatMap(([id, values]) =>
    values.map((raw) => {
      const c = parseCfValue(raw)
      return {
        id: Number(id),
        raw,
        field: names.get(Number(id)) ?? `Custom field ${id}`,
        label: c.op === 'contains' ? `contains “${c.value}”` : c.value,
      }
    }),
  )
}

export function withCfValue(cf: IssueSearch['cf'], id: number, raw: string): Partial<IssueSearch> {
  const current = cf[String(id)] ?? []
  if (current.includes(raw)) return {}
  return { cf: { ...cf, [String(id)]: [...current, raw] } }
}

export function withCfContains(
  cf: IssueSearch['cf'],
  id: number,
  text: string,
): Partial<IssueSearch> {
  const value = text.trim()
  return value ? withCfValue(cf, id, formatCfValue({ op: 'contains', value })) : {}
}

/** Removes one value; a field left with none leaves the URL. */
export function withoutCfValue(
  cf: IssueSearch['cf'],
  id: number,
  raw: string,
): Partial<IssueSearch> {
  const key = String(id)
  const rest = (cf[key] ?? []).filter((v) => v !== raw)
  const next = { ...cf }
  if (rest.length > 0) next[key] = rest
  else delete next[key]
  return { cf: next }
}
