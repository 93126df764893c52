import { createFileRoute, notFound, Outlet, redirect } from '@tanstack/react-router'
import { configQueries, sessionAdapter } from '../../features/connection'
import { TrackerProvider } from '../../lib/tracker-context'
import { ShellHeader } from './-components/shell-header'

export const Route = createFileRoute('/$conn')({
  beforeLoad: async ({ params, context, location }) => {
    const connections = await context.queryClient.ensureQueryData(configQueries.connections())
    const connection = connections.find((c) => c.id === params.conn)
    if (!connection) throw notFound()
    const tracker = sessionAdapter(connection)
    if (!tracker)
      throw redirect({ to: '/', search: { conn: connection.id, redirect: location.href } })
    return { connection, tracker }
  },
  component: ConnectionLayout,
  notFoundComponent: () => (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold">No such tracker</h1>
      <p className="mt-2">
        This server has no tracker with that name.{' '}
        <a className="text-indigo-700 underline dark:text-indigo-300" href="/">
          Choose one
        </a>
        .
      </p>
    </main>
  ),
})

function ConnectionLayout() {
  const { connection, tracker } = Route.useRouteContext()
  return (
    <TrackerProvider tracker={tracker}>
      <div className="flex min-h-screen flex-col">
        <ShellHeader connection={connection} tracker={tracker} />
        <main id="main" className="flex-1 p-4 sm:p-6">
          <Outlet />
        </main>
      </div>
    </TrackerProvider>
  )
}
