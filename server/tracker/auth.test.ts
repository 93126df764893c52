// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTracker, type TestTracker } from './test-support'

let t: TestTracker
beforeAll(async () => {
  t = await makeTracker({ seedIssues: 20, adminKey: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed' })
})
afterAll(() => t.close())

const basic = (login: string, password: string): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`,
})

async function expectEmpty(res: Response, status: number): Promise<void> {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/json')
  expect(await res.text()).toBe('')
}

describe('authentication', () => {
  it('uses the adminKey option for admin', async () => {
    expect(t.keys.admin).toBe('f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed')
    const me = await t.getJson<{ user: { login: string; admin: boolean } }>('/users/current.json')
    expect(me.user).toMatchObject({ login: 'admin', admin: true })
  })

  it('401 with an empty body and WWW-Authenticate for anonymous and bad keys', async () => {
    for (const as of [null, 'not-a-key']) {
      const res = await t.req('GET', '/users/current.json', { as })
      await expectEmpty(res, 401)
      expect(res.headers.get('WWW-Authenticate')).toBe('Basic realm="Redmine API"')
    }
  })

  it('a bad key is anonymous: public lists answer 200 with public data only', async () => {
    const res = await t.req('GET', '/projects.json', { as: 'not-a-key' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { projects: { identifier: string }[] }
    expect(body.projects.map((p) => p.identifier)).not.toContain('ops')
    expect(body.projects.map((p) => p.identifier)).toContain('demo')
  })

  it('accepts the key parameter and Basic auth (login/password and key as user name)', async () => {
    const byParam = await t.req('GET', `/users/current.json?key=${t.keys.jsmith}`, { as: null })
    expect(((await byParam.json()) as { user: { login: string } }).user.login).toBe('jsmith')
    const ok = await t.req('GET', '/users/current.json', {
      as: null,
      headers: basic('dlopper', 'password123'),
    })
    expect(((await ok.json()) as { user: { login: string } }).user.login).toBe('dlopper')
    const admin = await t.req('GET', '/users/current.json', {
      as: null,
      headers: basic('admin', 'admin'),
    })
    expect(admin.status).toBe(200)
    const viaKey = await t.req('GET', '/users/current.json', {
      as: null,
      headers: basic(t.keys.jsmith ?? '', 'x'),
    })
    expect(viaKey.status).toBe(200)
    await expectEmpty(
      await t.req('GET', '/users/current.json', { as: null, headers: basic('admin', 'wrong') }),
      401,
    )
  })

  it('X-Redmine-Switch-User for admins; unknown login is 412 empty', async () => {
    const res = await t.req('GET', '/users/current.json', {
      headers: { 'X-Redmine-Switch-User': 'jsmith' },
    })
    expect(((await res.json()) as { user: { login: string } }).user.login).toBe('jsmith')
    await expectEmpty(
      await t.req('GET', '/users/current.json', { headers: { 'X-Redmine-Switch-User': 'nobody' } }),
      412,
    )
    // A non-admin cannot switch.
    const own = await t.req('GET', '/users/current.json', {
      as: 'jsmith',
      headers: { 'X-Redmine-Switch-User': 'admin' },
    })
    expect(((await own.json()) as { user: { login: string } }).user.login).toBe('jsmith')
  })

  it('admin-only endpoints: 403 empty for others', async () => {
    await expectEmpty(await t.req('GET', '/users.json', { as: 'jsmith' }), 403)
    await expectEmpty(await t.req('GET', '/custom_fields.json', { as: 'jsmith' }), 403)
    expect((await t.req('GET', '/users.json')).status).toBe(200)
    const cf = await t.getJson<{ custom_fields: { id: number; name: string }[] }>(
      '/custom_fields.json',
    )
    expect(cf.custom_fields[0]).toMatchObject({ id: 1, name: 'Severity' })
  })

  it('hides mail from non-admins but shows their own api_key', async () => {
    const me = await t.getJson<{ user: Record<string, unknown> }>('/users/current.json', 'jsmith')
    expect(me.user.mail).toBeUndefined()
    expect(me.user.api_key).toBe(t.keys.jsmith)
  })

  it('406 without the .json suffix; 404 empty for unknown ids', async () => {
    const res = await t.req('GET', '/issues/1')
    expect(res.status).toBe(406)
    await expectEmpty(await t.req('GET', '/issues/99999.json'), 404)
    await expectEmpty(await t.req('GET', '/projects/nope.json'), 404)
  })

  it('works mounted under a prefix and builds absolute URLs from it', async () => {
    const { Hono } = await import('hono')
    const outer = new Hono()
    outer.route('/t/local', t.tracker.app)
    const res = await outer.request('http://example.test/t/local/attachments/1.json', {
      headers: { 'X-Redmine-API-Key': t.keys.admin ?? '' },
    })
    const body = (await res.json()) as { attachment: { content_url: string } }
    expect(body.attachment.content_url).toBe(
      'http://example.test/t/local/attachments/download/1/crash.log',
    )
  })
})
