import { useQuery } from '@tanstack/react-query'
import {
  createFileRoute,
  type ErrorComponentProps,
  notFound,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router'
import { ErrorMessage } from '../../components/ui/feedback'
import { configQueries, sessionAdapter } from '../../features/connection'
import { userQueries } from '../../features/projects'
import { TrackerProvider } from '../../lib/tracker-context'
import { isTrackerError } from '../../trackers/tracker'
import { KeyRejected } from './-components/key-rejected'
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
  errorComponent: ConnectionError,
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
  const me = useQuery(userQueries.current(tracker))
  return (
    <TrackerProvider tracker={tracker}>
      <div className="flex min-h-screen flex-col">
        <ShellHeader connection={connection} tracker={tracker} />
        {isTrackerError(me.error) && me.error.kind === 'auth' && (
          <KeyRejected connection={connection} />
        )}
        <main id="main" className="flex-1 p-4 sm:p-6">
          <Outlet />
        </main>
      </div>
    </TrackerProvider>
  )
}

function ConnectionError({ error, reset }: ErrorComponentProps) {
  const router = useRouter()
  return (
    <main id="main" className="mx-auto max-w-xl space-y-3 p-8">
      <h1 className="text-xl font-semibold">Trackboard could not start</h1>
      <ErrorMessage
        error={error}
        onRetry={() => {
          reset()
          void router.invalidate()
        }}
      />
    </main>
  )
}
