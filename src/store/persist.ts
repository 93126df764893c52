/**
 * The issue store on disk (IndexedDB), so a reload shows the last known issues at once and
 * refreshes in the background. One record per connection and scope, with the user who saved it:
 * the record can be read before the tracker says who is signed in, and is shown only once that
 * is the same user. Sign-out clears a connection.
 */
import { openDB, type IDBPDatabase } from 'idb'
import type { ConnectionId, Issue } from '../trackers/tracker'
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

/**
 * Opens the database ahead of the first read (call at app start): the open then completes while
 * the app's code loads, instead of queueing behind it when the first view asks for its issues.
 */
export function openIssueDatabase(): void {
  void open()?.catch(() => undefined)
}

/** Who saved a record: the user, and the fingerprint of the credentials when the adapter has one. */
export interface Owner {
  userId: number
  credentialsId?: string
}

export interface StoredSnapshot extends Owner {
  snapshot: IssueSnapshot
}

/** On disk the issues are split in records of CHUNK_SIZE (see loadSnapshot and saveSnapshot). */
interface SnapshotRecord extends Owner {
  /** The snapshot without its issues. */
  snapshot: IssueSnapshot
  chunks: number
  /** Changes with every full write: the chunks on disk are the ones this write put there. */
  generation?: string
}

export const CHUNK_SIZE = 250

/**
 * What this page last wrote for each record: its generation and the issue arrays of its chunks
 * and head. A save after a move or a delta refresh rewrites only the chunks holding a changed
 * issue (issues are immutable, so an unchanged chunk holds the very same objects): cloning 10,000
 * issues into IndexedDB takes the page's main thread for a long task.
 */
const written = new Map<
  string,
  { generation: string; chunks: Issue[][]; head?: { sort: string; issues: Issue[] } }
>()
let generations = 0
const newGeneration = () => `${Date.now().toString(36)}-${(generations += 1)}-${Math.random()}`
const sameIssues = (a: readonly Issue[] | undefined, b: readonly Issue[]) =>
  a !== undefined && a.length === b.length && a.every((x, k) => x === b[k])

/**
 * The first screen of a snapshot: its first HEAD_SIZE issues in the view's order, kept beside it.
 * Reading 10,000 issues from IndexedDB takes a while; this small record is read at the same time
 * and shown first. Any filter on it shows the right first rows (a prefix stays a prefix), but
 * only in the order it was saved in, so it is used only when the view's sort is the same.
 */
export interface StoredHead extends Owner {
  /** The sort the issues are in (`priority.desc,id`). */
  sort: string
  issues: Issue[]
}

export const HEAD_SIZE = 100

const recordKey = (conn: ConnectionId, scope: string) => `${conn}|${scope}`
const headKey = (conn: ConnectionId, scope: string) => `${conn}|${scope}|head`
const chunkKey = (conn: ConnectionId, scope: string, n: number) =>
  `${conn}|${scope}|chunk|${String(n).padStart(6, '0')}`
const chunkRange = (conn: ConnectionId, scope: string) =>
  IDBKeyRange.bound(`${conn}|${scope}|chunk|`, `${conn}|${scope}|chunk|\uffff`)

/**
 * Reads a snapshot in one transaction (record and chunks agree). Every chunk is asked for at
 * once, and each answer is decoded in its own task as it arrives: the page runs between chunks
 * (decoding 10,000 issues at once would block scrolling and typing in the first screen), and a
 * busy page does not add a wait per chunk.
 */
