// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTracker, type TestTracker } from './test-support'

let t: TestTracker
beforeAll(async () => {
  t = await makeTracker({ seedIssues: 10 })
})
afterAll(() => t.close())

interface Journal {
  user: { id: number }
  notes: string
  details: { property: string; name: string; old_value: string | null; new_value: string | null }[]
}
interface Issue {
  id: number
  status: { id: number }
  subject: string
  journals?: Journal[]
  allowed_statuses?: { id: number }[]
}

const show = async (id: number, as = 'admin'): Promise<Issue> =>
  (await t.getJson<{ issue: Issue }>(`/issues/${id}.json?include=journals,allowed_statuses`, as))
    .issue

async function create(fields: Record<string, unknown>, as = 'admin'): Promise<Issue> {
  const res = await t.req('POST', '/issues.json', {
    as,
    body: { issue: { project_id: 'demo', ...fields } },
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { issue: Issue }).issue
}

describe('issue writes', () => {
  it('POST: 201 + Location + body; status_id ignored; unknown tracker -> default', async () => {
    const res = await t.req('POST', '/issues.json', {
      body: { issue: { project_id: 'demo', subject: 'Created', status_id: 5, tracker_id: 99 } },
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { issue: Record<string, unknown> & Issue }
    expect(res.headers.get('Location')).toBe(`http://tracker.test/issues/${body.issue.id}`)
    expect(body.issue.status).toEqual({ id: 1, name: 'New', is_closed: false })
    expect(body.issue.tracker).toEqual({ id: 1, name: 'Bug' })
    expect('spent_hours' in body.issue).toBe(false)
  })

  it('POST: 422 shapes with Redmine messages', async () => {
    const blank = await t.req('POST', '/issues.json', {
      body: { issue: { project_id: 'demo', subject: ' ' } },
    })
    expect(blank.status).toBe(422)
    expect(await blank.json()).toEqual({ errors: ['Subject cannot be blank'] })
    const noProject = await t.req('POST', '/issues.json', {
      body: { issue: { project_id: 999, subject: 'x' } },
    })
    expect(await noProject.json()).toEqual({
      errors: ['Project cannot be blank', 'Tracker cannot be blank', 'Status cannot be blank'],
    })
    const prio = await t.req('PUT', '/issues/4.json', { body: { issue: { priority_id: 99 } } })
    expect(await prio.json()).toEqual({ errors: ['Priority cannot be blank'] })
    const parent = await t.req('PUT', '/issues/4.json', {
      body: { issue: { parent_issue_id: 99999 } },
    })
    expect(await parent.json()).toEqual({ errors: ['Parent task is invalid'] })
  })

  it('malformed JSON -> 400 empty; a body without Content-Type JSON is a 204 no-op', async () => {
    const bad = await t.req('PUT', '/issues/4.json', {
      raw: '{"issue":',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toBe('')
    const before = await show(4)
    const noop = await t.req('PUT', '/issues/4.json', {
      raw: JSON.stringify({ issue: { subject: 'changed' } }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(noop.status).toBe(204)
    expect((await show(4)).subject).toBe(before.subject)
  })

  it('a status change the workflow forbids is ignored with 204; the notes are saved', async () => {
    // jsmith is a Developer in demo: In Progress -> Rejected is not in the default workflow.
    const res = await t.req('PUT', '/issues/1.json', {
      as: 'jsmith',
      body: { issue: { status_id: 6, notes: 'try to reject' } },
    })
    expect(res.status).toBe(204)
    const after = await show(1)
    expect(after.status.id).toBe(2)
    const last = after.journals?.at(-1)
    expect(last).toMatchObject({ notes: 'try to reject', details: [] })
  })

  it('a Reporter may only make the workflow transitions (Feedback -> Closed), not edit fields', async () => {
    const issue = await create({ subject: 'Reporter', project_id: 'webapp' })
    await t.req('PUT', `/issues/${issue.id}.json`, { body: { issue: { status_id: 4 } } })
    // dkowalski is a Reporter in webapp.
    const res = await t.req('PUT', `/issues/${issue.id}.json`, {
      as: 'dkowalski',
      body: { issue: { status_id: 5, subject: 'renamed', notes: 'done' } },
    })
    expect(res.status).toBe(204)
    const after = await show(issue.id)
    expect(after.status.id).toBe(5)
    expect(after.subject).toBe('Reporter')
    expect(after.journals?.at(-1)).toMatchObject({
      notes: 'done',
      details: [{ property: 'attr', name: 'status_id', old_value: '4', new_value: '5' }],
    })
  })

  it('is_private is only settable with set_issues_private (not by a Developer)', async () => {
    const dev = await create({ subject: 'Dev private?', is_private: true }, 'jsmith')
    expect((dev as unknown as { is_private: boolean }).is_private).toBe(false)
    const mgr = await create({ subject: 'Manager private', is_private: true }, 'dlopper')
    expect((mgr as unknown as { is_private: boolean }).is_private).toBe(true)
  })

  it('allowed_statuses: Developer on Closed gets [], admin gets all', async () => {
    expect((await show(3, 'jsmith')).allowed_statuses).toEqual([])
    expect((await show(1, 'jsmith')).allowed_statuses?.map((s) => s.id)).toEqual([2, 3, 4, 5])
    expect((await show(3)).allowed_statuses?.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('an allowed change writes a journal with attr details', async () => {
    const issue = await create({ subject: 'Workflow', assigned_to_id: 5 })
    const res = await t.req('PUT', `/issues/${issue.id}.json`, {
      as: 'jsmith',
      body: { issue: { status_id: 2, done_ratio: 20, notes: 'started' } },
    })
    expect(res.status).toBe(204)
    const after = await show(issue.id)
    expect(after.status.id).toBe(2)
    expect(after.journals).toHaveLength(1)
    expect(after.journals?.[0]).toMatchObject({
      user: { id: 5 },
      notes: 'started',
      details: [
        { property: 'attr', name: 'status_id', old_value: '1', new_value: '2' },
        { property: 'attr', name: 'done_ratio', old_value: '0', new_value: '20' },
      ],
    })
  })

  it('a stale lock_version -> 422 {"errors":[]} and nothing saved', async () => {
    const issue = await create({ subject: 'Locked' })
    expect(
      (
        await t.req('PUT', `/issues/${issue.id}.json`, {
          body: { issue: { subject: 'v1', lock_version: 0 } },
        })
      ).status,
    ).toBe(204)
    const stale = await t.req('PUT', `/issues/${issue.id}.json`, {
      body: { issue: { subject: 'v2', lock_version: 0 } },
    })
    expect(stale.status).toBe(422)
    expect(await stale.json()).toEqual({ errors: [] })
    expect((await show(issue.id)).subject).toBe('v1')
  })

  it('a change and its journal commit together or not at all', async () => {
    const issue = await create({ subject: 'Atomic' })
    // Make the journal insert fail inside the same transaction as the issue update.
    const { createClient } = await import('@libsql/client')
    const raw = createClient({ url: `file:${t.dataDir}/trackboard.db` })
    await raw.execute(
      "CREATE TRIGGER fail_journal BEFORE INSERT ON journals WHEN NEW.notes = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    )
    raw.close()
    const res = await t.req('PUT', `/issues/${issue.id}.json`, {
      body: { issue: { subject: 'Changed', notes: 'boom' } },
    })
    expect(res.status).toBe(500)
    const after = await show(issue.id)
    expect(after.subject).toBe('Atomic')
    expect(after.journals).toEqual([])
  })

  it('a GET after a write never sees the cached pre-write response', async () => {
    const issue = await create({ subject: 'Cached' })
    const url = `/issues.json?issue_id=${issue.id}&status_id=*`
    const before = await t.getJson<{ issues: { subject: string }[] }>(url)
    expect(before.issues[0]?.subject).toBe('Cached')
    await t.req('PUT', `/issues/${issue.id}.json`, { body: { issue: { subject: 'Fresh' } } })
    const after = await t.getJson<{ issues: { subject: string }[] }>(url)
    expect(after.issues[0]?.subject).toBe('Fresh')
  })

  it('parents derive priority, dates and done ratio from subtasks, with child_id journals', async () => {
    const parent = await create({ subject: 'Parent', priority_id: 1 })
    const c = await create({
      subject: 'C',
      parent_issue_id: parent.id,
      priority_id: 4,
      start_date: '2030-01-05',
      due_date: '2030-02-01',
      estimated_hours: 3,
      done_ratio: 20,
    })
    await create({
      subject: 'D',
      parent_issue_id: parent.id,
      start_date: '2030-01-01',
      estimated_hours: 1,
      done_ratio: 60,
    })
    type Derived = Issue & {
      priority: { id: number }
      start_date: string
      due_date: string
      done_ratio: number
    }
    const p = (await t.getJson<{ issue: Derived }>(`/issues/${parent.id}.json?include=journals`))
      .issue
    expect(p).toMatchObject({
      priority: { id: 4 },
      start_date: '2030-01-01',
      due_date: '2030-02-01',
      done_ratio: 30,
    })
    expect(p.journals?.[0]?.details).toEqual([
      { property: 'attr', name: 'child_id', old_value: null, new_value: String(c.id) },
    ])
    // Derived fields cannot be set on the parent; closing a child counts it as 100%.
    await t.req('PUT', `/issues/${parent.id}.json`, {
      body: { issue: { done_ratio: 70, priority_id: 5 } },
    })
    const kept = (await t.getJson<{ issue: Derived }>(`/issues/${parent.id}.json`)).issue
    expect(kept).toMatchObject({ priority: { id: 4 }, done_ratio: 30 })
    await t.req('PUT', `/issues/${c.id}.json`, { body: { issue: { status_id: 5 } } })
    const after = (await t.getJson<{ issue: Derived }>(`/issues/${parent.id}.json`)).issue
    // (3h x 100% + 1h x 60%) / (2h average x 2 children) = 90; highest open child priority: Normal.
    expect(after).toMatchObject({ priority: { id: 2 }, done_ratio: 90 })
  })

  it('DELETE removes the issue and its subtasks', async () => {
    const parent = await create({ subject: 'Parent' })
    const child = await create({ subject: 'Child', parent_issue_id: parent.id })
    expect((await t.req('DELETE', `/issues/${parent.id}.json`)).status).toBe(204)
    expect((await t.req('GET', `/issues/${child.id}.json`)).status).toBe(404)
  })
})
