/**
 * The issue table's filters against the bundled tracker's own `/issues.json` (issue #4): the same
 * ids for each filter, filters that survive reload and back/forward, and a refresh that picks up
 * another user's edit with at most two list requests and no page load.
 */
import type { Page } from '@playwright/test'
import {
  filterState,
  issueListRequests,
  settledCount,
  openSignedIn,
  tableIds,
  trackerIds,
  trackerIdsUnion,
  viewPath,
  type ViewSearch,
} from '../support/table'
import { expect, test } from '../support/test'

type DemoUser = { login: string; apiKey: string }
type IssuesPage = { issues: { id: number; subject: string }[]; total_count: number }

// cgarcia is a Developer in Web Platform (webapp, 262 seeded issues); amartin manages it.
const PROJECT = 'webapp'

async function demoKey(page: Page, login: string): Promise<string> {
  const config = await (await page.request.get('/api/config')).json()
  return (config.trackers[0].demoUsers as DemoUser[]).find((u) => u.login === login)!.apiKey
}

/** GET or PUT on the bundled tracker's API as the user whose key is given. */
function trackerApi(page: Page, key: string) {
  return async <T = IssuesPage>(path: string, put?: unknown): Promise<T> => {
    const res = await page.request.fetch(`/t/local${path}`, {
      method: put === undefined ? 'GET' : 'PUT',
      headers: { 'X-Redmine-API-Key': key, 'Content-Type': 'application/json' },
      data: put === undefined ? undefined : JSON.stringify(put),
    })
    expect(res.ok(), `${path}: HTTP ${res.status()}`).toBe(true)
    const text = await res.text()
    return (text ? JSON.parse(text) : undefined) as T
  }
}

async function severityId(page: Page): Promise<number> {
  const admin = trackerApi(page, await demoKey(page, 'admin'))
  const { custom_fields } = await admin<{ custom_fields: { id: number; name: string }[] }>(
    '/custom_fields.json',
  )
  return custom_fields.find((f) => f.name === 'Severity')!.id
}

interface Combo {
  name: string
  /** The view's search params, pasted as a link. */
  search: (cf: number) => ViewSearch
  /** Then set through the filter bar, if anything. */
  viaBar?: (page: Page) => Promise<void>
  /** The same filter in the tracker's terms (several are OR-ed). */
  queries: (cf: number) => string[]
}

const base = `project_id=${PROJECT}`
const combos: Combo[] = [
  {
    name: 'a custom field: Severity critical, any status',
    search: (cf) => ({ status: 'all', cf: { [cf]: ['critical'] } }),
    queries: (cf) => [`${base}&status_id=*&cf_${cf}=critical`],
  },
  {
    name: 'assignee me, open, Severity major or critical',
    search: (cf) => ({ assignee: ['me'], cf: { [cf]: ['major', 'critical'] } }),
    queries: (cf) => [`${base}&status_id=open&assigned_to_id=me&cf_${cf}=major|critical`],
  },
  {
    name: 'closed issues, chosen in the filter bar',
    search: () => ({}),
    viaBar: async (page) => {
      await page.getByRole('combobox', { name: 'Issues' }).selectOption('Closed')
    },
    queries: () => [`${base}&status_id=closed`],
  },
  {
    name: 'created 2025-05-01 to 2025-05-26 (issues on both edges), typed into the date inputs',
    search: () => ({ status: 'all' }),
    viaBar: async (page) => {
      await page.getByText('Dates and attachments').click()
      await page.getByLabel('Created from', { exact: true }).fill('2025-05-01')
      await page.getByLabel('Created to', { exact: true }).fill('2025-05-26')
    },
    queries: () => [
      `${base}&status_id=*&created_on=${encodeURIComponent('><2025-05-01|2025-05-26')}`,
    ],
  },
  {
    name: 'text in the subject or the description',
    search: () => ({ status: 'all', q: 'search' }),
    queries: () => [
      `${base}&status_id=*&subject=${encodeURIComponent('~search')}`,
      `${base}&status_id=*&description=${encodeURIComponent('~search')}`,
    ],
  },
  {
    name: 'closed and updated 2025-05-31 to 2025-06-02 (issues on both edges)',
    search: () => ({ status: 'closed', updatedFrom: '2025-05-31', updatedTo: '2025-06-02' }),
    queries: () => [
      `${base}&status_id=closed&updated_on=${encodeURIComponent('><2025-05-31|2025-06-02')}`,
    ],
  },
]

