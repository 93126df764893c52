import { useState } from 'react'
import { inputClass } from '../../../components/ui/input'
import type { IssueSearch } from '../../../domain/issue-search'
import { withCfContains, withCfValue, type CfFilterField } from '../custom-field-filters'

const caption = 'block text-xs text-slate-600 dark:text-slate-400'

/** A control per filterable custom field: "Add…" values for lists, "contains" text for text. */
export function CustomFieldFilters({
  fields,
  cf,
  onChange,
}: {
  fields: readonly CfFilterField[]
  cf: IssueSearch['cf']
  onChange: (patch: Partial<IssueSearch>) => void
}) {
  return fields.map((f) =>
    f.kind === 'list' ? (
      <label key={f.id} className="text-sm">
        <span className={caption}>{f.name}</span>
        <select
          className={`${inputClass} w-auto`}
          value=""
          onChange={(e) => e.target.value && onChange(withCfValue(cf, f.id, e.target.value))}
        >
          <option value="">Add…</option>
          {f.values.map((v) => (
            <option key={v} value={v} disabled={(cf[String(f.id)] ?? []).includes(v)}>
              {v}
            </option>
          ))}
        </select>
      </label>
    ) : (
      <ContainsFilter
        key={f.id}
        field={f}
        onAdd={(text) => onChange(withCfContains(cf, f.id, text))}
      />
    ),
  )
}

/** Typed text becomes a "contains" chip on Enter; the draft is the input's, not the URL's. */
function ContainsFilter({ field, onAdd }: { field: CfFilterField; onAdd: (text: string) => void }) {
  const [draft, setDraft] = useState('')
  return (
    <form
      className="text-sm"
      onSubmit={(e) => {
        e.preventDefault()
        onAdd(draft)
        setDraft('')
      }}
    >
      <label>
        <span className={caption}>{field.name} contains</span>
        <input
          type="text"
          className={`${inputClass} w-36`}
          placeholder="text, then Enter"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
    </form>
  )
}
