// @vitest-environment node
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
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

  it('reads several trackers from TRACKERS_FILE', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'tb-')), 'trackers.json')
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

  it.each([
    [{ TRACKER_URL: 'ftp://x' }, /only http and https/],
    [{ TRACKER_URL: 'http://user:pw@x' }, /no credentials/],
    [{ TRACKER_URL: 'http://x', TRACKER_ID: '../x' }, /ids are/],
    [{ TRACKER_URL: 'http://x', TRACKER_TYPE: 'jira' }, /type/],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ BUNDLED_TRACKER: 'off' }, /No tracker/],
    [{ TRACKERS_FILE: '/nonexistent.json' }, /Cannot read TRACKERS_FILE/],
  ])('refuses a bad configuration %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })
})
