import { useMutation } from '@tanstack/react-query'
import { Button } from '../../../components/ui/button'
import { ErrorMessage } from '../../../components/ui/feedback'
import type { CurrentUser } from '../../../trackers/tracker'
import type { Connection } from '../config-queries'
import { shortRole } from '../demo-users'
import { signIn } from '../session'
import { signInErrorMessage } from './sign-in-form'

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
  const users = connection.demoUsers ?? []
  if (users.length === 0) return null
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Open the demo as one of its users, no account needed:
      </p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {users.map((u) => (
          <li key={u.login}>
            <Button
              variant="secondary"
              className="w-full flex-col !items-start !gap-0 text-left"
              disabled={mutation.isPending}
              onClick={() => mutation.mutate(u.apiKey)}
              aria-label={`Open the demo as ${u.name} (${shortRole(u.role)})`}
              title={u.role}
            >
              <span className="truncate">{u.name}</span>
              <span className="truncate text-xs font-normal text-slate-600 dark:text-slate-400">
                {shortRole(u.role)}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {mutation.isError && (
        <ErrorMessage error={new Error(signInErrorMessage(connection, mutation.error, 'apiKey'))} />
      )}
    </div>
  )
}
