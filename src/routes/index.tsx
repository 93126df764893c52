import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { ErrorMessage, Spinner } from '../components/ui/feedback'
import { ThemeToggle } from '../components/ui/theme-toggle'
import {
  configQueries,
  DemoSignIn,
  signOut,
  SignInForm,
  type Connection,
  useSession,
} from '../features/connection'
import { useDocumentTitle } from '../lib/use-document-title'

const searchSchema = z.object({
  conn: z.string().optional().catch(undefined),
  /** Where to go after signing in: only a path on this site. */
  redirect: z
    .string()
    .regex(/^\/(?!\/)/)
    .optional()
    .catch(undefined),
})

export const Route = createFileRoute('/')({
  validateSearch: searchSchema,
  component: StartPage,
})

function ConnectionCard({ connection, open }: { connection: Connection; open: boolean }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { redirect } = Route.useSearch()
  const session = useSession(connection.id)
  const afterSignIn = () => {
    if (redirect) void navigate({ to: redirect })
    else void navigate({ to: '/$conn/projects', params: { conn: connection.id } })
  }
  return (
    <section
      aria-labelledby={`conn-${connection.id}`}
      className="space-y-4 rounded-lg border border-slate-200 p-5 dark:border-slate-800"
    >
      <div>
        <h2 id={`conn-${connection.id}`} className="text-lg font-semibold">
          {connection.name}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {connection.demo ? 'Bundled demo tracker with sample data' : `${connection.type} tracker`}
        </p>
      </div>
      {session ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span>Signed in as {session.userName || 'you'}.</span>
          <Link
            to="/$conn/projects"
            params={{ conn: connection.id }}
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            Open projects
          </Link>
          <button
            type="button"
            className="text-slate-700 underline dark:text-slate-300"
            onClick={() =>
              void signOut(connection.id, queryClient).then(() => navigate({ to: '/' }))
            }
          >
            Sign out
          </button>
        </div>
      ) : open ? (
        <>
          {connection.demo && <DemoSignIn connection={connection} onSignedIn={afterSignIn} />}
          <SignInForm connection={connection} onSignedIn={afterSignIn} />
        </>
      ) : (
        <Link
          to="/"
          search={{ conn: connection.id }}
          className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          Sign in to {connection.name}
        </Link>
      )}
    </section>
  )
}

function StartPage() {
  const { conn } = Route.useSearch()
  const connections = useQuery(configQueries.connections())
  useDocumentTitle('Sign in')
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between border-b border-slate-200 px-6 py-3 dark:border-slate-800">
        <span className="font-semibold">Trackboard</span>
        <ThemeToggle />
      </header>
      <main id="main" className="mx-auto max-w-2xl space-y-6 p-6">
        <div>
          <h1 className="text-2xl font-semibold">Sign in</h1>
          <p className="text-slate-700 dark:text-slate-300">
            Choose a tracker and sign in with your API key.
          </p>
        </div>
        {connections.isPending ? (
          <Spinner label="Loading trackers" />
        ) : connections.isError ? (
          <ErrorMessage error={connections.error} onRetry={() => void connections.refetch()} />
        ) : (
          connections.data.map((c) => (
            <ConnectionCard
              key={c.id}
              connection={c}
              open={c.id === conn || connections.data.length === 1}
            />
          ))
        )}
      </main>
    </div>
  )
}
