/**
 * The issue store on disk (IndexedDB), so a reload shows the last known issues at once and
 * refreshes in the background. One record per connection and scope; sign-out clears a connection.
 */
import { openDB, type IDBPDatabase } from 'idb'
import type { ConnectionId } from '../trackers/tracker'
import type { IssueSnapshot } from './load-issues'

const DB = 'trackboard'
const STORE = 'issue-snapshots'
let db: Promise<IDBPDatabase> | null = null

function open(): Promise<IDBPDatabase> | null {
  if (typeof indexedDB === 'undefined') return null
  db ??= openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE)
    },
  })
  return db
}

const recordKey = (conn: ConnectionId, scope: string) => `${conn}|${scope}`

export async function loadSnapshot(
  conn: ConnectionId,
  scope: string,
): Promise<IssueSnapshot | null> {
  try {
    const d = await open()
    return ((await d?.get(STORE, recordKey(conn, scope))) as IssueSnapshot | undefined) ?? null
  } catch {
    return null // a broken or blocked IndexedDB only costs a full load
  }
}

export async function saveSnapshot(
  conn: ConnectionId,
  scope: string,
  snap: IssueSnapshot,
): Promise<void> {
  if (!snap.complete) return
  try {
    await (await open())?.put(STORE, snap, recordKey(conn, scope))
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
