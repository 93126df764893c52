import { useMutation } from '@tanstack/react-query'
import { Button } from '../../../components/ui/button'
import { ErrorMessage } from '../../../components/ui/feedback'
import type { CurrentUser } from '../../../trackers/tracker'
import type { Connection } from '../config-queries'
import { signIn } from '../session'

/** One click into the bundled demo tracker as one of its users. */
export function DemoSignIn({
  connection,
  onSignedIn,
}: {
  connection: Connection
  onSignedIn: (user: CurrentUser) => void
}) {
  const mutation = useMutation({
    mutationFn: (apiKey: string) => signIn(connection, { kind: 'apiKey', key: apiKey }, true),
    onSuccess: onSignedIn,
  })
  const users = (connection.demoUsers ?? []).slice(0, 6)
  if (users.length === 0) return null
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700 dark:text-slate-300">Open the demo as:</p>
      <ul className="flex flex-wrap gap-2">
        {users.map((u) => (
          <li key={u.login}>
            <Button
              variant="secondary"
              disabled={mutation.isPending}
              onClick={() => mutation.mutate(u.apiKey)}
              aria-label={`Open the demo as ${u.name} (${u.role})`}
            >
              {u.name}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {u.role.split(',')[0]}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {mutation.isError && <ErrorMessage error={mutation.error} />}
    </div>
  )
}
