import { createFileRoute, Link, stripSearchParams } from '@tanstack/react-router'
import {
  boardSearchDefaults,
  boardSearchObject,
  type BoardSearch,
} from '../../../domain/board-search'
import { BoardView } from '../../../features/board'
import { onSignOut } from '../../../features/connection'
import { IssuesView } from '../../../features/issues-table'
import { clearIssueStoreOnSignOut } from '../../../store'
import { ViewSwitch, viewItemProps } from '../-components/view-switch'

// All projects: the table, or the cross-project board with `mode=board`. The URL holds the
// shared filters and the board's settings alike.
export const Route = createFileRoute('/$conn/issues/')({
  validateSearch: boardSearchObject,
  search: { middlewares: [stripSearchParams<BoardSearch>(boardSearchDefaults)] },
  beforeLoad: ({ context }) => clearIssueStoreOnSignOut(onSignOut, context.queryClient),
  component: AllIssuesPage,
})

function AllIssuesPage() {
  const { tracker, connection } = Route.useRouteContext()
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  const onChange = (patch: Partial<BoardSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
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
        <BoardView search={search} onSearchChange={onChange} />
      ) : (
        <IssuesView tracker={tracker} search={search} onChange={onChange} />
      )}
    </section>
  )
}
