/** Signing in and out of a connection. */
import type { QueryClient } from '@tanstack/react-query'
import { createAdapter } from '../../trackers/registry'
import type { ConnectionId, Credentials, CurrentUser, TrackerAdapter } from '../../trackers/tracker'
import type { Connection } from './config-queries'
import { clearSession, readSession, writeSession } from './credentials'

const adapters = new Map<string, TrackerAdapter>()

/** One adapter per connection and key, so its identity is stable across navigations. */
export function adapterFor(connection: Connection, apiKey: string): TrackerAdapter {
  const cacheKey = `${connection.id}\u0000${apiKey}`
  let a = adapters.get(cacheKey)
  if (!a) {
    a = createAdapter(connection, { kind: 'apiKey', key: apiKey })
    adapters.set(cacheKey, a)
  }
  return a
}

export function sessionAdapter(connection: Connection): TrackerAdapter | null {
  const s = readSession(connection.id)
  return s ? adapterFor(connection, s.apiKey) : null
}

/**
 * Verifies the credentials with the tracker and keeps the API key (never the password).
 * Throws the adapter's TrackerError when they are wrong or the tracker cannot be reached.
 */
export async function signIn(
  connection: Connection,
  credentials: Credentials,
  remember: boolean,
): Promise<CurrentUser> {
  const user = await createAdapter(connection, credentials).currentUser()
  const apiKey = credentials.kind === 'apiKey' ? credentials.key : user.apiKey
  if (!apiKey)
    throw new Error(
      `${connection.name} did not hand back an API key; sign in with your API key instead.`,
    )
  writeSession(connection.id, { apiKey, userName: user.name }, remember)
  return user
}

type SignOutListener = (conn: ConnectionId) => void | Promise<void>
const signOutListeners = new Set<SignOutListener>()

/** Lets other parts of the app forget what they kept for a connection (e.g. the issue store). */
export function onSignOut(listener: SignOutListener): () => void {
  signOutListeners.add(listener)
  return () => signOutListeners.delete(listener)
}

export async function signOut(conn: ConnectionId, queryClient: QueryClient): Promise<void> {
  clearSession(conn)
  for (const k of [...adapters.keys()]) if (k.startsWith(`${conn}\u0000`)) adapters.delete(k)
  queryClient.removeQueries({ queryKey: ['c', conn] })
  await Promise.all([...signOutListeners].map((l) => l(conn)))
}
