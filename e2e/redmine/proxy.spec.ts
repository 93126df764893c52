import { expect, test } from '../support/test'
import { rawGet } from '../support/raw-http'
import { e2eBase } from '../support/ports'
import { redmineLog } from '../support/redmine-env'

const base = e2eBase.redmine

const escapes = [
  '/t/main/..%2f..%2fetc/passwd',
  '/t/main/../../etc/passwd',
  '/t/main/%2e%2e/%2e%2e/etc/passwd',
  '/t/main/%2F%2Fevil.example/x',
  '/t/main//evil.example/x',
  '/t/main/http://evil.example/x',
  '/t/main/a%5c..%5cb',
]

for (const path of escapes) {
  test(`the proxy refuses ${path}`, async () => {
    const res = await rawGet(base, path)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error).toMatch(/Refused path/)
  })
}

test('the proxy refuses trackers that are not configured', async () => {
  const res = await rawGet(base, '/t/elsewhere/issues.json')
  expect(res.status).toBe(404)
  expect(JSON.parse(res.body).error).toContain('elsewhere')
})

test('the proxy reaches the configured Redmine and passes its empty 401 through', async () => {
  const res = await rawGet(base, '/t/main/users/current.json')
  expect(res.status).toBe(401)
  expect(res.body).toBe('')
  const projects = await rawGet(base, '/t/main/projects.json')
  expect(
    JSON.parse(projects.body).projects.map((p: { identifier: string }) => p.identifier),
  ).toContain('demo')
})

test('refused paths never reach Redmine (checked in its log)', async () => {
  const log = redmineLog()
  test.skip(!log, "Redmine's production.log is not readable here")
  const id = Date.now().toString(36)
  const marker = `e2eEscape${id}`
  const probe = `e2eProbe${id}`
  for (const path of [...escapes, '/t/elsewhere/issues.json']) {
    expect((await rawGet(base, `${path}${marker}`)).status).toBeGreaterThanOrEqual(400)
  }
  // A request that is allowed through shows up in the log, so the check below can fail.
  expect((await rawGet(base, `/t/main/projects.json?probe=${probe}`)).status).toBe(200)
  await expect.poll(() => log?.since().includes(probe)).toBe(true)
  const reached = (log?.since() ?? '').split('\n').filter((l) => l.includes(marker))
  expect(reached).toEqual([])
})
