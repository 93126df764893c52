// @vitest-environment node
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from './app'
import { loadConfig } from './config'
import type { LocalTracker } from './tracker/index'

/** REDMINE_URL and keys from the environment, else from the state file redmine-up.sh writes. */
function realRedmine(): { url: string; jsmithKey: string } | null {
  const env: Record<string, string | undefined> = { ...process.env }
  const stateFile = join(process.env.REDMINE_STATE ?? '/tmp/redmine-state', 'env')
  if (!env.REDMINE_JSMITH_API_KEY && existsSync(stateFile))
    for (const line of readFileSync(stateFile, 'utf8').split('\n')) {
      const m = /^(?:export )?([A-Z_]+)=["']?([^"'\s]*)["']?$/.exec(line.trim())
      if (m) env[m[1]!] ??= m[2]
    }
  if (!env.REDMINE_JSMITH_API_KEY) return null
  return { url: env.REDMINE_URL ?? 'http://127.0.0.1:3300', jsmithKey: env.REDMINE_JSMITH_API_KEY }
}

const BIG_JS = 'console.log("a fairly long line of script");\n'.repeat(200)

function distWithIndex(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tb-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<html><head><script>theme()</script></head><body></body></html>',
  )
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)')
  writeFileSync(join(dir, 'assets', 'big-def456.js'), BIG_JS)
  return dir
}

describe('the app server', () => {
  const dist = distWithIndex()
  afterAll(() => rmSync(dist, { recursive: true, force: true }))
  const app = createApp(
    loadConfig({ TRACKER_URL: 'http://127.0.0.1:9', LOG: 'off', DIST_DIR: dist }),
  )

  it('serves index.html for deep links, with a CSP that allows only the inline theme script', async () => {
    const res = await app.request('/main/projects/demo/board?status=open', {
      headers: { Accept: 'text/html' },
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<script>theme()</script>')
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'self'")
    const themeHash = createHash('sha256').update('theme()').digest('base64')
    expect(csp).toContain(`script-src 'self' 'sha256-${themeHash}'`)
    expect(csp).toContain("img-src 'self' data: blob:")
    expect(csp).toContain("style-src 'self' 'unsafe-inline'")
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('writes the config /api/config serves into index.html, where no value can close the block', async () => {
    const named = createApp(
      loadConfig({
        TRACKER_URL: 'http://127.0.0.1:9',
        TRACKER_NAME: 'Ops </script><script>alert(1)</script> $& tracker',
        LOG: 'off',
        DIST_DIR: dist,
      }),
    )
    const page = await (await named.request('/', { headers: { Accept: 'text/html' } })).text()
    const block = /<script id="trackboard-config" type="application\/json">(.*?)<\/script>/.exec(
      page,
    )
    expect(block).not.toBeNull()
    expect(block![1]).not.toContain('<')
    const api = await (await named.request('/api/config')).json()
    expect(JSON.parse(block![1]!)).toEqual(api)
    expect(api.trackers[0].name).toBe('Ops </script><script>alert(1)</script> $& tracker')
    // Still one script the browser runs: the theme one, whose hash the CSP names.
    expect(page.match(/<script>/g)).toHaveLength(1)
  })

  it('caches hashed assets for a year and 404s missing ones', async () => {
    const res = await app.request('/assets/app-abc123.js')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(res.headers.get('content-type')).toContain('javascript')
    expect((await app.request('/assets/missing.js')).status).toBe(404)
  })

  it('serves index.html asked for by name with the same headers', async () => {
    const res = await app.request('/index.html')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('cache-control')).toBe('no-cache')
  })

  it('does not answer API, tracker or non-HTML requests with the app', async () => {
    const html = { headers: { Accept: 'text/html' } }
    expect((await app.request('/api/whatever', html)).status).toBe(404)
    expect((await app.request('/assets/gone.js', html)).status).toBe(404)
    expect(
      (await app.request('/main/projects', { headers: { Accept: 'application/json' } })).status,
    ).toBe(404)
    expect((await app.request('/main/projects', { method: 'POST', ...html })).status).toBe(404)
    expect((await app.request('/%E0%A4%A', html)).status).toBe(400)
  })

  it('gzips larger assets for browsers that accept it', async () => {
    const res = await app.request('/assets/big-def456.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.length).toBeLessThan(BIG_JS.length / 10)
    expect(gunzipSync(bytes).toString()).toBe(BIG_JS)
    const plain = await app.request('/assets/big-def456.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(BIG_JS)
  })

  it('logs method, path without query, status and time, never a key', async () => {
    const lines: string[] = []
    const logged = createApp(
      loadConfig({ TRACKER_URL: 'http://127.0.0.1:9', DIST_DIR: '/nonexistent' }),
      { log: (line) => lines.push(line) },
    )
    await logged.request('/api/config?key=secret-in-query', {
      headers: { 'X-Redmine-API-Key': 'secret-in-header', Authorization: 'Basic c2VjcmV0' },
    })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^GET \/api\/config 200 \d+ms$/)
  })

  it('answers unknown API paths with JSON 404', async () => {
    const res = await app.request('/api/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'Not found' })
  })
})

describe('with the bundled tracker', () => {
  const seen: string[] = []
  const local: LocalTracker = {
    app: new Hono().get('/issues.json', (c) => {
      seen.push(c.req.url)
      return c.json({ issues: [], total_count: 0, offset: 0, limit: 25 })
    }),
    demoUsers: [{ login: 'admin', name: 'Redmine Admin', apiKey: 'demo-key-1', role: 'admin' }],
    close: async () => {},
  }
  const app = createApp(
    loadConfig({
      TRACKER_URL: 'http://10.9.8.7:3000/redmine',
      BUNDLED_TRACKER: 'on',
      LOG: 'off',
      DIST_DIR: '/nonexistent',
    }),
    { local },
  )

  it('lists it first, as a demo with its users, and the upstream without its address', async () => {
    const res = await app.request('/api/config')
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({
      trackers: [
        {
          id: 'local',
          name: 'Demo tracker',
          type: 'redmine',
          base: '/t/local',
          demo: true,
          demoUsers: local.demoUsers,
          loading: { concurrency: 4, issueCap: 10_000 },
        },
        {
          id: 'main',
          name: 'Redmine',
          type: 'redmine',
          base: '/t/main',
          loading: { concurrency: 2, issueCap: 10_000 },
        },
      ],
    })
    expect(text).not.toContain('10.9.8.7')
  })

  it('mounts it at /t/local with Redmine paths from its root', async () => {
    const res = await app.request('/t/local/issues.json?limit=25')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ total_count: 0 })
    expect(seen.at(-1)).toContain('/t/local/issues.json?limit=25')
  })
})

const redmine = realRedmine()
describe.skipIf(!redmine)('through the proxy to the real Redmine', () => {
  const app = createApp(loadConfig({ TRACKER_URL: redmine?.url, LOG: 'off' }))

  it('returns the signed-in user for a good key', async () => {
    const res = await app.request('/t/main/users/current.json', {
      headers: { 'X-Redmine-API-Key': redmine!.jsmithKey },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { login: string } }).user.login).toBe('jsmith')
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('passes a bad key’s empty 401 through', async () => {
    const res = await app.request('/t/main/users/current.json', {
      headers: { 'X-Redmine-API-Key': 'nope' },
    })
    expect(res.status).toBe(401)
    expect(await res.text()).toBe('')
    expect(res.headers.get('www-authenticate')).toBeNull()
    expect(res.headers.get('x-tracker-www-authenticate')).toContain('Basic')
  })
})
