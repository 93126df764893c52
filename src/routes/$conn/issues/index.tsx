import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import {
  issueSearchDefaults,
  issueSearchSchema,
  type IssueSearch,
} from '../../../domain/issue-search'
import { onSignOut } from '../../../features/connection'
import { IssuesView } from '../../../features/issues-table'
import { clearIssueStoreOnSignOut } from '../../../store'

export const Route = createFileRoute('/$conn/issues/')({
  validateSearch: issueSearchSchema,
  search: { middlewares: [stripSearchParams<IssueSearch>(issueSearchDefaults)] },
  beforeLoad: ({ context }) => clearIssueStoreOnSignOut(onSignOut, context.queryClient),
  component: AllIssuesPage,
})

function AllIssuesPage() {
  const { tracker } = Route.useRouteContext()
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  return (
    <section aria-labelledby="issues-heading" className="space-y-3">
      <h1 id="issues-heading" className="text-xl font-semibold">
        All issues
      </h1>
      <IssuesView
        tracker={tracker}
        search={search}
        onChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    </section>
  )
}
