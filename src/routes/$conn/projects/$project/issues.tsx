import { createFileRoute, Link, stripSearchParams } from '@tanstack/react-router'
import {
  issueSearchDefaults,
  issueSearchSchema,
  type IssueSearch,
} from '../../../../domain/issue-search'
import { onSignOut } from '../../../../features/connection'
import { IssuesView } from '../../../../features/issues-table'
import { clearIssueStoreOnSignOut } from '../../../../store'
import { SEARCH_PATCH } from '../../-components/search-patch'
import { startTableStore, tableLoaderDeps } from '../../-components/table-loader'
import { ViewSwitch, viewItemProps } from '../../-components/view-switch'

export const Route = createFileRoute('/$conn/projects/$project/issues')({
  validateSearch: issueSearchSchema,
  search: { middlewares: [stripSearchParams<IssueSearch>(issueSearchDefaults)] },
  // The issues start loading (from disk first) while the view's code does, and the view waits a
  // moment for the first screen from disk (not on a hover preload).
  loaderDeps: ({ search }) => tableLoaderDeps(search),
  beforeLoad: ({ context }) => clearIssueStoreOnSignOut(onSignOut, context.queryClient),
  loader: ({ context, params, deps, preload }) =>
    preload
      ? undefined
      : startTableStore(context.queryClient, context.tracker, params.project, deps),
  component: ProjectIssuesPage,
})

function ProjectIssuesPage() {
  const { tracker } = Route.useRouteContext()
  const { project } = Route.useParams()
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  return (
    <section aria-labelledby="issues-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="issues-heading" className="text-xl font-semibold">
          Issues of {project}
        </h1>
        <ViewSwitch>
          <span {...viewItemProps(true)}>Table</span>
          <Link
            to="/$conn/projects/$project/board"
            params={{ conn: tracker.id, project }}
            search={(prev) => ({ ...prev, ...search })}
            {...viewItemProps(false)}
          >
            Board
          </Link>
        </ViewSwitch>
      </div>
      <IssuesView
        tracker={tracker}
        project={project}
        search={search}
        onChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), ...SEARCH_PATCH })
        }
      />
    </section>
  )
}
