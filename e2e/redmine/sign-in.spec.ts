import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations, setTheme } from '../support/a11y'
import { redmine, redmineApi } from '../support/redmine-env'

async function signInWithKey(page: Page, key: string) {
  await page.goto('/')
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a developer signs in with an API key and sees their projects, the private one marked', async ({
  page,
}) => {
  const urls: string[] = []
  page.on('request', (r) => urls.push(r.url()))
  await signInWithKey(page, redmine.jsmithKey())

  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
  await expect(page.getByLabel('Signed in user')).toHaveText('John Smith')
  const ops = page.getByRole('listitem').filter({ hasText: 'Ops' })
  await expect(ops).toContainText('Private')
  await expect(page.getByRole('listitem').filter({ hasText: 'Demo' })).not.toContainText('Private')
  await expect(page.getByRole('link', { name: 'Demo board' })).toHaveAttribute(
    'href',
    '/main/projects/demo/board',
  )
  expect(urls.some((u) => u.includes('/t/main/'))).toBe(true)
  expect(urls.filter((u) => u.includes(redmine.jsmithKey()))).toEqual([])
})

test('a private project shows only to its members', async ({ page }) => {
  // A user who belongs to no project, created for this test through the API.
  const login = `outsider${Date.now()}`
  const { user } = await redmineApi<{ user: { id: number } }>('POST', '/users.json', {
    user: {
      login,
      firstname: 'Out',
      lastname: 'Sider',
      mail: `${login}@example.net`,
      password: 'password123',
    },
  })
  try {
    const shown = await redmineApi<{ user: { api_key: string } }>('GET', `/users/${user.id}.json`)
    await signInWithKey(page, shown.user.api_key)
    await expect(page.getByLabel('Signed in user')).toHaveText('Out Sider')
    await expect(page.getByText('Demo', { exact: true })).toBeVisible()
    await expect(page.getByText('Ops', { exact: true })).toHaveCount(0)
  } finally {
    await redmineApi('DELETE', `/users/${user.id}.json`)
  }
})

test('a wrong key is refused with a clear message and the typed key is kept', async ({ page }) => {
  await signInWithKey(page, 'not-a-real-key')
  await expect(page.getByRole('alert')).toContainText('not accepted by Redmine 5')
  await expect(page.getByLabel('API key')).toHaveValue('not-a-real-key')
})

test('username and password are exchanged for the API key; the password is not stored', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Use username and password' }).click()
  await page.getByLabel('Username').fill('dlopper')
  await page.getByLabel('Password').fill('password123')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('Signed in user')).toHaveText('Dave Lopper')
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
  expect(stored).toContain(redmine.dlopperKey())
  expect(stored).not.toContain('password123')
})

test('deep links survive a reload; sign out forgets the key', async ({ page }) => {
  await signInWithKey(page, redmine.jsmithKey())
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
  await page.reload()
  await expect(page.getByText('Ops', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.goto('/main/projects')
  await expect(page.getByLabel('API key')).toBeVisible()
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
  expect(stored).not.toContain(redmine.jsmithKey())
  expect(stored).not.toContain('trackboard.session')
})

test('the sign-in and projects pages have no serious accessibility violations, light and dark', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByLabel('API key')).toBeVisible()
  for (const theme of ['Light', 'Dark'] as const) {
    await setTheme(page, theme)
    await expectNoSeriousA11yViolations(page)
  }
  await page.getByLabel('API key').fill(redmine.jsmithKey())
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Ops', { exact: true })).toBeVisible()
  for (const theme of ['Light', 'Dark'] as const) {
    await setTheme(page, theme)
    await expectNoSeriousA11yViolations(page)
  }
})
