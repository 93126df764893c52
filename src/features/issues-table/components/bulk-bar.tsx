import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from '../../../components/ui/button'
import { inputClass } from '../../../components/ui/input'
import { formatCount } from '../../../lib/format-count'
import { patchIssue } from '../../../store'
import type { IssueId, Ref, TrackerAdapter } from '../../../trackers/tracker'
import { runBulkEdit, type BulkPatch, type BulkProgress, type BulkResult } from '../bulk-edit'

export interface BulkBarProps {
  tracker: TrackerAdapter
  selected: readonly IssueId[]
  shownCount: number
  onSelectAll: () => void
  onClear: () => void
  choices: {
    status: Ref[]
    priority: Ref[]
    assignee: Ref[]
    version: Ref[]
    category: Ref[]
  }
}

type Field = keyof BulkBarProps['choices']
const FIELDS: { field: Field; label: string; key: keyof BulkPatch; nullable: boolean }[] = [
  { field: 'status', label: 'Status', key: 'statusId', nullable: false },
  { field: 'priority', label: 'Priority', key: 'priorityId', nullable: false },
  { field: 'assignee', label: 'Assignee', key: 'assigneeId', nullable: true },
  { field: 'version', label: 'Version', key: 'versionId', nullable: true },
  { field: 'category', label: 'Category', key: 'categoryId', nullable: true },
]

/** Change status, priority, assignee, version or category of the selected issues, or add a note. */
export function BulkBar({
  tracker,
  selected,
  shownCount,
  onSelectAll,
  onClear,
  choices,
}: BulkBarProps) {
  const client = useQueryClient()
  // Form state: what the user is about to apply (not view state, so not in the URL).
  const [values, setValues] = useState<Partial<Record<Field, string>>>({})
  const [notes, setNotes] = useState('')
  const [progress, setProgress] = useState<BulkProgress | null>(null)
  const [results, setResults] = useState<BulkResult[] | null>(null)

  const patch: BulkPatch = {}
  for (const f of FIELDS) {
    const v = values[f.field]
    if (v) (patch as Record<string, number | null>)[f.key] = v === 'none' ? null : Number(v)
  }
  if (notes.trim()) patch.notes = notes
  const empty = Object.keys(patch).length === 0
  const running = progress !== null && progress.done < progress.total

  const apply = async () => {
    setResults(null)
    const out = await runBulkEdit(tracker, selected, patch, {
      onProgress: setProgress,
      onResult: (r) => {
        if (r.issue) patchIssue(client, tracker.id, r.id, () => r.issue!)
      },
    })
    setResults(out)
    if (out.every((r) => r.ok)) setNotes('')
  }
  const failed = results?.filter((r) => !r.ok) ?? []

  return (
    <section
      aria-label="Bulk edit"
      className="space-y-2 rounded-lg border border-indigo-200 bg-indigo-50/50 p-3 text-sm dark:border-indigo-900 dark:bg-indigo-950/40"
    >
      <div className="flex flex-wrap items-center gap-2">
        <strong>{formatCount(selected.length)} selected</strong>
        {selected.length < shownCount && (
          <Button variant="ghost" onClick={onSelectAll}>
            Select all {formatCount(shownCount)} shown
          </Button>
        )}
        <Button variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        {FIELDS.map((f) => (
          <label key={f.field}>
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              Set {f.label.toLowerCase()}
            </span>
            <select
              className={`${inputClass} w-auto`}
              value={values[f.field] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [f.field]: e.target.value }))}
            >
              <option value="">(unchanged)</option>
              {f.nullable && <option value="none">(none)</option>}
              {choices[f.field].map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="min-w-64 flex-1">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Add a note</span>
          <textarea
            className={inputClass}
            rows={1}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </label>
        <Button disabled={empty || running || selected.length === 0} onClick={() => void apply()}>
          Apply to {formatCount(selected.length)}
        </Button>
      </div>
      {progress && (
        <div role="status" aria-live="polite">
          {running ? 'Saving' : 'Saved'} {progress.done} of {progress.total}
          <progress
            className="ml-2 h-2 w-40 align-middle"
            max={progress.total}
            value={progress.done}
          />
          {results && (
            <span className="ml-2">
              {results.length - failed.length} changed, {failed.length} failed
            </span>
          )}
        </div>
      )}
      {failed.length > 0 && (
        <ul
          aria-label="Issues not changed"
          className="list-disc pl-5 text-red-800 dark:text-red-300"
        >
          {failed.map((r) => (
            <li key={r.id}>
              #{r.id}: {r.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
