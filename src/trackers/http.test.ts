// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { Http } from './http'
import { TrackerError } from './tracker'
import { sampleResponse } from './redmine/fixtures/load'

type Seen = { url: string; init: RequestInit }

function http(answer: () => Response | Promise<Response>, base = '/t/main') {
  const seen: Seen[] = []
  const h = new Http({
    base,
    headers: () => ({ 'X-Redmine-API-Key': 'k3y' }),
    trackerName: 'Redmine',
    fetch: async (url, init = {}) => {
      seen.push({ url, init })
      return answer()
    },
  })
  return { h, seen }
}

async function failure(answer: () => Response | Promise<Response>): Promise<TrackerError> {
  const e = await http(answer)
    .h.request('/x.json')
    .catch((err: unknown) => err)
  if (!(e instanceof TrackerError)) throw new Error(`expected a TrackerError, got ${String(e)}`)
  return e
}

describe('Http error mapping over real Redmine responses', () => {
  // Redmine 5.0.4 sends these with an empty body.
  const cases: [string, string, number][] = [
    ['err_401_bad_key', 'auth', 401],
    ['err_401_anon_current', 'auth', 401],
    ['err_401_anon_private_project', 'auth', 401],
    ['err_401_basic_bad', 'auth', 401],
    ['err_403_delete_as_developer', 'forbidden', 403],
    ['err_403_jsmith_users', 'forbidden', 403],
    ['err_404_issue', 'not-found', 404],
    ['err_404_project', 'not-found', 404],
    ['f_bad_operator_404', 'not-found', 404],
    ['err_422_bad_json', 'validation', 400],
    ['err_412_switch_user', 'validation', 412],
    ['upload_text_plain', 'server', 406],
  ]
  for (const [name, kind, status] of cases) {
    it(`${name} -> ${kind}`, async () => {
      const e = await failure(() => sampleResponse(name))
      expect(e).toMatchObject({ kind, status })
      expect(e.message.length).toBeGreaterThan(10)
    })
  }

  it('says what to do on 401 and 403', async () => {
    expect((await failure(() => sampleResponse('err_401_bad_key'))).message).toBe(
      'The API key was not accepted by Redmine. Check it and sign in again.',
    )
    expect((await failure(() => sampleResponse('err_403_jsmith_users'))).message).toBe(
      'You do not have permission to do that on Redmine.',
    )
  })

  it('keeps every 422 message and joins them', async () => {
    const e = await failure(() => sampleResponse('err_422_create_bad_project'))
    expect(e).toMatchObject({
      kind: 'validation',
      status: 422,
      messages: ['Project cannot be blank', 'Tracker cannot be blank', 'Status cannot be blank'],
    })
    expect(e.message).toBe('Project cannot be blank Tracker cannot be blank Status cannot be blank')
    expect(await failure(() => sampleResponse('err_422_bad_parent'))).toMatchObject({
      messages: ['Parent task is invalid'],
    })
  })

  it('reads a 422 with an empty list (stale lock_version) as a conflict, and 409 too', async () => {
    const stale = await failure(() => Response.json({ errors: [] }, { status: 422 }))
    expect(stale).toMatchObject({ kind: 'conflict', status: 422 })
    expect(stale.message).toBe('Someone else changed this issue; reload and try again.')
    expect(await failure(() => new Response(null, { status: 409 }))).toMatchObject({
      kind: 'conflict',
    })
  })

  it('passes our proxy’s 502/504 text through as a network error', async () => {
    for (const status of [502, 504]) {
      const e = await failure(() => Response.json({ error: 'The tracker is down' }, { status }))
      expect(e).toMatchObject({ kind: 'network', status, message: 'The tracker is down' })
    }
  })

  it('maps other 5xx (with any body) to a server error', async () => {
    const e = await failure(() => new Response('<html>oops</html>', { status: 500 }))
    expect(e).toMatchObject({ kind: 'server', status: 500 })
    expect(await failure(() => new Response(null, { status: 503 }))).toMatchObject({
      kind: 'server',
    })
  })

  it('maps a fetch that throws to a network error, but lets an abort through', async () => {
    const e = await failure(() => Promise.reject(new TypeError('fetch failed')))
    expect(e).toMatchObject({ kind: 'network' })
    expect(e.message).toBe('Cannot reach Redmine. Check your connection and try again.')

    const ctl = new AbortController()
    ctl.abort()
    const aborted = http(() => Promise.reject(new DOMException('aborted', 'AbortError')))
    const err = await aborted.h.request('/x.json', { signal: ctl.signal }).catch((x: unknown) => x)
    expect(err).not.toBeInstanceOf(TrackerError)
  })
})

describe('Http requests', () => {
  it('returns undefined for an empty 204 body and sends JSON writes with Content-Type', async () => {
    const { h, seen } = http(() => sampleResponse('put_notes_204'))
    expect(
      await h.request('/issues/1.json', { method: 'PUT', json: { issue: { notes: 'hi' } } }),
    ).toBeUndefined()
    const headers = new Headers(seen[0]!.init.headers)
    expect(headers.get('Content-Type')).toBe('application/json')
    expect(seen[0]!.init.body).toBe('{"issue":{"notes":"hi"}}')
  })

  it('sets the JSON Content-Type even on a write without a body', async () => {
    const { h, seen } = http(() => new Response(null, { status: 204 }))
    await h.request('/issues/1/watchers/5.json', { method: 'POST' })
    expect(new Headers(seen[0]!.init.headers).get('Content-Type')).toBe('application/json')
  })

  it('joins an absolute base and query, and keeps credentials in headers', async () => {
    const { h, seen } = http(() => Response.json({ ok: true }), 'http://127.0.0.1:3300/')
    await h.request('/issues.json', { query: new URLSearchParams({ status_id: '*' }) })
    expect(seen[0]!.url).toBe('http://127.0.0.1:3300/issues.json?status_id=*')
    expect(seen[0]!.url).not.toContain('k3y')
    expect(new Headers(seen[0]!.init.headers).get('X-Redmine-API-Key')).toBe('k3y')
  })

  it('refuses a 200 that is not JSON', async () => {
    const e = await http(() => new Response('<html></html>', { status: 200 }))
      .h.request('/x.json')
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ kind: 'server' })
  })
})
