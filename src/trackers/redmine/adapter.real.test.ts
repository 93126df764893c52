// @vitest-environment node
/**
 * The adapter against a real Redmine 5 (runs only when REDMINE_URL is set: `npm run test:redmine`).
 * Creates the issues it needs and deletes them afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { fetchAllPages } from '../paging'
import { createRedmineAdapter } from './adapter'

const url = process.env.REDMINE_URL
const as = (key: string | undefined) =>
  createRedmineAdapter({
    id: 'main',
    base: url ?? '',
    credentials: key ? { kind: 'apiKey', key } : { kind: 'anonymous' },
  })

describe.skipIf(!url)('Redmine adapter against a real Redmine 5', () => {
  const admin = as(process.env.REDMINE_API_KEY)
  const jsmith = as(process.env.REDMINE_JSMITH_API_KEY)
  const created: number[] = []
  afterAll(async () => {
    for (const id of created) await admin.deleteIssue(id).catch(() => {})
  })

  it('knows who is signed in, and says when a key is wrong', async () => {
    expect(await jsmith.currentUser()).toMatchObject({ login: 'jsmith', name: 'John Smith' })
    await expect(as('0'.repeat(40)).currentUser()).rejects.toMatchObject({ kind: 'auth' })
  })

  it('lists private projects to members only', async () => {
    expect((await jsmith.listProjects()).map((p) => p.identifier)).toContain('ops')
    expect((await as(undefined).listProjects()).map((p) => p.identifier)).not.toContain('ops')
  })

  it('reads every issue by pages', async () => {
    const page = (offset: number, limit: number) =>
      admin
        .listIssues({ status: 'all', offset, limit })
        .then((p) => ({ items: p.issues, totalCount: p.totalCount }))
    const small = await fetchAllPages(page, { pageSize: 3, concurrency: 2 })
    expect(small.items).toHaveLength(small.totalCount)
    expect(new Set(small.items.map((i) => i.id)).size).toBe(small.totalCount)
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
