import type { WipLimits } from '../../../domain/board-wip'
import type { IssueStatus } from '../../../trackers/tracker'

/** One number field per status; empty means no limit. */
export function WipLimitsEditor({
  statuses,
  limits,
  onChange,
}: {
  statuses: IssueStatus[]
  limits: WipLimits
  onChange: (limits: WipLimits) => void
}) {
  return (
    <details className="mb-3 text-sm">
      <summary className="cursor-pointer">WIP limits</summary>
      <div className="mt-2 flex flex-wrap gap-3">
        {statuses.map((s) => (
          <label key={s.id} className="flex items-center gap-1">
            {s.name}
            <input
              type="number"
              min={1}
              className="w-16 rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-900"
              value={limits[String(s.id)] ?? ''}
              onChange={(e) => {
                const n = Number(e.target.value)
                const next = { ...limits }
                if (e.target.value === '' || !Number.isInteger(n) || n < 1)
                  delete next[String(s.id)]
                else next[String(s.id)] = n
                onChange(next)
              }}
            />
          </label>
        ))}
      </div>
    </details>
  )
}
