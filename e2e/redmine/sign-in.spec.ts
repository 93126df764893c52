import type { Page } from '@playwright/test'
import { expect, test, urlsWithKeys } from '../support/test'
import { expectNoSeriousA11yViolations, setTheme } from '../support/a11y'
import { redmine } from '../support/redmine-env'

async function signInWithKey(page: Page, key: string) {
  await page.goto('/')
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a developer signs in with an API key and sees their projects, the private one marked', async ({
  page,
  requestedUrls,
}) => {
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
  expect(requestedUrls.some((u) => u.includes('/t/main/'))).toBe(true)
  expect(urlsWithKeys(requestedUrls, [redmine.jsmithKey()])).toEqual([])
})

test('a private project shows only to its members (ops; nothing created)', async ({
  page,
  request,
}) => {
  const identifiers = async (key?: string) => {
    const res = await request.get('/t/main/projects.json', {
      headers: key ? { 'X-Redmine-API-Key': key } : {},
    })
    expect(res.status()).toBe(200)
    const body = (await res.json()) as { projects: { identifier: string }[] }
    return body.projects.map((p) => p.identifier)
  }
  // Anonymous and an unknown key (Redmine treats it as anonymous) see the public project only.
  for (const key of [undefined, 'not-a-real-key']) {
    const seen = await identifiers(key)
    expect(seen).toContain('demo')
    expect(seen).not.toContain('ops')
  }
  for (const key of [redmine.jsmithKey(), redmine.dlopperKey()]) {
    expect(await identifiers(key)).toEqual(expect.arrayContaining(['demo', 'ops']))
  }
  // And in the app: a member sees Ops marked private.
  await signInWithKey(page, redmine.dlopperKey())
  await expect(page.getByLabel('Signed in user')).toHaveText('Dave Lopper')
  await expect(page.getByRole('listitem').filter({ hasText: 'Ops' }).first()).toContainText(
    'Private',
  )
})

test('signing in with no key is not possible: the form asks for one', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const key = page.getByLabel('API key')
  await expect(key).toBeVisible()
  expect(await key.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true)
  await expect(page.getByLabel('Signed in user')).toHaveCount(0)
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
  await expect(page.getByText('Demo', { exact: true })).toBeVisible()
  await expect(page.getByText('Ops', { exact: true })).toBeVisible()
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
  expect(stored).toContain(redmine.dlopperKey())
  expect(stored).not.toContain('password123')
})

test('deep links survive a reload; sign out forgets the key', async ({ page }) => {
  await signInWithKey(page, redmine.jsmithKey())
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
  await page.goto('/main/projects')
  await expect(page.getByLabel('Signed in user')).toHaveText('John Smith')
  await page.reload()
  await expect(page).toHaveURL(/\/main\/projects$/)
  await expect(page.getByText('Ops', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('API key')).toBeVisible()
  await expect(page.getByLabel('Signed in user')).toHaveCount(0)
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
