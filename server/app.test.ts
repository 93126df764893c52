// @vitest-environment node
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from './app'
import { loadConfig } from './config'

function distWithIndex(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tb-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<html><head><script>theme()</script></head><body></body></html>',
  )
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)')
  return dir
}

describe('the app server', () => {
  const app = createApp(
    loadConfig({ TRACKER_URL: 'http://127.0.0.1:9', LOG: 'off', DIST_DIR: distWithIndex() }),
  )

  it('serves index.html for deep links, with a CSP that allows only the inline theme script', async () => {
    const res = await app.request('/main/projects/demo/board?status=open', {
      headers: { Accept: 'text/html' },
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<script>theme()</script>')
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('caches hashed assets for a year and 404s missing ones', async () => {
    const res = await app.request('/assets/app-abc123.js')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(res.headers.get('content-type')).toContain('javascript')
    expect((await app.request('/assets/missing.js')).status).toBe(404)
  })

  it('answers unknown API paths with JSON 404', async () => {
    const res = await app.request('/api/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'Not found' })
  })
})

describe.skipIf(!process.env.REDMINE_URL)('through the proxy to a real Redmine', () => {
  const app = createApp(loadConfig({ TRACKER_URL: process.env.REDMINE_URL, LOG: 'off' }))

  it('returns the signed-in user for a good key', async () => {
    const res = await app.request('/t/main/users/current.json', {
      headers: { 'X-Redmine-API-Key': process.env.REDMINE_JSMITH_API_KEY! },
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
  })
})
