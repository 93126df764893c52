import { useMemo, useSyncExternalStore } from 'react'
import type { ConnectionId } from '../../trackers/tracker'
import { readSession, subscribeSessions, type StoredSession } from './credentials'

/**
 * The stored session of a connection (user name and key), kept current when this or another tab
 * signs in or out. The key is for building an adapter; never render or log it.
 */
export function useSession(conn: ConnectionId): StoredSession | null {
  // A string snapshot compares by value (readSession returns a fresh object on every call).
  const raw = useSyncExternalStore(subscribeSessions, () => {
    const s = readSession(conn)
    return s ? JSON.stringify(s) : null
  })
  return useMemo(() => (raw ? (JSON.parse(raw) as StoredSession) : null), [raw])
}
