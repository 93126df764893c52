// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tb-config-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  it('runs the bundled tracker when nothing is configured', () => {
    const c = loadConfig({})
    expect(c.upstreams).toEqual([])
    expect(c.bundled).toMatchObject({ seedIssues: 600 })
    expect(c).toMatchObject({ host: '127.0.0.1', port: 4173, proxyTimeoutMs: 30000 })
  })

  it('proxies TRACKER_URL as "main" and turns the bundled tracker off', () => {
    const c = loadConfig({ TRACKER_URL: 'http://127.0.0.1:3300', TRACKER_NAME: 'Our Redmine' })
    expect(c.upstreams).toEqual([
      { id: 'main', name: 'Our Redmine', type: 'redmine', url: 'http://127.0.0.1:3300' },
    ])
    expect(c.bundled).toBeNull()
    expect(loadConfig({ TRACKER_URL: 'http://x', BUNDLED_TRACKER: 'on' }).bundled).not.toBeNull()
  })

  it('reads the loading settings: TRACKER_CONCURRENCY and ISSUE_CAP', () => {
    expect(loadConfig({}).issueCap).toBe(10_000)
    const c = loadConfig({ TRACKER_URL: 'http://x', TRACKER_CONCURRENCY: '3', ISSUE_CAP: '2500' })
    expect(c.upstreams[0]).toMatchObject({ concurrency: 3 })
    expect(c.issueCap).toBe(2500)
  })

  it('reads several trackers from TRACKERS_FILE', () => {
    const f = join(dir, 'trackers.json')
    writeFileSync(
      f,
      JSON.stringify({
        trackers: [
          { id: 'a', name: 'A', url: 'https://a.example' },
          { id: 'b', name: 'B', type: 'redmine', url: 'http://b.example/redmine' },
        ],
      }),
    )
    expect(loadConfig({ TRACKERS_FILE: f }).upstreams.map((u) => u.id)).toEqual(['a', 'b'])
  })

  it('names the bad entry of TRACKERS_FILE', () => {
    const f = join(dir, 'trackers.json')
    writeFileSync(
      f,
      JSON.stringify({
        trackers: [
          { id: 'ok', url: 'http://a' },
          { id: 'Bad Id', url: 'http://b' },
        ],
      }),
    )
    expect(() => loadConfig({ TRACKERS_FILE: f })).toThrow(/trackers\.1\.id: ids are/)
    writeFileSync(f, JSON.stringify({ trackers: [{ id: 'a', url: 'http://a' }] }))
    expect(() =>
      loadConfig({ TRACKERS_FILE: f, TRACKER_URL: 'http://b', TRACKER_ID: 'a' }),
    ).toThrow(/configured twice/)
  })

  it('reads the bundled tracker options', () => {
    expect(
      loadConfig({
        BUNDLED_TRACKER: 'on',
        DATA_DIR: '/tmp/tb-data',
        SEED_ISSUES: '50',
        TRACKER_ADMIN_KEY: 'k',
        UPLOAD_MAX_BYTES: '1024',
      }).bundled,
    ).toEqual({ dataDir: '/tmp/tb-data', seedIssues: 50, adminKey: 'k', maxUploadBytes: 1024 })
    expect(loadConfig({ TRACKER_URL: 'http://x', BUNDLED_TRACKER: 'off' }).bundled).toBeNull()
  })

  it.each([
    [{ TRACKER_URL: 'ftp://x' }, /only http and https/],
    [{ TRACKER_URL: 'not a url' }, /TRACKER_URL: "not a url" is not an absolute URL/],
    [{ TRACKER_URL: 'http://x/?key=1' }, /no query or fragment/],
    [{ TRACKER_URL: 'http://x', TRACKER_ID: 'local' }, /bundled tracker/],
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ PROXY_TIMEOUT_MS: '0' }, /PROXY_TIMEOUT_MS/],
    [{ ISSUE_CAP: 'lots' }, /ISSUE_CAP must be a whole number/],
    [{ TRACKER_URL: 'http://x', TRACKER_CONCURRENCY: '40' }, /TRACKER_CONCURRENCY/],
    [{ BUNDLED_TRACKER: 'maybe' }, /BUNDLED_TRACKER must be "on" or "off"/],
    [{ TRACKER_URL: 'http://user:pw@x' }, /no credentials/],
    [{ TRACKER_URL: 'http://x', TRACKER_ID: '../x' }, /ids are/],
    [
      { TRACKER_URL: 'http://x', TRACKER_TYPE: 'jira' },
      /TRACKER_TYPE: Invalid option: expected one of "redmine"/,
    ],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ BUNDLED_TRACKER: 'off' }, /No tracker/],
    [{ TRACKERS_FILE: '/nonexistent.json' }, /Cannot read TRACKERS_FILE/],
  ])('refuses a bad configuration %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })
})
