/**
 * Where a connection's API key is kept: localStorage with "remember me", sessionStorage without.
 * Only the key is stored (a password is exchanged for the key at sign-in). Never in a URL.
 */
import type { ConnectionId } from '../../trackers/tracker'

export interface StoredSession {
  apiKey: string
  userName: string
}

const keyFor = (conn: ConnectionId) => `trackboard.session.${conn}`

function parse(raw: string | null): StoredSession | null {
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as Partial<StoredSession>
    return typeof v.apiKey === 'string' && v.apiKey
      ? { apiKey: v.apiKey, userName: v.userName ?? '' }
      : null
  } catch {
    return null
  }
}

export function readSession(conn: ConnectionId): StoredSession | null {
  return parse(sessionStorage.getItem(keyFor(conn))) ?? parse(localStorage.getItem(keyFor(conn)))
}

const listeners = new Set<() => void>()
const notify = () => listeners.forEach((l) => l())

/** Called whenever a session is written or cleared, here or in another tab. */
export function subscribeSessions(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key.startsWith('trackboard.session.')) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function writeSession(conn: ConnectionId, session: StoredSession, remember: boolean): void {
  localStorage.removeItem(keyFor(conn))
  sessionStorage.removeItem(keyFor(conn))
  ;(remember ? localStorage : sessionStorage).setItem(keyFor(conn), JSON.stringify(session))
  notify()
}

export function clearSession(conn: ConnectionId): void {
  localStorage.removeItem(keyFor(conn))
  sessionStorage.removeItem(keyFor(conn))
  notify()
}
