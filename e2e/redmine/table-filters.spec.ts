/**
 * The issue table's filters against a real Redmine 5.0's own `/issues.json` (issue #4), as John
 * Smith (Developer in demo): the same ids for each filter, filters that survive reload and
 * back/forward, and a refresh that picks up another user's edit with at most two list requests
 * and no page load. Issues created here are deleted afterwards.
 */
import type { Page } from '@playwright/test'
import { redmine, redmineApi } from '../support/redmine-env'
import {
  filterState,
  issueListRequests,
  openSignedIn,
  settledCount,
  tableIds,
  trackerIds,
  trackerIdsUnion,
  viewPath,
  type ViewSearch,
} from '../support/table'
import { expect, test } from '../support/test'

type IssuesPage = { issues: { id: number }[]; total_count: number }

/** GET on Redmine itself as John Smith, so `me` and visibility are his. */
async function asJsmith(path: string): Promise<IssuesPage> {
  const res = await fetch(`${redmine.url()}${path}`, {
    headers: { 'X-Redmine-API-Key': redmine.jsmithKey() },
  })
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`)
  return (await res.json()) as IssuesPage
}

const enc = encodeURIComponent
const demo = 'project_id=demo'

interface Fixture {
  cf: number
  jsmith: number
  /** Unique text in our issues' subjects (and one description). */
  token: string
  ids: number[]
}
let fx: Fixture

test.beforeAll(async () => {
  test.setTimeout(60_000) // several writes to a Redmine that serves one request at a time
  const [{ custom_fields }, { users }, { project }] = await Promise.all([
    redmineApi<{ custom_fields: { id: number; name: string }[] }>('GET', '/custom_fields.json'),
    redmineApi<{ users: { id: number; login: string }[] }>('GET', '/users.json?name=jsmith'),
    redmineApi<{ project: { id: number } }>('GET', '/projects/demo.json'),
  ])
  const cf = custom_fields.find((f) => f.name === 'Severity')!.id
  const jsmith = users.find((u) => u.login === 'jsmith')!.id
  const token = `tbl${Date.now().toString(36)}`
  fx = { cf, jsmith, token, ids: [] }
  const create = async (fields: Record<string, unknown>, severity: string) => {
    const { issue } = await redmineApi<{ issue: { id: number } }>('POST', '/issues.json', {
      issue: {
        project_id: project.id,
        custom_fields: [{ id: cf, value: severity }],
        ...fields,
      },
    })
    fx.ids.push(issue.id)
    return issue.id
  }
  await create(
    { subject: `${token} alpha`, assigned_to_id: jsmith, due_date: '2031-03-10' },
    'critical',
  )
  const beta = await create(
    { subject: `${token} beta`, assigned_to_id: jsmith, due_date: '2031-03-20' },
    'major',
  )
  await create(
    {
      subject: 'Table parity gamma',
      description: `Mentions ${token} in the description only.`,
      due_date: '2031-04-15',
    },
    'minor',
  )
  await redmineApi('PUT', `/issues/${beta}.json`, { issue: { status_id: 5 } })
  const closed = await redmineApi<{ issue: { status: { name: string } } }>(
    'GET',
    `/issues/${beta}.json`,
  )
  expect(closed.issue.status.name).toBe('Closed')
})

test.afterAll(async () => {
  test.setTimeout(60_000)
  if (!fx) return
  // Also any issue whose creation answered after a timed-out setup gave up on it.
  const found = await trackerIdsUnion(
    (path) => redmineApi<IssuesPage>('GET', path),
    ['subject', 'description'].map((f) => `${demo}&status_id=*&${f}=${enc(`~${fx.token}`)}`),
  )
  for (const id of new Set([...fx.ids, ...found])) await redmineApi('DELETE', `/issues/${id}.json`)
})

interface Combo {
  name: string
  search: () => ViewSearch
  viaBar?: (page: Page) => Promise<void>
  /** The same filter in Redmine's terms (several are OR-ed). */
  queries: () => string[]
}

const combos: Combo[] = [
  {
    name: 'a custom field: Severity critical, any status',
    search: () => ({ status: 'all', cf: { [fx.cf]: ['critical'] } }),
    queries: () => [`${demo}&status_id=*&cf_${fx.cf}=critical`],
  },
  {
    name: 'assignee me and Severity major or critical, any status',
    search: () => ({ status: 'all', assignee: ['me'], cf: { [fx.cf]: ['major', 'critical'] } }),
    queries: () => [`${demo}&status_id=*&assigned_to_id=me&cf_${fx.cf}=major|critical`],
  },
  {
    name: 'closed issues, chosen in the filter bar',
    search: () => ({}),
    viaBar: async (page) => {
      await page.getByRole('combobox', { name: 'Issues' }).selectOption('Closed')
    },
    queries: () => [`${demo}&status_id=closed`],
  },
  {
    name: 'due in March 2031, typed into the date inputs',
    search: () => ({ status: 'all' }),
    viaBar: async (page) => {
      await page.getByText('Dates and attachments').click()
      await page.getByLabel('Due from', { exact: true }).fill('2031-03-01')
      await page.getByLabel('Due to', { exact: true }).fill('2031-03-31')
    },
    queries: () => [`${demo}&status_id=*&due_date=${enc('><2031-03-01|2031-03-31')}`],
  },
  {
    name: 'text in the subject or the description',
    search: () => ({ status: 'all', q: fx.token }),
    queries: () => [
      `${demo}&status_id=*&subject=${enc(`~${fx.token}`)}`,
      `${demo}&status_id=*&description=${enc(`~${fx.token}`)}`,
    ],
  },
  {
    name: 'closed and assigned to me',
    search: () => ({ status: 'closed', assignee: ['me'] }),
    queries: () => [`${demo}&status_id=closed&assigned_to_id=me`],
  },
]

for (const c of combos) {
  test(`on a real Redmine, table filter = Redmine filter: ${c.name}`, async ({ page }) => {
    const [expected, everything] = await Promise.all([
      trackerIdsUnion(asJsmith, c.queries()),
      trackerIds(asJsmith, `${demo}&status_id=*`),
    ])
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(everything.length)
    await openSignedIn(page, redmine.jsmithKey(), viewPath('main', 'demo', c.search()))
    await settledCount(page)
    await c.viaBar?.(page)
    await expect.poll(() => tableIds(page)).toEqual(expected)
  })
}

/**
 * Pasted: text, any status and a due date; then assignee "Me" added in the filter bar. Returns
 * Redmine's ids for that filter, what the page shows of it, and its URL.
 */
async function openFilteredView(page: Page) {
  const expected = await trackerIds(
    asJsmith,
    `${demo}&status_id=*&assigned_to_id=me&subject=${enc(`~${fx.token}`)}&due_date=${enc('>=2031-01-01')}`,
  )
  expect(expected).toHaveLength(2)
  await openSignedIn(
    page,
    redmine.jsmithKey(),
    viewPath('main', 'demo', { status: 'all', q: fx.token, dueFrom: '2031-01-01' }),
  )
  await settledCount(page)
  await page.getByRole('combobox', { name: 'Assignee' }).selectOption('Me')
  await expect.poll(() => tableIds(page)).toEqual(expected)
  const shown = await filterState(page)
  expect(shown).toMatchObject({ search: fx.token, issues: 'all' })
  expect(shown.chips).toContain('Assignee: Me ×')
  expect(shown.dates[4]).toBe('2031-01-01')
  return { expected, shown, url: page.url() }
}

test('on a real Redmine, filters survive a reload: same rows, same chips and inputs', async ({
  page,
}) => {
  const { expected, shown, url } = await openFilteredView(page)
  await page.reload()
  await expect.poll(() => tableIds(page)).toEqual(expected)
  expect(await filterState(page)).toEqual(shown)
  expect(page.url()).toBe(url)
})

test('on a real Redmine, filters survive going away and back, and forward and back', async ({
  page,
}) => {
  const { expected, shown, url } = await openFilteredView(page)
  const issueUrl = new RegExp(`/main/issues/${expected[0]}$`)
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

test('on a real Redmine, an edit by another user shows after Refresh: at most 2 list requests, no page load', async ({
  page,
}) => {
  // A private project of its own, so nobody else's issues change under the count.
  const identifier = `tbl-refresh-${Date.now().toString(36)}`
  const [{ trackers }, { roles }] = await Promise.all([
    redmineApi<{ trackers: { id: number }[] }>('GET', '/trackers.json'),
    redmineApi<{ roles: { id: number; name: string }[] }>('GET', '/roles.json'),
  ])
  const { project } = await redmineApi<{ project: { id: number } }>('POST', '/projects.json', {
    project: {
      name: `Table refresh ${identifier}`,
      identifier,
      is_public: false,
      tracker_ids: trackers.map((t) => t.id),
      enabled_module_names: ['issue_tracking'],
    },
  })
  try {
    await redmineApi('POST', `/projects/${project.id}/memberships.json`, {
      membership: {
        user_id: fx.jsmith,
        role_ids: [roles.find((r) => r.name === 'Developer')!.id],
      },
    })
    const ids: number[] = []
    for (const subject of ['Refresh one', 'Refresh two']) {
      const { issue } = await redmineApi<{ issue: { id: number } }>('POST', '/issues.json', {
        issue: { project_id: project.id, subject, assigned_to_id: fx.jsmith },
      })
      ids.push(issue.id)
    }
    await openSignedIn(
      page,
      redmine.jsmithKey(),
      viewPath('main', identifier, { assignee: ['me'] }),
    )
    await expect.poll(() => tableIds(page)).toEqual(ids)

    await page.evaluate(() => Object.assign(window, { __tableMarker: 'kept' }))
    let loads = 0
    page.on('load', () => loads++)
    const edited = `Refresh one, edited by the admin ${Date.now()}`
    await redmineApi('PUT', `/issues/${ids[0]}.json`, { issue: { subject: edited } })
    const requests = issueListRequests(page)
    await page.getByRole('button', { name: 'Refresh', exact: true }).click()
    await expect(page.getByRole('link', { name: `#${ids[0]} ${edited}` })).toBeVisible()
    await settledCount(page)
    expect(requests.length, requests.join('\n')).toBeGreaterThanOrEqual(1)
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(2)
    expect(loads).toBe(0)
    expect(await page.evaluate(() => (window as { __tableMarker?: string }).__tableMarker)).toBe(
      'kept',
    )
    expect(await tableIds(page)).toEqual(ids)
  } finally {
    await redmineApi('DELETE', `/projects/${project.id}.json`)
  }
})
