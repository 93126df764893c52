// @vitest-environment node
/**
 * A verified move against a real Redmine 5.0.4 (runs only when REDMINE_URL is set). jsmith is a
 * Developer in demo: New -> In Progress is in the default workflow, New -> Rejected is not, and
 * Redmine answers that one with 204 and keeps New. Creates its own issue and deletes it.
 */
import { describe, expect, it } from 'vitest'
import { realRedmineFixture, realRedmineUrl } from '../../test/real-redmine'
import { planMove } from '../../domain/apply-move'
import { MoveNotAppliedError, performMove } from './perform-move'

describe.skipIf(!realRedmineUrl)('board moves against a real Redmine 5', () => {
  const { admin, jsmith, created } = realRedmineFixture()

  it('refuses a 204 that did not apply and confirms one that did', async () => {
    const demo = await jsmith.getProject('demo')
    const issue = await jsmith.createIssue({
      projectId: demo.id,
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
