import { createFileRoute, Link, stripSearchParams } from '@tanstack/react-router'
import {
  boardSearchDefaults,
  boardSearchObject,
  type BoardSearch,
} from '../../../../domain/board-search'
import { issueSearchObject } from '../../../../domain/issue-search'
import { BoardView } from '../../../../features/board'
import { BOARD_METADATA, startIssueStore } from '../../../../store'
import { SEARCH_PATCH } from '../../-components/search-patch'
import { ViewSwitch, viewItemProps } from '../../-components/view-switch'

export const Route = createFileRoute('/$conn/projects/$project/board')({
  validateSearch: boardSearchObject,
  search: { middlewares: [stripSearchParams(boardSearchDefaults)] },
  // The statuses (the columns) and the issues (from disk first) start loading while the board's
  // code does, and the board waits a moment for the issues on disk (not on a hover preload).
  loaderDeps: ({ search }) => ({ status: search.status }),
  loader: ({ context, params, deps, preload }) => {
    if (preload) return undefined
    const scope = { project: params.project, status: deps.status }
    return startIssueStore(context.queryClient, context.tracker, scope, {
      metadataFirst: BOARD_METADATA,
    })
  },
  component: ProjectBoard,
})

function ProjectBoard() {
  const { conn, project } = Route.useParams()
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Board of {project}</h1>
        <ViewSwitch>
          <Link
            to="/$conn/projects/$project/issues"
            params={{ conn, project }}
            search={issueSearchObject.parse(search)}
            {...viewItemProps(false)}
          >
            Table
          </Link>
          <span {...viewItemProps(true)}>Board</span>
        </ViewSwitch>
      </div>
      <BoardView
        project={project}
        search={search}
        onSearchChange={(patch: Partial<BoardSearch>) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), ...SEARCH_PATCH })
        }
      />
    </div>
  )
}
