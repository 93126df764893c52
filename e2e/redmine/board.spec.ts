import type { Page } from '@playwright/test'
import { cardIn, keyboardMove } from '../support/board'
import { redmine, redmineApi } from '../support/redmine-env'
import { expect, test } from '../support/test'

async function signIn(page: Page, key: string) {
  await page.goto('/')
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
}

test('on a real Redmine, a keyboard move changes the status and Redmine records it', async ({
  page,
}) => {
  const demo = await redmineApi<{ project: { id: number } }>('GET', '/projects/demo.json')
  const { issue } = await redmineApi<{ issue: { id: number } }>('POST', '/issues.json', {
    issue: { project_id: demo.project.id, subject: `e2e board move ${Date.now()}` },
  })
  try {
    await signIn(page, redmine.dlopperKey()) // Manager in demo
    await page.goto('/main/projects/demo/board')
    await expect(cardIn(page, /^New/, issue.id)).toBeVisible()
    await keyboardMove(page, cardIn(page, /^New/, issue.id), 'ArrowRight', issue.id, 'In Progress')
    await expect(page.getByText(`Moved #${issue.id} to In Progress.`).first()).toBeVisible()
    await expect(cardIn(page, /^In Progress/, issue.id)).toBeVisible()
    const after = await redmineApi<{
      issue: {
        status: { name: string }
        journals: { user: { name: string }; details: { name: string }[] }[]
      }
    }>('GET', `/issues/${issue.id}.json?include=journals`)
    expect(after.issue.status.name).toBe('In Progress')
    expect(after.issue.journals.at(-1)).toMatchObject({
      user: { name: 'Dave Lopper' },
      details: [expect.objectContaining({ name: 'status_id' })],
    })
  } finally {
    await redmineApi('DELETE', `/issues/${issue.id}.json`)
  }
})

test('on a real Redmine, a Developer cannot move a Closed issue: refused, nothing sent', async ({
  page,
}) => {
  const writes: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'PUT') writes.push(r.url())
  })
  const closed = await redmineApi<{ issues: { id: number }[] }>(
    'GET',
    '/issues.json?project_id=demo&status_id=5&limit=1',
  )
  const id = closed.issues[0]!.id
  await signIn(page, redmine.jsmithKey()) // Developer in demo: allowed_statuses of a Closed issue is []
  await page.goto('/main/projects/demo/board?status=all&collapseClosed=false')
  await expect(cardIn(page, /^Closed/, id)).toBeVisible()
  await keyboardMove(page, cardIn(page, /^Closed/, id), 'ArrowLeft', id, 'Feedback')
  await expect(page.getByText(new RegExp(`#${id} cannot move from Closed`)).first()).toBeVisible()
  await expect(cardIn(page, /^Closed/, id)).toBeVisible()
  expect(writes).toEqual([])
  const after = await redmineApi<{ issue: { status: { name: string } } }>(
    'GET',
    `/issues/${id}.json`,
  )
  expect(after.issue.status.name).toBe('Closed')
})
