import { useEffect, useMemo, useRef } from 'react'
import { Button, focusRing } from '../../../components/ui/button'
import { inputClass } from '../../../components/ui/input'
import { activeFilterCount } from '../../../domain/issue-filter'
import { GROUP_FIELDS, issueSearchDefaults, type IssueSearch } from '../../../domain/issue-search'
import type { CustomFieldDef, Issue, Ref } from '../../../trackers/tracker'
import { cfChips, cfFilterFields, withoutCfValue } from '../custom-field-filters'
import {
  chipLabel,
  choicesFor,
  FIELD_LABELS,
  withoutValue,
  withValue,
  type Choice,
  type ListField,
} from '../filter-options'
import { CustomFieldFilters } from './custom-field-filters'
import { DateFilters } from './date-filters'

const LIST_FIELDS = Object.keys(FIELD_LABELS) as ListField[]

export interface FilterBarProps {
  search: IssueSearch
  onChange: (patch: Partial<IssueSearch>) => void
  issues: readonly Issue[]
  meta: { statuses: Ref[]; types: Ref[]; priorities: Ref[] }
  /** Custom field definitions, when the tracker lets us read them; else the issues tell. */
  customFields?: readonly CustomFieldDef[]
}

interface Chip {
  key: string
  field: string
  label: string
  remove: () => Partial<IssueSearch>
}

export function FilterBar({ search, onChange, issues, meta, customFields }: FilterBarProps) {
  const searchBox = useRef<HTMLInputElement>(null)
  useEffect(() => {
    // "/" focuses the search box, as in most trackers.
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) {
        e.preventDefault()
        searchBox.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const { statuses, types, priorities } = meta
  // Distinct values over 10,000 issues: once per store or metadata change, not per keystroke.
  const choices = useMemo(
    () =>
      Object.fromEntries(
        LIST_FIELDS.map((f) => [f, choicesFor(f, issues, { statuses, types, priorities })]),
      ) as Record<ListField, Choice[]>,
    [issues, statuses, types, priorities],
  )
  const cfFields = useMemo(() => cfFilterFields(customFields, issues), [customFields, issues])
  const chips: Chip[] = [
    ...LIST_FIELDS.flatMap((f) =>
      (search[f] as Choice['value'][]).map((v) => ({
        key: `${f}-${v}`,
        field: FIELD_LABELS[f],
        label: chipLabel(choices[f], v),
        remove: () => withoutValue(search, f, v),
      })),
    ),
    ...cfChips(search.cf, cfFields).map((c) => ({
      key: `cf${c.id}-${c.raw}`,
      field: c.field,
      label: c.label,
      remove: () => withoutCfValue(search.cf, c.id, c.raw),
    })),
  ]

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Search</span>
          <input
            ref={searchBox}
            type="search"
            className={`${inputClass} w-56`}
            placeholder="Subject or description  ( / )"
            value={search.q}
            onChange={(e) => onChange({ q: e.target.value })}
          />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Issues</span>
          <select
            className={`${inputClass} w-auto`}
            value={search.status}
            onChange={(e) => onChange({ status: e.target.value as IssueSearch['status'] })}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </select>
        </label>
        {LIST_FIELDS.map((f) => (
          <label key={f} className="text-sm">
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {FIELD_LABELS[f]}
            </span>
            <select
              className={`${inputClass} w-auto`}
              value=""
              onChange={(e) => {
                const raw = e.target.value
                const value = raw === 'me' || raw === 'none' ? raw : Number(raw)
                onChange(withValue(search, f, value))
              }}
            >
              <option value="">Add…</option>
              {choices[f].map((c) => (
                <option key={String(c.value)} value={String(c.value)}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <CustomFieldFilters fields={cfFields} cf={search.cf} onChange={onChange} />
        <label className="text-sm">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Group by</span>
          <select
            className={`${inputClass} w-auto`}
            value={search.group ?? ''}
            onChange={(e) =>
              onChange({ group: (e.target.value || undefined) as IssueSearch['group'] })
            }
          >
            <option value="">Nothing</option>
            {GROUP_FIELDS.map((g) => (
              <option key={g} value={g}>
                {g[0]!.toUpperCase() + g.slice(1)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DateFilters search={search} onChange={onChange} />
      {(chips.length > 0 || activeFilterCount(search) > 0) && (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
          {chips.map((c) => (
            <li key={c.key}>
              <button
                type="button"
                className={`rounded-full bg-indigo-50 px-2.5 py-0.5 text-sm text-indigo-900 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-100 ${focusRing}`}
                aria-label={`Remove filter ${c.field}: ${c.label}`}
                onClick={() => onChange(c.remove())}
              >
                {c.field}: {c.label} ×
              </button>
            </li>
          ))}
          <li>
            <Button
              variant="ghost"
              onClick={() =>
                onChange({
                  ...Object.fromEntries(LIST_FIELDS.map((f) => [f, []])),
                  q: '',
                  cf: {},
                  createdFrom: undefined,
                  createdTo: undefined,
                  updatedFrom: undefined,
                  updatedTo: undefined,
                  dueFrom: undefined,
                  dueTo: undefined,
                  attachments: undefined,
                  status: issueSearchDefaults.status,
                })
              }
            >
              Clear all
            </Button>
          </li>
        </ul>
      )}
    </div>
  )
}
