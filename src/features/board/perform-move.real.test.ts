// @vitest-environment node
/**
 * A verified move against a real Redmine 5.0.4 (runs only when REDMINE_URL is set). jsmith is a
 * Developer in demo: New -> In Progress is in the default workflow, New -> Rejected is not, and
 * Redmine answers that one with 204 and keeps New. Creates its own issue and deletes it.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { planMove } from '../../domain/apply-move'
import { createRedmineAdapter } from '../../trackers/redmine/adapter'
import { MoveNotAppliedError, performMove } from './perform-move'

const url = process.env.REDMINE_URL
const as = (key: string | undefined) =>
  createRedmineAdapter({
    id: 'main',
    base: url ?? '',
    credentials: key ? { kind: 'apiKey', key } : { kind: 'anonymous' },
  })

describe.skipIf(!url)('board moves against a real Redmine 5', () => {
  const admin = as(process.env.REDMINE_API_KEY)
  const jsmith = as(process.env.REDMINE_JSMITH_API_KEY)
  const created: number[] = []
  afterAll(async () => {
    for (const id of created) await admin.deleteIssue(id).catch(() => {})
  })

  it('refuses a 204 that did not apply and confirms one that did', async () => {
    const issue = await jsmith.createIssue({
      projectId: 1,
      trackerId: 1,
      subject: 'board move check',
    })
    created.push(issue.id)
    expect(issue.status.name).toBe('New')
    const allowed = (await jsmith.getIssue(issue.id)).allowedStatuses?.map((s) => s.name)
    expect(allowed).toContain('In Progress')
    expect(allowed).not.toContain('Rejected')

    const rejected = { id: 6, name: 'Rejected', isClosed: true }
    const bad = planMove(issue, { status: rejected })!
    await expect(performMove(jsmith, bad)).rejects.toBeInstanceOf(MoveNotAppliedError)
    expect((await admin.getIssue(issue.id)).status.name).toBe('New')

    const good = planMove(issue, { status: { id: 2, name: 'In Progress', isClosed: false } })!
    await expect(performMove(jsmith, good)).resolves.toBeUndefined()
    expect((await admin.getIssue(issue.id)).status.name).toBe('In Progress')
  })
})
