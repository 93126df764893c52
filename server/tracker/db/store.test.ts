// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from './store'
import { migrations } from './migrations'
import { seed } from '../seed/seed'

describe('Store', () => {
  it('opens one WAL database with synchronous=FULL and applies migrations once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-store-'))
    try {
      const store = await Store.open(dir)
      const mode = await store.client.execute('PRAGMA journal_mode')
      const sync = await store.client.execute('PRAGMA synchronous')
      const version = await store.client.execute('PRAGMA user_version')
      expect(mode.rows[0]?.[0]).toBe('wal')
      expect(sync.rows[0]?.[0]).toBe(2)
      expect(version.rows[0]?.[0]).toBe(migrations.length)
      await store.close()
      const again = await Store.open(dir)
      expect((await again.client.execute('PRAGMA user_version')).rows[0]?.[0]).toBe(
        migrations.length,
      )
      await again.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('seeds deterministically', async () => {
    const snapshot = async (): Promise<string> => {
      const dir = mkdtempSync(join(tmpdir(), 'tb-seed-'))
      try {
        const store = await Store.open(dir)
        await seed(store, { seedIssues: 50 })
        const rows = await store.db
          .selectFrom('issues')
          .select(['id', 'subject', 'status_id', 'assigned_to_id', 'created_on'])
          .orderBy('id')
          .execute()
        await store.close()
        return JSON.stringify(rows)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
    const a = await snapshot()
    expect(JSON.parse(a)).toHaveLength(60)
    expect(await snapshot()).toBe(a)
  })

  it('rolls back a failed write transaction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-store-'))
    try {
      const store = await Store.open(dir)
      await seed(store, { seedIssues: 0 })
      await expect(
        store.write(async (trx) => {
          await trx.updateTable('issues').set({ subject: 'changed' }).where('id', '=', 1).execute()
          throw new Error('fail after update')
        }),
      ).rejects.toThrow('fail after update')
      const row = await store.db
        .selectFrom('issues')
        .select('subject')
        .where('id', '=', 1)
        .executeTakeFirst()
      expect(row?.subject).toBe('Login page returns 500 on empty password')
      await store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
