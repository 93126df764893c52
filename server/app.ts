/** The Trackboard server: app config, the tracker proxy, the bundled tracker, and the built app. */
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import type { ServerConfig } from './config'
import { proxyHandler, rawPathOf } from './proxy/proxy'
import { checkProxyPath } from './proxy/path-guard'
import { staticHandler } from './static'
import type { LocalTracker } from './tracker/index'

export interface AppDeps {
  /** The bundled tracker, mounted at /t/local when configured. */
  local?: LocalTracker | null
  fetch?: typeof fetch
  log?: (line: string) => void
}

export function createApp(config: ServerConfig, deps: AppDeps = {}): Hono {
  const app = new Hono()
  const log = deps.log ?? ((line: string) => console.log(line))

  if (config.log)
    app.use(async (c, next) => {
      const t0 = performance.now()
      await next()
      // Paths only: queries can carry filter values, and never keys (they travel in headers).
      log(
        `${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${Math.round(performance.now() - t0)}ms`,
      )
    })

  // Tracker paths are checked as they came off the wire, before URL normalisation drops `..`.
  app.use('*', async (c, next) => {
    const raw = rawPathOf(c)
    if (raw.startsWith('/t/')) {
      const check = checkProxyPath(raw)
      if (!check.ok) return c.json({ error: `Refused path: ${check.reason}` }, 400)
    }
    await next()
    // Whatever a tracker serves (an HTML attachment, an error page) must not run as our origin.
    if (raw.startsWith('/t/')) {
      const h = c.res.headers
      h.set('content-security-policy', "sandbox; default-src 'none'")
      h.set('x-content-type-options', 'nosniff')
      // Redmine's 401 says `WWW-Authenticate: Basic`, which makes browsers pop up their own
      // sign-in dialog over the app's fetch; the challenge stays readable under another name.
      const challenge = h.get('www-authenticate')
      if (challenge !== null) {
        h.delete('www-authenticate')
        h.set('x-tracker-www-authenticate', challenge)
      }
    }
  })

  // gzip for JSON, HTML, JS and CSS when the browser asks (the tracker is asked for identity).
  app.use(compress())

  // The connections on offer: asked by the app at `/api/config`, and written into index.html so a
  // page load needs no round trip for them.
  const appConfig = {
    trackers: [
      ...(deps.local
        ? [
            {
              id: 'local',
              name: 'Demo tracker',
              type: 'redmine',
              base: '/t/local',
              demo: true,
              demoUsers: deps.local.demoUsers,
              // In-process SQLite answers pages side by side.
              loading: { concurrency: 4, issueCap: config.issueCap },
            },
          ]
        : []),
      ...config.upstreams.map((u) => ({
        id: u.id,
        name: u.name,
        type: u.type,
        base: `/t/${u.id}`,
        loading: { concurrency: u.concurrency ?? 2, issueCap: u.issueCap ?? config.issueCap },
      })),
    ],
  }
  app.get('/api/config', (c) => c.json(appConfig))
  app.all('/api/*', (c) => c.json({ error: 'Not found' }, 404))

  if (deps.local) app.route('/t/local', deps.local.app)
  app.all(
    '/t/:id/*',
    proxyHandler(config.upstreams, { timeoutMs: config.proxyTimeoutMs, fetch: deps.fetch }),
  )
  app.all('/t/*', (c) => c.json({ error: 'No such tracker' }, 404))

  app.all('*', staticHandler(config.distDir, { bootData: appConfig }))
  return app
}
