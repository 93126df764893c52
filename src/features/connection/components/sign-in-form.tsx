import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Button } from '../../../components/ui/button'
import { Field } from '../../../components/ui/input'
import { ErrorMessage } from '../../../components/ui/feedback'
import { createAdapter } from '../../../trackers/registry'
import { isTrackerError, type Credentials, type CurrentUser } from '../../../trackers/tracker'
import type { Connection } from '../config-queries'
import { signIn } from '../session'

/** Turns a sign-in failure into a sentence about this tracker. */
export function signInErrorMessage(
  connection: Connection,
  error: unknown,
  kind: Credentials['kind'] = 'apiKey',
): string {
  if (isTrackerError(error)) {
    if (error.kind === 'auth')
      return kind === 'basic'
        ? `That username and password were not accepted by ${connection.name}.`
        : `That API key was not accepted by ${connection.name}.`
    if (error.kind === 'network')
      return `Cannot reach ${connection.name}. ${error.message.startsWith('Cannot reach') ? 'Check that it is running and that the server can reach it.' : error.message}`
  }
  return error instanceof Error ? error.message : String(error)
}

function supportsPassword(connection: Connection): boolean {
  try {
    return createAdapter(connection, { kind: 'anonymous' }).capabilities.basicAuth
  } catch {
    return false
  }
}

export function SignInForm({
  connection,
  onSignedIn,
}: {
  connection: Connection
  onSignedIn: (user: CurrentUser) => void
}) {
  const [mode, setMode] = useState<'key' | 'password'>('key')
  const [apiKey, setApiKey] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [remember, setRemember] = useState(true)
  const mutation = useMutation({
    mutationFn: (credentials: Credentials) => signIn(connection, credentials, remember),
    onSuccess: onSignedIn,
  })
  const passwordOk = supportsPassword(connection)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    mutation.mutate(
      mode === 'key'
        ? { kind: 'apiKey', key: apiKey.trim() }
        : { kind: 'basic', username: username.trim(), password },
    )
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={`Sign in to ${connection.name}`}>
      {mode === 'key' ? (
        <Field
          label="API key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          hint="In Redmine: My account → API access key → Show."
        />
      ) : (
        <>
          <Field
            label="Username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <Field
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint="Used once to fetch your API key; the password is not stored."
          />
        </>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember me on this device
      </label>
      {mutation.isError && (
        <ErrorMessage
          error={
            new Error(signInErrorMessage(connection, mutation.error, mutation.variables?.kind))
          }
        />
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
        {passwordOk && (
          <Button variant="ghost" onClick={() => setMode(mode === 'key' ? 'password' : 'key')}>
            {mode === 'key' ? 'Use username and password' : 'Use an API key'}
          </Button>
        )}
      </div>
    </form>
  )
}