export async function loadSnapshot(
  conn: ConnectionId,
  scope: string,
): Promise<StoredSnapshot | null> {
  try {
    const d = await open()
    if (!d) return null
    const tx = d.transaction(STORE)
    const record = (await tx.store.get(recordKey(conn, scope))) as SnapshotRecord | undefined
    if (!record) return null
    const chunks = (await Promise.all(
      Array.from({ length: record.chunks }, (_, n) => tx.store.get(chunkKey(conn, scope, n))),
    )) as (Issue[] | undefined)[]
    const issues: Issue[] = []
    for (const chunk of chunks) {
      if (!chunk) return null // a record without its issues: a full load instead
      issues.push(...chunk)
    }
    // What is on disk now: the first save after a delta refresh rewrites only what changed.
    if (record.generation !== undefined)
      written.set(recordKey(conn, scope), {
        generation: record.generation,
        chunks: chunks as Issue[][],
      })
    const { chunks: _chunks, generation: _generation, ...owner } = record
    return { ...owner, snapshot: { ...record.snapshot, issues } }
  } catch {
    return null // a broken or blocked IndexedDB only costs a full load
  }
}

export async function loadHead(conn: ConnectionId, scope: string): Promise<StoredHead | null> {
  try {
    const d = await open()
    return ((await d?.get(STORE, headKey(conn, scope))) as StoredHead | undefined) ?? null
  } catch {
    return null
  }
}

/**
 * Saves a snapshot and, in the same transaction, its first screen (`head`) or no head at all.
 * When the record on disk is still the one this page last wrote (same generation), only the
 * chunks and head that changed are written; otherwise (another tab wrote it, or nothing is
 * there) all of it is.
 */
export async function saveSnapshot(
  conn: ConnectionId,
  scope: string,
  owner: Owner,
  snap: IssueSnapshot,
  head?: { sort: string; issues: Issue[] },
): Promise<void> {
  // Partial loads and scopes paged on the server are not worth keeping.
  if (!snap.complete || snap.serverPaged) return
  const key = recordKey(conn, scope)
  try {
    const d = await open()
    if (!d) return
    const tx = d.transaction(STORE, 'readwrite')
    const onDisk = (await tx.store.get(key)) as SnapshotRecord | undefined
    const last = written.get(key)
    const incremental =
      last !== undefined &&
      onDisk?.generation !== undefined &&
      onDisk.generation === last.generation &&
      onDisk.userId === owner.userId &&
      onDisk.credentialsId === owner.credentialsId
    const generation = incremental ? last.generation : newGeneration()
    const chunks = Array.from({ length: Math.ceil(snap.issues.length / CHUNK_SIZE) }, (_, n) =>
      snap.issues.slice(n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE),
    )
    if (!incremental) void tx.store.delete(chunkRange(conn, scope))
    chunks.forEach((chunk, n) => {
      if (!incremental || !sameIssues(last.chunks[n], chunk))
        void tx.store.put(chunk, chunkKey(conn, scope, n))
    })
    if (incremental)
      for (let n = chunks.length; n < last.chunks.length; n++)
        void tx.store.delete(chunkKey(conn, scope, n))
    const record: SnapshotRecord = {
      ...owner,
      snapshot: { ...snap, issues: [] },
      chunks: chunks.length,
      generation,
    }
    void tx.store.put(record, key)
    const newHead = head && { sort: head.sort, issues: head.issues.slice(0, HEAD_SIZE) }
    if (newHead) {
      const unchanged =
        incremental &&
        last.head?.sort === newHead.sort &&
        sameIssues(last.head.issues, newHead.issues)
      const h: StoredHead = { ...owner, ...newHead }
      if (!unchanged) void tx.store.put(h, headKey(conn, scope))
    } else void tx.store.delete(headKey(conn, scope))
    await tx.done
    written.set(key, { generation, chunks, head: newHead })
  } catch {
    // Quota or private mode: the in-memory store still works.
    written.delete(key)
  }
}

export async function clearSnapshots(conn: ConnectionId): Promise<void> {
  for (const key of written.keys()) if (key.startsWith(`${conn}|`)) written.delete(key)
  const d = await open()
  if (!d) return
  const range = IDBKeyRange.bound(`${conn}|`, `${conn}|\uffff`)
  await d.delete(STORE, range)
}
