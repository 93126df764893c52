import { expect, test, urlsWithKeys } from '../support/test'
import { expectNoSeriousA11yViolations, setTheme } from '../support/a11y'
import { e2eBase } from '../support/ports'
import { rawGet } from '../support/raw-http'

test('the demo opens as a demo user and lists the seeded projects', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Demo tracker' })).toBeVisible()
  await page.getByRole('button', { name: /Open the demo as John Smith/ }).click()
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
  await expect(page.getByLabel('Signed in user')).toHaveText('John Smith')
  await expect(page.getByText('Demo', { exact: true })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Ops' }).first()).toContainText(
    'Private',
  )

  await page.getByRole('searchbox', { name: 'Search projects' }).fill('ops')
  await expect(page.getByText('Demo', { exact: true })).toHaveCount(0)
  await expect(page.getByText('Ops', { exact: true })).toBeVisible()
})

test('a user outside a private project does not see it', async ({ page }) => {
  await page.goto('/')
  const demoUsers = await (await page.request.get('/api/config')).json()
  const outsider = demoUsers.trackers[0].demoUsers.find(
    (u: { role: string }) => !u.role.includes('ops') && u.role !== 'admin',
  )
  await page.getByLabel('API key').fill(outsider.apiKey)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('Signed in user')).toHaveText(outsider.name)
  await expect(page.getByText('Ops', { exact: true })).toHaveCount(0)
})

test('an issue page shows the issue and its history, with tracker text sanitized', async ({
  page,
}) => {
  // A description with script, an event handler and a javascript: link, written through the API.
  const config = await (await page.request.get('/api/config')).json()
  const admin = config.trackers[0].demoUsers.find((u: { login: string }) => u.login === 'admin')
  const headers = { 'X-Redmine-API-Key': admin.apiKey, 'Content-Type': 'application/json' }
  const project = await (await page.request.get('/t/local/projects/demo.json', { headers })).json()
  const created = await page.request.post('/t/local/issues.json', {
    headers,
    data: JSON.stringify({
      issue: {
        project_id: project.project.id,
        subject: 'e2e sanitizing',
        description:
          'h2. Visible heading\n\n<script>window.pwned = 1</script>' +
          '<img src="x" onerror="window.pwned = 2"> "click":javascript:window.pwned=3',
        notes: 'first note',
      },
    }),
  })
  expect(created.status()).toBe(201)
  const { issue } = await created.json()
  const put = await page.request.put(`/t/local/issues/${issue.id}.json`, {
    headers,
    data: JSON.stringify({ issue: { notes: 'A *bold* comment' } }),
  })
  expect(put.status()).toBe(204)

  await page.goto('/')
  await page.getByRole('button', { name: /Open the demo as John Smith/ }).click()
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
  await page.goto(`/local/issues/${issue.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('e2e sanitizing')
  await expect(page.getByRole('heading', { name: 'Visible heading' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible()
  await expect(page.locator('article strong', { hasText: 'bold' })).toBeVisible()
  expect(
    await page.locator('article script, article [onerror], article a[href^="javascript:"]').count(),
  ).toBe(0)
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
  await page.request.delete(`/t/local/issues/${issue.id}.json`, { headers })
})

test('the theme follows the choice and survives a reload', async ({ page }) => {
  await page.goto('/')
  await setTheme(page, 'Dark')
  await expect(page.locator('html')).toHaveClass(/dark/)
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await expectNoSeriousA11yViolations(page)
  await setTheme(page, 'Light')
  await expect(page.locator('html')).not.toHaveClass(/dark/)
})

test('the sign-in and projects pages pass axe in light and dark', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: /Open the demo as John Smith/ })).toBeVisible()
  for (const theme of ['Light', 'Dark'] as const) {
    await setTheme(page, theme)
    await expectNoSeriousA11yViolations(page)
  }
  await page.getByRole('button', { name: /Open the demo as John Smith/ }).click()
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
  for (const theme of ['Light', 'Dark'] as const) {
    await setTheme(page, theme)
    await expectNoSeriousA11yViolations(page)
  }
})

test('the bundled tracker refuses path escapes too', async () => {
  for (const path of ['/t/local/../api/config', '/t/local/%2e%2e/x', '/t/local/a%2fb.json']) {
    const res = await rawGet(e2eBase.bundled, path)
    expect(res.status, path).toBe(400)
  }
})

test('the key guard used by every spec spots keys in URLs', () => {
  const key = 'a11ce0000000000000000000000000000000add1'
  expect(urlsWithKeys([`http://h/t/local/issues.json?x=${key}`])).toHaveLength(1)
  expect(urlsWithKeys(['http://h/t/local/issues.json?key=abc'])).toHaveLength(1)
  expect(urlsWithKeys(['http://h/t/main/x'], ['secret-one'])).toEqual([])
  expect(urlsWithKeys(['http://h/t/main/secret-one'], ['secret-one'])).toHaveLength(1)
  expect(
    urlsWithKeys(['http://h/assets/index-BX2a9f.js', 'http://h/t/local/issues/7.json']),
  ).toEqual([])
})
