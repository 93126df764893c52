import { Hono } from 'hono'
import { authenticate } from './auth'
import type { Store } from './db/store'
import { empty, type HonoEnv, type TrackerEnv } from './http'
import { ResponseCache } from './response-cache'
import { attachmentRoutes } from './routes/attachments'
import { issueReadRoutes } from './routes/issues'
import { issueWriteRoutes } from './routes/issue-writes'
import { projectRoutes } from './routes/projects'
import { referenceRoutes } from './routes/reference'
import { relationRoutes } from './routes/relations'
import { searchRoutes } from './routes/search'
import { uploadRoutes } from './routes/uploads'
import { userRoutes } from './routes/users'
import { watcherRoutes } from './routes/watchers'

const NO_EXTENSION =
  "We couldn't handle your request, sorry. If you were trying to access the API, make sure to append .json or .xml to your request URL."

/** The REST routes, at paths without the `.json` suffix (the outer app strips it). */
function innerApp(): Hono<HonoEnv> {
  const app = new Hono<HonoEnv>()
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url)
    const result = authenticate(
      {
        apiKeyHeader: c.req.header('X-Redmine-API-Key'),
        keyParam: url.searchParams.get('key') ?? undefined,
        authorization: c.req.header('Authorization'),
        switchUser: c.req.header('X-Redmine-Switch-User'),
      },
      c.env.store.lookups,
    )
    if (result.kind === 'switch-failed') return empty(412)
    c.set('user', result.user)
    await next()
  })
  app.route('/', referenceRoutes)
  app.route('/', userRoutes)
  app.route('/', projectRoutes)
  app.route('/', issueReadRoutes)
  app.route('/', issueWriteRoutes)
  app.route('/', relationRoutes)
  app.route('/', watcherRoutes)
  app.route('/', searchRoutes)
  app.route('/', uploadRoutes)
  app.route('/', attachmentRoutes)
  app.notFound(() => empty(404))
  app.onError((err) => {
    console.error(`[tracker] ${err instanceof Error ? err.message : String(err)}`)
    return new Response(null, { status: 500 })
  })
  return app
}

/**
 * The exported Hono app. It works mounted anywhere (`app.route('/t/local', tracker.app)`):
 * the mount prefix is read from the matched route, absolute URLs are built from it, and the
 * `.json` suffix is required (406 otherwise) like Redmine's API.
 */
export function createApp(store: Store, maxUploadBytes: number): Hono {
  const inner = innerApp()
  const cache = new ResponseCache()
  const app = new Hono()
  app.all('*', async (c) => {
    const prefix = c.req.routePath.replace(/\/?\*$/, '')
    const url = new URL(c.req.url)
    let local = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname
    if (local === '') local = '/'
    if (local.startsWith('/attachments/download/')) {
      // The file name part is cosmetic, like Redmine's.
    } else if (local.endsWith('.json')) {
      local = local.slice(0, -'.json'.length)
    } else {
      return new Response(NO_EXTENSION, {
        status: 406,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      })
    }
    const env: TrackerEnv = { store, base: `${url.origin}${prefix}`, maxUploadBytes }
    const cacheable = c.req.method === 'GET' && !local.startsWith('/attachments/download/')
    const cacheKey = cacheable ? cache.key(c.req.raw, url) : ''
    const version = store.version
    if (cacheable) {
      const hit = cache.get(cacheKey, version)
      if (hit) return hit
    }
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD'
    const req = new Request(new URL(`${local}${url.search}`, url.origin), {
      method: c.req.method,
      headers: c.req.raw.headers,
      body: hasBody ? c.req.raw.body : null,
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit)
    const res = await inner.fetch(req, env)
    return cacheable ? cache.put(cacheKey, version, res) : res
  })
  return app
}
