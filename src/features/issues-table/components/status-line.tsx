import { useEffect, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { formatCount } from '../../../lib/format-count'
import type { IssueStore } from '../../../store'

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s ago`
  const m = Math.round(s / 60)
  return m < 60 ? `${m} min ago` : `${Math.round(m / 60)} h ago`
}

/** Loading progress, "updated N s ago" and a refresh button. */
export function StatusLine({ store, shown }: { store: IssueStore; shown: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5_000)
    return () => clearInterval(t)
  }, [])
  const { progress, snapshot } = store
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
      <span role="status" aria-live="polite">
        {progress && progress.total > 0 ? (
          <>
            Loading {formatCount(progress.loaded)} of {formatCount(progress.total)}…
            <progress
              className="ml-2 h-2 w-32 align-middle"
              max={progress.total}
              value={progress.loaded}
            />
          </>
        ) : store.isLoading ? (
          'Loading issues…'
        ) : snapshot?.serverPaged ? (
          `${formatCount(shown)} issues on this page`
        ) : (
          `${formatCount(shown)} of ${formatCount(store.issues.length)} issues`
        )}
      </span>
      {snapshot?.capped && (
        <span className="text-amber-800 dark:text-amber-300">
          Showing the first {formatCount(store.issues.length)} of {formatCount(snapshot.totalCount)}
          : narrow the project or status to see the rest.
        </span>
      )}
      {store.checkedAt && <span>Updated {ago(now - store.checkedAt)}</span>}
      <Button
        variant="ghost"
        onClick={store.refresh}
        disabled={store.isRefreshing || store.isLoading}
      >
        {store.isRefreshing ? 'Refreshing…' : 'Refresh'}
      </Button>
    </div>
  )
}
