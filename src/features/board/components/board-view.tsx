import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { boardSettings, type BoardSearch } from '../../../domain/board-search'
import { filterIssues } from '../../../domain/issue-filter'
import { useTracker } from '../../../lib/tracker-context'
import { issueCap, metadataQueries, overCapText, useIssueStore } from '../../../store'
import { ErrorMessage, Spinner } from '../../../components/ui/feedback'
import { formatCount } from '../../../lib/format-count'
import { Board } from './board'
import { BoardToolbar } from './board-toolbar'
import { WipLimitsEditor } from './wip-limits-editor'

/**
 * The board over the issue store: one project (`project`) or every visible project (absent).
 * The search (shared filters + board settings) lives in the URL; the caller owns it.
 */
export function BoardView({
  project,
  search,
  onSearchChange,
}: {
  project?: string
  search: BoardSearch
  onSearchChange: (patch: Partial<BoardSearch>) => void
}) {
  const tracker = useTracker()
  const scope = useMemo(() => ({ project, status: search.status }), [project, search.status])
  const store = useIssueStore(tracker, scope)
  const statuses = useQuery(metadataQueries.statuses(tracker))
  const priorities = useQuery(metadataQueries.priorities(tracker))
  const me = useQuery(metadataQueries.me(tracker))
  const meId = me.data?.id ?? null
  const issues = useMemo(
    () => filterIssues(store.issues, search, { meId }),
    [store.issues, search, meId],
  )
  const settings = useMemo(() => boardSettings(search), [search])

  if (statuses.error)
    return <ErrorMessage error={statuses.error} onRetry={() => void statuses.refetch()} />
  if (store.error && store.issues.length === 0)
    return <ErrorMessage error={store.error} onRetry={store.refresh} />
  if (!statuses.data || (store.isLoading && store.issues.length === 0))
    return (
      <Spinner
        label={
          store.progress
            ? `Loading issues ${store.progress.loaded}/${store.progress.total}`
            : 'Loading board'
        }
      />
    )
  return (
    <div>
      <BoardToolbar settings={settings} onChange={onSearchChange} />
      <WipLimitsEditor
        statuses={statuses.data}
        limits={settings.wip}
        onChange={(wip) => onSearchChange({ wip })}
      />
      {store.snapshot?.serverPaged && (
        <p
          role="note"
          className="mb-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          {overCapText(store.snapshot.totalCount, issueCap(tracker))}, so the board shows only the
          first {formatCount(store.issues.length)}. Choose a project or open issues only, or use the
          table, which pages through all of them on the tracker.
        </p>
      )}
      {store.isLoading && store.progress && (
        <p className="mb-2 text-sm text-slate-600" role="status">
          Loading issues {store.progress.loaded}/{store.progress.total}…
        </p>
      )}
      <Board
        issues={issues}
        statuses={statuses.data}
        priorities={priorities.data ?? []}
        settings={settings}
        meId={meId}
        onSettingsChange={onSearchChange}
      />
    </div>
  )
}
