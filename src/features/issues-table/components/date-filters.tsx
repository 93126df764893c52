import { inputClass } from '../../../components/ui/input'
import type { IssueSearch } from '../../../domain/issue-search'

const RANGES = [
  { label: 'Created', from: 'createdFrom', to: 'createdTo' },
  { label: 'Updated', from: 'updatedFrom', to: 'updatedTo' },
  { label: 'Due', from: 'dueFrom', to: 'dueTo' },
] as const

/** Date ranges and "has attachments", folded away until wanted. */
export function DateFilters({
  search,
  onChange,
}: {
  search: IssueSearch
  onChange: (patch: Partial<IssueSearch>) => void
}) {
  const active = RANGES.some((r) => search[r.from] || search[r.to]) || search.attachments
  return (
    <details open={active || undefined} className="text-sm">
      <summary className="cursor-pointer text-xs text-slate-700 dark:text-slate-300">
        Dates and attachments
      </summary>
      <div className="mt-1 flex flex-wrap items-end gap-3">
        {RANGES.map((r) => (
          <fieldset key={r.label} className="flex items-end gap-1">
            <legend className="text-xs text-slate-600 dark:text-slate-400">{r.label}</legend>
            <input
              type="date"
              aria-label={`${r.label} from`}
              className={`${inputClass} w-auto`}
              value={search[r.from] ?? ''}
              onChange={(e) => onChange({ [r.from]: e.target.value || undefined })}
            />
            <input
              type="date"
              aria-label={`${r.label} to`}
              className={`${inputClass} w-auto`}
              value={search[r.to] ?? ''}
              onChange={(e) => onChange({ [r.to]: e.target.value || undefined })}
            />
          </fieldset>
        ))}
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={search.attachments === true}
            onChange={(e) => onChange({ attachments: e.target.checked || undefined })}
          />
          Has attachments
        </label>
      </div>
    </details>
  )
}
