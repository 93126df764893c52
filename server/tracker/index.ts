import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { AddressInfo } from 'node:net'
import { createApp } from './app'
import { userName } from './db/lookups'
import { Store } from './db/store'
import { seed } from './seed/seed'

export interface LocalTrackerOptions {
  dataDir: string
  seedIssues?: number
  adminKey?: string
  maxUploadBytes?: number
}
export interface DemoUser {
  login: string
  name: string
  apiKey: string
  role: string
}
export interface LocalTracker {
  app: Hono
  demoUsers: DemoUser[]
  close(): Promise<void>
}

/**
 * The bundled tracker: a Redmine 5.0-compatible REST API (JSON) over SQLite in
 * `<dataDir>/trackboard.db`, seeded deterministically on first start. Mount `app` anywhere;
 * routes are at its root (`/issues.json`, ...).
 */
export async function createLocalTracker(opts: LocalTrackerOptions): Promise<LocalTracker> {
  const store = await Store.open(opts.dataDir)
  if (store.lookups.users.size === 0)
    await seed(store, { seedIssues: opts.seedIssues ?? 600, adminKey: opts.adminKey })
  const l = store.lookups
  const demoUsers: DemoUser[] = [...l.users.values()].map((u) => {
    const roles: string[] = []
    for (const [projectId, members] of l.members) {
      const ids = members.get(u.id)
      if (ids)
        roles.push(
          `${ids.map((r) => l.roles.get(r)?.name ?? '').join('+')} in ${l.projects.get(projectId)?.identifier ?? projectId}`,
        )
    }
    return {
      login: u.login,
      name: userName(u),
      apiKey: u.api_key,
      role: u.admin === 1 ? 'admin' : roles.join(', '),
    }
  })
  return {
    app: createApp(store, opts.maxUploadBytes ?? 10 * 1024 * 1024),
    demoUsers,
    close: () => store.close(),
  }
}

/** Starts the tracker alone on 127.0.0.1 (port 0 = any free port). For tests and benchmarks. */
export async function startLocalTrackerServer(
  opts: LocalTrackerOptions & { port?: number },
): Promise<{ url: string; tracker: LocalTracker; close(): Promise<void> }> {
  const tracker = await createLocalTracker(opts)
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: tracker.app.fetch, hostname: '127.0.0.1', port: opts.port ?? 0 }, () =>
      resolve(s),
    )
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tracker,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      await tracker.close()
    },
  }
}
