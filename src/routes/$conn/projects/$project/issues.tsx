import { createFileRoute, Link, stripSearchParams } from '@tanstack/react-router'
import {
  issueSearchDefaults,
  issueSearchSchema,
  type IssueSearch,
} from '../../../../domain/issue-search'
import { onSignOut } from '../../../../features/connection'
import { IssuesView } from '../../../../features/issues-table'
import { clearIssueStoreOnSignOut } from '../../../../store'
import { ViewSwitch, viewItemProps } from '../../-components/view-switch'

export const Route = createFileRoute('/$conn/projects/$project/issues')({
  validateSearch: issueSearchSchema,
  search: { middlewares: [stripSearchParams<IssueSearch>(issueSearchDefaults)] },
  beforeLoad: ({ context }) => clearIssueStoreOnSignOut(onSignOut, context.queryClient),
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
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    </section>
  )
}
