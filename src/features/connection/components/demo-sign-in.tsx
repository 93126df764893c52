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
        Try it without an account: each button signs in as one of the demo users.
      </p>
      <ul className="flex flex-wrap gap-2">
        {users.map((u) => (
          <li key={u.login}>
            <Button
              variant="secondary"
              disabled={mutation.isPending}
              onClick={() => mutation.mutate(u.apiKey)}
              title={u.role}
            >
              Open the demo as {u.name} ({shortRole(u.role)})
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
