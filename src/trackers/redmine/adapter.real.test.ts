// @vitest-environment node
/**
 * The adapter against a real Redmine 5 (runs only when REDMINE_URL is set: `npm run test:redmine`).
 * Creates the issues it needs and deletes them afterwards.
 */
import { describe, expect, it } from 'vitest'
import { realRedmineFixture, realRedmineUrl, redmineAs, redmineWith } from '../../test/real-redmine'
import { fetchAllPages } from '../paging'

describe.skipIf(!realRedmineUrl)('Redmine adapter against a real Redmine 5', () => {
  const { admin, jsmith, created } = realRedmineFixture()

  it('knows who is signed in, and says when a key is wrong', async () => {
    const me = await jsmith.currentUser()
    expect(me).toMatchObject({ id: 5, login: 'jsmith', name: 'John Smith', isAdmin: false })
    expect(me.apiKey).toBe(process.env.REDMINE_JSMITH_API_KEY)
    expect(me.memberships.map((m) => m.project.name).sort()).toEqual(['Demo', 'Ops'])
    await expect(redmineAs('0'.repeat(40)).currentUser()).rejects.toMatchObject({ kind: 'auth' })
  })

  it('exchanges Basic credentials for the user’s API key', async () => {
    const basic = redmineWith({ kind: 'basic', username: 'dlopper', password: 'password123' })
    const me = await basic.currentUser()
    expect(me).toMatchObject({ id: 6, login: 'dlopper' })
    expect(me.apiKey).toBe(process.env.REDMINE_DLOPPER_API_KEY)
    const wrong = redmineWith({ kind: 'basic', username: 'dlopper', password: 'nope' })
    await expect(wrong.currentUser()).rejects.toMatchObject({ kind: 'auth', status: 401 })
  })

  it('reads issue #1 with its history (jsmith moved it to In Progress, with notes)', async () => {
    const one = await jsmith.getIssue(1)
    expect(one.status).toEqual({ id: 2, name: 'In Progress', isClosed: false })
    expect(one.history.length).toBeGreaterThan(0)
    const move = one.history.find((h) => h.details.some((d) => d.name === 'status_id'))
    expect(move?.user.name).toBe('John Smith')
    expect(move?.details.find((d) => d.name === 'status_id')?.newValue).toBe('2')
    expect(one.history.some((h) => h.notes.length > 0)).toBe(true)
    expect(one.allowedStatuses?.length).toBeGreaterThan(0)
  })

  it('reads statuses, trackers, priorities, members and custom fields (none for non-admins)', async () => {
    expect((await jsmith.listStatuses()).map((s) => s.name)).toContain('Rejected')
    expect((await jsmith.listTypes()).map((t) => t.name)).toContain('Bug')
    expect((await jsmith.listPriorities()).find((p) => p.isDefault)?.name).toBe('Normal')
    expect((await jsmith.listMembers('demo')).map((m) => m.principal.name)).toContain('John Smith')
    expect(await jsmith.listCustomFields()).toEqual([])
    expect((await admin.listCustomFields()).map((f) => f.name)).toContain('Severity')
  })

  it('lists private projects to members only', async () => {
    expect((await jsmith.listProjects()).map((p) => p.identifier)).toContain('ops')
    expect((await redmineAs(undefined).listProjects()).map((p) => p.identifier)).not.toContain(
      'ops',
    )
  })

  it('reads every issue by pages', async () => {
    // Ascending ids, so issues other test runs create meanwhile only add to the end. As jsmith:
    // the admin also sees the 5,000-issue `perf` project where redmine-perf-seed.sh has run.
    const page = (offset: number, limit: number) =>
      jsmith
        .listIssues({ status: 'all', offset, limit, sort: [{ field: 'id', desc: false }] })
        .then((p) => ({ items: p.issues, totalCount: p.totalCount }))
    const small = await fetchAllPages(page, { pageSize: 3, concurrency: 2 })
    const ids = small.items.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(ids.length).toBeGreaterThanOrEqual(10)
    expect(ids.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const big = await fetchAllPages(page, { pageSize: 100 })
    expect(big.items.slice(0, 10).map((i) => i.id)).toEqual(ids.slice(0, 10))
    // A limit above 100 is capped, never an error.
    const capped = await jsmith.listIssues({ status: 'all', offset: 0, limit: 1000 })
    expect(capped.limit).toBeLessThanOrEqual(100)
  })

  it('detects a status change Redmine ignored (204) by reading the issue back', async () => {
    const demo = await admin.getProject('demo')
    const issue = await admin.createIssue({
      projectId: demo.id,
      subject: 'adapter.real: ignored move',
    })
    created.push(issue.id)
    // Developers may not reject (default workflow): Redmine answers 204 and keeps "New".
    await jsmith.updateIssue(issue.id, { statusId: 6, notes: 'reject?' })
    const after = await jsmith.getIssue(issue.id)
    expect(after.status.name).toBe('New')
    expect(after.history.at(-1)?.notes).toBe('reject?')
    expect(after.allowedStatuses?.map((s) => s.name)).not.toContain('Rejected')
  })

  it('uploads a file and attaches it with the token', async () => {
    const demo = await admin.getProject('demo')
    const issue = await admin.createIssue({ projectId: demo.id, subject: 'adapter.real: upload' })
    created.push(issue.id)
    const up = await admin.uploadFile(
      new Blob(['hello redmine\n'], { type: 'text/plain' }),
      'hello.txt',
    )
    await admin.updateIssue(issue.id, { uploads: [up], notes: 'attached' })
    const after = await admin.getIssue(issue.id)
    expect(after.attachments.map((a) => [a.filename, a.filesize])).toEqual([['hello.txt', 14]])
    expect(after.attachments[0]!.contentUrl).toMatch(
      /^\/?.*\/attachments\/download\/\d+\/hello\.txt$/,
    )
  })

  it('turns a 422 into a validation error with Redmine’s message', async () => {
    const demo = await admin.getProject('demo')
    await expect(admin.createIssue({ projectId: demo.id, subject: '' })).rejects.toMatchObject({
      kind: 'validation',
      messages: ['Subject cannot be blank'],
    })
  })
})
