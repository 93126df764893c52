import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { LibsqlDialect } from '@libsql/kysely-libsql'
import { Kysely, type Transaction } from 'kysely'
import type { Database } from './schema'
import { migrate } from './migrations'
import { loadLookups, type Lookups } from './lookups'

export type Db = Kysely<Database>
export type Trx = Transaction<Database>

/**
 * The one handle on the tracker's data. Routes read through `db` and write through `write()`,
 * which serialises writers (SQLite has one writer anyway) and runs each change in a single
 * BEGIN IMMEDIATE transaction, so a change and its journal commit together or not at all.
 * Small reference tables live in memory (`lookups`), reloaded after writes that touch them.
 * A PostgreSQL backend would implement the same surface over `DATABASE_URL`.
 */
export class Store {
  readonly client: Client
  readonly db: Db
  readonly filesDir: string
  lookups!: Lookups
  /** Bumped after every committed write; read caches compare against it. */
  version = 0
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(client: Client, filesDir: string) {
    this.client = client
    this.db = new Kysely<Database>({ dialect: new LibsqlDialect({ client: client as never }) })
    this.filesDir = filesDir
  }

  static async open(dataDir: string): Promise<Store> {
    mkdirSync(dataDir, { recursive: true })
    const filesDir = join(dataDir, 'files')
    mkdirSync(filesDir, { recursive: true })
    const client = createClient({ url: `file:${join(dataDir, 'trackboard.db')}`, timeout: 5000 })
    await client.execute('PRAGMA journal_mode=WAL')
    // FULL: an acknowledged commit is on disk (survives kill -9 and power loss). It is SQLite's
    // default, which every pooled connection inherits; set it explicitly anyway.
    await client.execute('PRAGMA synchronous=FULL')
    await client.execute('PRAGMA foreign_keys=ON')
    await migrate(client)
    const store = new Store(client, filesDir)
    await store.reload()
    return store
  }

  async reload(): Promise<void> {
    this.lookups = await loadLookups(this.db)
  }

  /** Runs `fn` in one write transaction, after any writer already queued. */
  write<T>(fn: (trx: Trx) => Promise<T>, opts: { reload?: boolean } = {}): Promise<T> {
    const run = async (): Promise<T> => {
      let result: T
      try {
        result = await this.db.transaction().execute(fn)
        if (opts.reload) await this.reload()
      } finally {
        this.version++
      }
      return result
    }
    const next = this.#queue.then(run, run)
    this.#queue = next.catch(() => undefined)
    return next
  }

  async close(): Promise<void> {
    await this.#queue
    // Refreshes planner statistics when they drifted (SQLite's recommended call before closing).
    await this.client.execute('PRAGMA optimize').catch(() => undefined)
    await this.db.destroy()
    this.client.close()
  }
}
