import { createFileRoute } from '@tanstack/react-router'
import { ProjectList, projectQueries } from '../../../features/projects'
import { useDocumentTitle } from '../../../lib/use-document-title'

export const Route = createFileRoute('/$conn/projects/')({
  loader: ({ context }) => {
    // Start the request during navigation; the list shows its own loading state.
    void context.queryClient.prefetchQuery(projectQueries.list(context.tracker))
  },
  component: ProjectsPage,
})

function ProjectsPage() {
  const { tracker, connection } = Route.useRouteContext()
  useDocumentTitle('Projects', connection.name)
  return (
    <div className="mx-auto max-w-4xl">
      <ProjectList tracker={tracker} />
    </div>
  )
}
