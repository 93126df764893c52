import { describe, expect, it, vi } from 'vitest'
import { createRedmineAdapter } from './adapter'
import { sampleBody, sampleResponse } from './fixtures/load'
import { TrackerError } from '../tracker'

type Call = { url: string; init: RequestInit }

function fakeFetch(routes: Record<string, string | (() => Response)>) {
  const calls: Call[] = []
  const fn = vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init })
    const path = url.split('?')[0]!
    const route = routes[`${init.method ?? 'GET'} ${path}`]
    if (!route) return new Response('', { status: 599 })
    return typeof route === 'string' ? sampleResponse(route) : route()
  })
  return { fetch: fn, calls }
}

const key = 'abcdef0123456789'
function adapter(routes: Record<string, string | (() => Response)>) {
  const f = fakeFetch(routes)
  const a = createRedmineAdapter({
    id: 'main',
    base: '/t/main',
    credentials: { kind: 'apiKey', key },
    name: 'Redmine',
    fetch: f.fetch,
  })
  return { a, calls: f.calls }
}

describe('Redmine adapter', () => {
  it('reads the current user with the key in a header, never in the URL', async () => {
    const { a, calls } = adapter({ 'GET /t/main/users/current.json': 'users_current_jsmith' })
    const me = await a.currentUser()
    expect(me).toMatchObject({ id: 5, login: 'jsmith', name: 'John Smith', isAdmin: false })
    expect(me.memberships.map((m) => m.project.name)).toEqual(['Demo', 'Ops'])
    expect(calls[0]!.url).not.toContain(key)
    expect(new Headers(calls[0]!.init.headers).get('X-Redmine-API-Key')).toBe(key)
  })

  it('maps the empty-body 401 of a bad key to an auth error a person understands', async () => {
    const { a } = adapter({ 'GET /t/main/users/current.json': 'err_401_bad_key' })
    const err = await a.currentUser().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TrackerError)
    expect(err).toMatchObject({ kind: 'auth', status: 401 })
    expect((err as Error).message).toMatch(/API key was not accepted by Redmine/)
  })

  it('maps 403 and 404 empty bodies', async () => {
    const { a } = adapter({
      'GET /t/main/users/5.json': 'err_403_jsmith_users',
      'GET /t/main/issues/999.json': 'err_404_issue',
    })
    await expect(a.getUser(5)).rejects.toMatchObject({ kind: 'forbidden', status: 403 })
    await expect(a.getIssue(999)).rejects.toMatchObject({ kind: 'not-found', status: 404 })
  })

  it('maps 422 {"errors":[...]} to a validation error keeping the messages', async () => {
    const { a } = adapter({ 'POST /t/main/issues.json': 'err_422_create_empty_subject' })
    const err = await a.createIssue({ projectId: 1, subject: '' }).catch((e: unknown) => e)
    expect(err).toMatchObject({ kind: 'validation', messages: ['Subject cannot be blank'] })
    expect((err as Error).message).toBe('Subject cannot be blank')
  })

  it('treats 422 with an empty list (stale lock_version) as a conflict', async () => {
    const { a } = adapter({
      'PUT /t/main/issues/1.json': () =>
        new Response('{"errors":[]}', {
          status: 422,
          headers: { 'Content-Type': 'application/json' },
        }),
    })
    await expect(a.updateIssue(1, { subject: 'x' })).rejects.toMatchObject({ kind: 'conflict' })
  })

  it('reports an unreachable tracker and the proxy 502/504 messages as network errors', async () => {
    const down = createRedmineAdapter({
      id: 'main',
      base: '/t/main',
      credentials: { kind: 'anonymous' },
      name: 'Redmine',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    })
    await expect(down.listProjects()).rejects.toMatchObject({ kind: 'network' })
    const { a } = adapter({
      'GET /t/main/projects.json': () =>
        new Response('{"error":"The tracker did not answer within 30 s"}', { status: 504 }),
    })
    await expect(a.listProjects()).rejects.toThrow('The tracker did not answer within 30 s')
  })

  it('maps a full issue: status, history, attachments through the proxy, allowed statuses', async () => {
    const { a, calls } = adapter({ 'GET /t/main/issues/7.json': 'issue_full_7' })
    const issue = await a.getIssue(7)
    expect(new URL(calls[0]!.url, 'http://x').searchParams.get('include')).toBe(
      'journals,attachments,relations,children,watchers,allowed_statuses',
    )
    expect(issue.status).toEqual({ id: 1, name: 'New', isClosed: false })
    expect(issue.assignee).toEqual({ id: 5, name: 'John Smith' })
    expect(issue.customFields).toEqual([{ id: 1, name: 'Severity', value: 'critical' }])
    expect(issue.attachments[0]!.contentUrl).toBe('/t/main/attachments/download/1/crash.log')
    expect(issue.history[0]!.details[0]).toEqual({
      property: 'attachment',
      name: '1',
      oldValue: null,
      newValue: 'crash.log',
    })
    expect(issue.relations).toEqual([
      { id: 1, issueId: 1, issueToId: 7, type: 'relates', delay: null },
    ])
    expect(issue.allowedStatuses?.map((s) => s.name)).toContain('Rejected')
    expect(issue.watchers.map((w) => w.name)).toEqual(['Dave Lopper', 'Redmine Admin'])
  })

  it('says a Developer may not move a Closed issue anywhere (allowed_statuses [])', async () => {
    const { a } = adapter({ 'GET /t/main/issues/3.json': 'issue_3_allowed_as_jsmith' })
    const issue = await a.getIssue(3)
    expect(issue.status.isClosed).toBe(true)
    expect(issue.allowedStatuses).toEqual([])
  })

  it('maps an issue page with its total', async () => {
    const { a } = adapter({ 'GET /t/main/issues.json': 'f_page' })
    const page = await a.listIssues({ status: 'all', offset: 3, limit: 3 })
    expect(page).toMatchObject({ totalCount: 10, offset: 3, limit: 3 })
    expect(page.issues).toHaveLength(3)
  })

  it('reads parents and children', async () => {
    const { a } = adapter({
      'GET /t/main/issues/5.json': 'issue_full_5',
      'GET /t/main/issues/6.json': 'issue_full_6',
    })
    expect((await a.getIssue(5)).children).toEqual([
      { id: 6, subject: 'Dark mode: settings toggle', tracker: { id: 2, name: 'Feature' } },
    ])
    expect((await a.getIssue(6)).parent).toEqual({ id: 5 })
  })

  it('lists projects with their hierarchy and privacy', async () => {
    const { a } = adapter({ 'GET /t/main/projects.json': 'projects_include' })
    const projects = await a.listProjects()
    expect(projects.map((p) => [p.identifier, p.isPublic])).toEqual([
      ['demo', true],
      ['ops', false],
    ])
  })

  it('returns no custom fields to a non-admin instead of failing', async () => {
    const { a } = adapter({ 'GET /t/main/custom_fields.json': 'custom_fields_as_jsmith' })
    expect(await a.listCustomFields()).toEqual([])
    const admin = adapter({ 'GET /t/main/custom_fields.json': 'custom_fields' }).a
    expect(await admin.listCustomFields()).toEqual([
      {
        id: 1,
        name: 'Severity',
        format: 'list',
        multiple: false,
        possibleValues: ['minor', 'major', 'critical'],
        isFilter: true,
        trackerIds: [1, 2, 3],
      },
    ])
  })

  it('sends a status change as JSON with Content-Type, and clears fields with ""', async () => {
    const { a, calls } = adapter({ 'PUT /t/main/issues/1.json': 'put_notes_204' })
    await a.updateIssue(1, { statusId: 3, assigneeId: null, notes: 'done' })
    const { init } = calls[0]!
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json')
    expect(JSON.parse(init.body as string)).toEqual({
      issue: { status_id: 3, assigned_to_id: '', notes: 'done' },
    })
  })

  it('sends only the given fields: uploads, custom fields, cleared dates and parent', async () => {
    const { a, calls } = adapter({ 'PUT /t/main/issues/4.json': 'upload_attach_put' })
    await a.updateIssue(4, {
      dueDate: null,
      parentId: null,
      doneRatio: 50,
      customFields: [
        { id: 1, value: 'major' },
        { id: 2, value: null },
      ],
      uploads: [{ token: '2.abc', filename: 'hello.txt', contentType: 'text/plain' }],
    })
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({
      issue: {
        due_date: '',
        parent_issue_id: '',
        done_ratio: 50,
        custom_fields: [
          { id: 1, value: 'major' },
          { id: 2, value: '' },
        ],
        uploads: [
          { token: '2.abc', filename: 'hello.txt', content_type: 'text/plain', description: '' },
        ],
      },
    })
  })

  it('creates an issue with project_id and maps the 201 answer', async () => {
    const { a, calls } = adapter({ 'POST /t/main/issues.json': 'issue_create_201' })
    const issue = await a.createIssue({ projectId: 1, subject: 'New', trackerId: 1 })
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({
      issue: { project_id: 1, subject: 'New', tracker_id: 1 },
    })
    expect(issue.id).toBeGreaterThan(0)
    expect(issue.status.isClosed).toBe(false)
  })

  it('pages through projects and memberships beyond 100', async () => {
    const j = JSON.parse(sampleBody('projects_include')) as { projects: unknown[] }
    const seen: string[] = []
    const a = createRedmineAdapter({
      id: 'main',
      base: '/t/main',
      credentials: { kind: 'apiKey', key },
      fetch: async (url) => {
        const offset = new URL(url, 'http://x').searchParams.get('offset')!
        seen.push(offset)
        const projects = offset === '0' ? Array(100).fill(j.projects[0]) : [j.projects[1]]
        return Response.json({ projects, total_count: 101, offset: Number(offset), limit: 100 })
      },
    })
    expect(await a.listProjects()).toHaveLength(101)
    expect(seen).toEqual(['0', '100'])
  })

  it('uploads as octet-stream and returns the token to attach', async () => {
    const { a, calls } = adapter({ 'POST /t/main/uploads.json': 'upload_201' })
    const progress: number[] = []
    const up = await a.uploadFile(new Blob(['hello'], { type: 'text/plain' }), 'a b.txt', (p) =>
      progress.push(p.loaded),
    )
    expect(up.token).toMatch(/^2\.[0-9a-f]{64}$/)
    expect(up).toMatchObject({ filename: 'a b.txt', contentType: 'text/plain' })
    expect(calls[0]!.url).toBe('/t/main/uploads.json?filename=a%20b.txt')
    expect(new Headers(calls[0]!.init.headers).get('Content-Type')).toBe('application/octet-stream')
    expect(progress).toEqual([0, 5])
  })

  it('sends Basic credentials in the Authorization header', async () => {
    const f = fakeFetch({ 'GET /t/main/users/current.json': 'ok_basic_auth' })
    const a = createRedmineAdapter({
      id: 'main',
      base: '/t/main',
      credentials: { kind: 'basic', username: 'jsmith', password: 'pässword' },
      fetch: f.fetch,
    })
    await a.currentUser()
    const auth = new Headers(f.calls[0]!.init.headers).get('Authorization')!
    expect(
      new TextDecoder().decode(Uint8Array.from(atob(auth.slice(6)), (c) => c.charCodeAt(0))),
    ).toBe('jsmith:pässword')
    expect(f.calls[0]!.url).not.toContain('jsmith')
  })
})
