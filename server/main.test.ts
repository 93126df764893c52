// @vitest-environment node
/** The real server start: bundled tracker created and mounted, listening on a free port. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadConfig } from './config'
import { startServer } from './main'

interface Config {
  trackers: { id: string; demoUsers?: { login: string; apiKey: string }[] }[]
}

describe('startServer with the bundled tracker', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tb-main-'))
  let server: Awaited<ReturnType<typeof startServer>>
  const printed: string[] = []

  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line))
    server = await startServer(
      loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_ISSUES: '20', LOG: 'off' }),
    )
  })

  afterAll(async () => {
    await server?.close()
    vi.restoreAllMocks()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('listens on the port it got and says where', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.url).not.toMatch(/:0$/)
    expect(printed).toContain(`Trackboard is running at ${server.url}`)
  })

  it('offers the demo users and serves the tracker at /t/local for their keys', async () => {
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as Config
    const local = config.trackers.find((t) => t.id === 'local')
    const jsmith = local?.demoUsers?.find((u) => u.login === 'jsmith')
    expect(jsmith).toBeDefined()
    expect(printed.some((line) => line.includes(jsmith!.apiKey))).toBe(true)

    const res = await fetch(`${server.url}/t/local/users/current.json`, {
      headers: { 'X-Redmine-API-Key': jsmith!.apiKey },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { login: string } }).user.login).toBe('jsmith')
    const anon = await fetch(`${server.url}/t/local/users/current.json`, {
      headers: { 'X-Redmine-API-Key': 'not-a-key' },
    })
    expect(anon.status).toBe(401)
    // No browser sign-in dialog over the app: the challenge is renamed.
    expect(anon.headers.get('www-authenticate')).toBeNull()
    expect(anon.headers.get('x-tracker-www-authenticate')).toContain('Basic')
  })
})
