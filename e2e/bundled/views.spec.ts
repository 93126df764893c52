import type { Page } from '@playwright/test'
import { keyboardMove } from '../support/board'
import { expect, test } from '../support/test'

type DemoUser = { login: string; apiKey: string }

async function demoKey(page: Page, login: string): Promise<string> {
  const config = await (await page.request.get('/api/config')).json()
  return (config.trackers[0].demoUsers as DemoUser[]).find((u) => u.login === login)!.apiKey
}

async function signIn(page: Page, login: string): Promise<string> {
  const key = await demoKey(page, login)
  await page.goto('/')
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
  return key
}

/** The tracker's own answer, straight from its API, to compare the screen with. */
async function api<T>(
  page: Page,
  key: string,
  path: string,
  init: { method?: string; data?: unknown } = {},
) {
  const res = await page.request.fetch(`/t/local${path}`, {
    method: init.method ?? 'GET',
    headers: { 'X-Redmine-API-Key': key, 'Content-Type': 'application/json' },
    data: init.data === undefined ? undefined : JSON.stringify(init.data),
  })
  expect(res.ok(), `${path}: HTTP ${res.status()}`).toBe(true)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** The ids of the issue rows on screen, in ascending order. */
const rowIds = (page: Page) =>
  page
    .getByRole('link', { name: /^#\d+ / })
    .evaluateAll((links) =>
      links
        .map((a) => Number(/^#(\d+)/.exec(a.getAttribute('aria-label') ?? '')?.[1]))
        .sort((x, y) => x - y),
    )

test('the table shows exactly what Redmine’s own filter returns, and the filter survives a reload', async ({
  page,
}) => {
  const key = await signIn(page, 'jsmith')
  const expected = await api<{ issues: { id: number }[] }>(
    page,
    key,
    '/issues.json?project_id=demo&status_id=*&subject=~dark&limit=100',
  )
  expect(expected.issues.length).toBeGreaterThan(0)
  await page.goto('/local/projects/demo/issues?status=all')
  await expect(page.getByRole('link', { name: /^#7 / })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search' }).fill('dark')
  await expect
    .poll(() => rowIds(page))
    .toEqual(expected.issues.map((i) => i.id).sort((a, b) => a - b))
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('dark')
  await expect
    .poll(() => rowIds(page))
    .toEqual(expected.issues.map((i) => i.id).sort((a, b) => a - b))
})

test('a card moved by keyboard changes the issue’s status on the tracker, with a journal', async ({
  page,
}) => {
  const adminKey = await demoKey(page, 'admin')
  const demo = await api<{ project: { id: number } }>(page, adminKey, '/projects/demo.json')
  const { issue } = await api<{ issue: { id: number } }>(page, adminKey, '/issues.json', {
    method: 'POST',
    data: { issue: { project_id: demo.project.id, subject: `e2e board move ${Date.now()}` } },
  })
  await signIn(page, 'dlopper') // Manager in demo: New -> In Progress is allowed
  await page.goto('/local/projects/demo/board')
  const card = page.getByRole('button', { name: new RegExp(`^#${issue.id} `) })
  await expect(
    page
      .getByRole('region', { name: /^New/ })
      .getByRole('button', { name: new RegExp(`^#${issue.id} `) }),
  ).toBeVisible()
  await keyboardMove(page, card, 'ArrowRight', issue.id, 'In Progress')
  await expect(page.getByText(`Moved #${issue.id} to In Progress.`)).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: /^In Progress/ })
      .getByRole('button', { name: new RegExp(`^#${issue.id} `) }),
  ).toBeVisible()

  const after = await api<{
    issue: {
      status: { name: string }
      journals: { details: { name: string; new_value: string }[] }[]
    }
  }>(page, adminKey, `/issues/${issue.id}.json?include=journals`)
  expect(after.issue.status.name).toBe('In Progress')
  expect(after.issue.journals.at(-1)!.details).toContainEqual(
    expect.objectContaining({ name: 'status_id', new_value: '2' }),
  )
  await api(page, adminKey, `/issues/${issue.id}.json`, { method: 'DELETE' })
})

test('a move the workflow forbids is refused, sends nothing, and the card stays', async ({
  page,
}) => {
  const key = await signIn(page, 'jsmith') // Developer in demo: #3 is Closed, allowed_statuses is []
  const writes: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'PUT') writes.push(r.url())
  })
  await page.goto('/local/projects/demo/board?status=all&collapseClosed=false')
  const closed = page.getByRole('region', { name: /^Closed/ })
  const card = closed.getByRole('button', { name: /^#3 / })
  await expect(card).toBeVisible()
  await keyboardMove(page, card, 'ArrowLeft', 3, 'Feedback')
  await expect(
    page.getByText(/#3 cannot move from Closed to .*: the workflow does not allow it/).first(),
  ).toBeVisible()
  await expect(closed.getByRole('button', { name: /^#3 / })).toBeVisible()
  expect(writes).toEqual([])
  const after = await api<{ issue: { status: { name: string } } }>(page, key, '/issues/3.json')
  expect(after.issue.status.name).toBe('Closed')
})