for (const c of combos) {
  test(`table filter = tracker filter: ${c.name}`, async ({ page }) => {
    const cf = await severityId(page)
    const key = await demoKey(page, 'cgarcia')
    const api = trackerApi(page, key)
    const [expected, everything] = await Promise.all([
      trackerIdsUnion(api, c.queries(cf)),
      trackerIds(api, `${base}&status_id=*`),
    ])
    // A filter that keeps nothing, or everything, would prove little.
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(everything.length)

    await openSignedIn(page, key, viewPath('local', PROJECT, c.search(cf)))
    await settledCount(page)
    await c.viaBar?.(page)
    await expect.poll(() => tableIds(page)).toEqual(expected)
  })
}

/**
 * Pasted: a custom field and a due date; then assignee "Me" added in the filter bar. Returns the
 * tracker's ids for that filter, what the page shows of it, and its URL.
 */
async function openFilteredView(page: Page) {
  const cf = await severityId(page)
  const key = await demoKey(page, 'cgarcia')
  const expected = await trackerIds(
    trackerApi(page, key),
    `${base}&status_id=open&assigned_to_id=me&cf_${cf}=major|critical&due_date=${encodeURIComponent('>=2025-01-01')}`,
  )
  expect(expected.length).toBeGreaterThan(0)
  await openSignedIn(
    page,
    key,
    viewPath('local', PROJECT, { cf: { [cf]: ['major', 'critical'] }, dueFrom: '2025-01-01' }),
  )
  await settledCount(page)
  await page.getByRole('combobox', { name: 'Assignee' }).selectOption('Me')
  await expect.poll(() => tableIds(page)).toEqual(expected)
  const shown = await filterState(page)
  expect(shown.chips).toContain('Assignee: Me ×')
  expect(shown).toMatchObject({ issues: 'open', dates: ['', '', '', '', '2025-01-01', ''] })
  return { expected, shown, url: page.url() }
}

test('filters survive a reload: same rows, same chips and inputs', async ({ page }) => {
  const { expected, shown, url } = await openFilteredView(page)
  await page.reload()
  await expect.poll(() => tableIds(page)).toEqual(expected)
  expect(await filterState(page)).toEqual(shown)
  expect(page.url()).toBe(url)
})

test('filters survive going away and back, and forward and back', async ({ page }) => {
  const { expected, shown, url } = await openFilteredView(page)
  const issueUrl = new RegExp(`/local/issues/${expected[0]}$`)
  await page
    .getByRole('table')
    .getByRole('link', { name: new RegExp(`^#${expected[0]} `) })
    .click()
  await expect(page).toHaveURL(issueUrl)
  await expect(page.getByRole('table')).toHaveCount(0)
  await page.goBack()
  await expect(page).toHaveURL(url)
  await expect.poll(() => tableIds(page)).toEqual(expected)
  expect(await filterState(page)).toEqual(shown)

  await page.goForward()
  await expect(page).toHaveURL(issueUrl)
  await page.goBack()
  await expect(page).toHaveURL(url)
  await expect.poll(() => tableIds(page)).toEqual(expected)
  expect(await filterState(page)).toEqual(shown)
})

test('another user’s edit shows after Refresh: at most 2 list requests, no page load', async ({
  page,
}) => {
  const cf = await severityId(page)
  const key = await demoKey(page, 'cgarcia')
  const manager = trackerApi(page, await demoKey(page, 'amartin'))
  const mine = await trackerIds(
    trackerApi(page, key),
    `${base}&status_id=open&assigned_to_id=me&cf_${cf}=major|critical`,
  )
  await openSignedIn(
    page,
    key,
    viewPath('local', PROJECT, { assignee: ['me'], cf: { [cf]: ['major', 'critical'] } }),
  )
  await expect.poll(() => tableIds(page)).toEqual(mine)

  const id = mine[0]!
  const { issue } = await manager<{ issue: { subject: string } }>(`/issues/${id}.json`)
  const edited = `${issue.subject} (edited ${Date.now()})`
  await page.evaluate(() => Object.assign(window, { __tableMarker: 'kept' }))
  let loads = 0
  page.on('load', () => loads++)
  try {
    await manager(`/issues/${id}.json`, { issue: { subject: edited } })
    const requests = issueListRequests(page)
    await page.getByRole('button', { name: 'Refresh', exact: true }).click()
    await expect(page.getByRole('link', { name: `#${id} ${edited}` })).toBeVisible()
    await settledCount(page)
    expect(requests.length, requests.join('\n')).toBeGreaterThanOrEqual(1)
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(2)
    expect(loads).toBe(0)
    expect(await page.evaluate(() => (window as { __tableMarker?: string }).__tableMarker)).toBe(
      'kept',
    )
    expect(await tableIds(page)).toEqual(mine)
  } finally {
    await manager(`/issues/${id}.json`, { issue: { subject: issue.subject } })
  }
})
