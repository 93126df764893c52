import { createFileRoute, Link, stripSearchParams } from '@tanstack/react-router'
import { lazy, Suspense } from 'react'
import {
  boardSearchDefaults,
  boardSearchObject,
  type BoardSearch,
} from '../../../domain/board-search'
import { Spinner } from '../../../components/ui/feedback'
import { onSignOut } from '../../../features/connection'
import { IssuesView } from '../../../features/issues-table'
import { BOARD_METADATA, clearIssueStoreOnSignOut, startIssueStore } from '../../../store'
import { SEARCH_PATCH } from '../-components/search-patch'
import { startTableStore, tableLoaderDeps } from '../-components/table-loader'
import { ViewSwitch, viewItemProps } from '../-components/view-switch'

// All projects: the table, or the cross-project board with `mode=board`. The URL holds the
// shared filters and the board's settings alike. The board's code loads only when it is shown.
const loadBoard = () => import('../../../features/board')
const BoardView = lazy(() => loadBoard().then((m) => ({ default: m.BoardView })))
export const Route = createFileRoute('/$conn/issues/')({
  validateSearch: boardSearchObject,
  search: { middlewares: [stripSearchParams<BoardSearch>(boardSearchDefaults)] },
  // The issues start loading (from disk first) while the view's code does, and the view waits a
  // moment for the first screen from disk (not on a hover preload).
  loaderDeps: ({ search }) => ({ ...tableLoaderDeps(search), mode: search.mode }),
  beforeLoad: ({ context }) => clearIssueStoreOnSignOut(onSignOut, context.queryClient),
  loader: ({ context, deps, preload }) => {
    if (preload) return undefined
    if (deps.mode === 'table')
      return startTableStore(context.queryClient, context.tracker, undefined, deps)
    void loadBoard()
    return startIssueStore(
      context.queryClient,
      context.tracker,
      { status: deps.status },
      { metadataFirst: BOARD_METADATA },
    )
  },
  component: AllIssuesPage,
})

function AllIssuesPage() {
  const { tracker, connection } = Route.useRouteContext()
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  const onChange = (patch: Partial<BoardSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), ...SEARCH_PATCH })
  return (
    <section aria-labelledby="issues-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="issues-heading" className="text-xl font-semibold">
          All issues
        </h1>
        <ViewSwitch>
          {(['table', 'board'] as const).map((mode) => (
            <Link
              key={mode}
              to="/$conn/issues"
              params={{ conn: connection.id }}
              search={(prev) => ({ ...prev, mode })}
              {...viewItemProps(search.mode === mode)}
            >
              {mode === 'table' ? 'Table' : 'Board'}
            </Link>
          ))}
        </ViewSwitch>
      </div>
      {search.mode === 'board' ? (
        <Suspense fallback={<Spinner label="Loading the board…" />}>
          <BoardView search={search} onSearchChange={onChange} />
        </Suspense>
      ) : (
        <IssuesView tracker={tracker} search={search} onChange={onChange} />
      )}
    </section>
  )
}
