/**
 * The issue store on disk (IndexedDB), so a reload shows the last known issues at once and
 * refreshes in the background. One record per connection and scope, with the user who saved it:
 * the record can be read before the tracker says who is signed in, and is shown only once that
 * is the same user. Sign-out clears a connection.
 */
import { openDB, type IDBPDatabase } from 'idb'
import type { ConnectionId } from '../trackers/tracker'
import type { IssueSnapshot } from './load-issues'

const DB = 'trackboard'
const STORE = 'issue-snapshots'
let db: Promise<IDBPDatabase> | null = null

function open(): Promise<IDBPDatabase> | null {
  if (typeof indexedDB === 'undefined') return null
  db ??= openDB(DB, 2, {
    upgrade(d, oldVersion, _newVersion, tx) {
      // Version 1 keyed records by user; they are dropped rather than migrated (a cold load).
      if (oldVersion < 1) d.createObjectStore(STORE)
      else void tx.objectStore(STORE).clear()
    },
  })
  return db
}

export interface StoredSnapshot {
  /** Who was signed in when it was saved. */
  userId: number
  snapshot: IssueSnapshot
}

const recordKey = (conn: ConnectionId, scope: string) => `${conn}|${scope}`

export async function loadSnapshot(
  conn: ConnectionId,
  scope: string,
): Promise<StoredSnapshot | null> {
  try {
    const d = await open()
    return ((await d?.get(STORE, recordKey(conn, scope))) as StoredSnapshot | undefined) ?? null
  } catch {
    return null // a broken or blocked IndexedDB only costs a full load
  }
}

export async function saveSnapshot(
  conn: ConnectionId,
  scope: string,
  userId: number,
  snap: IssueSnapshot,
): Promise<void> {
  // Partial loads and scopes paged on the server are not worth keeping.
  if (!snap.complete || snap.serverPaged) return
  try {
    const record: StoredSnapshot = { userId, snapshot: snap }
    await (await open())?.put(STORE, record, recordKey(conn, scope))
  } catch {
    // Quota or private mode: the in-memory store still works.
  }
}

export async function clearSnapshots(conn: ConnectionId): Promise<void> {
  const d = await open()
  if (!d) return
  const range = IDBKeyRange.bound(`${conn}|`, `${conn}|\uffff`)
  await d.delete(STORE, range)
}
