import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import {
  createFileRoute,
  type ErrorComponentProps,
  notFound,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router'
import { ErrorMessage } from '../../components/ui/feedback'
import { configQueries, readSession, sessionAdapter } from '../../features/connection'
import { TrackerProvider } from '../../lib/tracker-context'
import { usePainted } from '../../lib/use-painted'
import { metadataQueries } from '../../store'
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
  // Who is signed in (and whether the key still works) once the first screen is painted: asked
  // at once, it would go ahead of the view's first issues page to a tracker that serves one
  // request at a time, and the view's own requests say soon enough if the key was rejected.
  const painted = usePainted()
  const me = useQuery({ ...metadataQueries.me(tracker), enabled: painted })
  // Until the tracker answers, the name it gave at sign-in.
  const [signInName] = useState(() => readSession(connection.id)?.userName ?? null)
  return (
    <TrackerProvider tracker={tracker}>
      <div className="flex min-h-screen flex-col">
        <ShellHeader
          connection={connection}
          userName={me.data?.name ?? (me.isError ? 'Unknown user' : signInName)}
        />
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
