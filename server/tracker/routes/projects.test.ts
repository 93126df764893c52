// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTracker, type TestTracker } from '../test-support'

let t: TestTracker
beforeAll(async () => {
  t = await makeTracker({ seedIssues: 0 })
})
afterAll(() => t.close())

describe('projects, memberships, versions, categories', () => {
  it('lists with includes in Redmine shapes', async () => {
    const list = await t.getJson<{ projects: Record<string, unknown>[]; total_count: number }>(
      '/projects.json?include=trackers,issue_categories,enabled_modules',
    )
    const demo = list.projects.find((p) => p.identifier === 'demo')
    expect(demo).toMatchObject({
      id: 1,
      name: 'Demo',
      is_public: true,
      trackers: [
        { id: 1, name: 'Bug' },
        { id: 2, name: 'Feature' },
        { id: 3, name: 'Support' },
      ],
      issue_categories: [
        { id: 1, name: 'Backend' },
        { id: 2, name: 'Frontend' },
      ],
    })
    expect((demo?.enabled_modules as { name: string }[]).map((m) => m.name)).toContain(
      'issue_tracking',
    )
    const mobile = list.projects.find((p) => p.identifier === 'mobile')
    expect(mobile?.parent).toEqual({ id: 3, name: 'Web Platform' })
  })

  it('memberships, versions and categories of demo match the fixture', async () => {
    const m = await t.getJson<{
      memberships: { user: { id: number }; roles: { name: string }[] }[]
    }>('/projects/demo/memberships.json')
    expect(m.memberships.map((x) => [x.user.id, x.roles.map((r) => r.name)])).toEqual([
      [5, ['Developer']],
      [6, ['Manager']],
    ])
    const v = await t.getJson<{
      versions: { name: string; status: string }[]
      total_count: number
    }>('/projects/1/versions.json')
    expect(v).toMatchObject({ versions: [{ name: 'v1.0', status: 'open' }], total_count: 1 })
    const c = await t.getJson<{
      issue_categories: { name: string; assigned_to?: { id: number } }[]
    }>('/projects/demo/issue_categories.json')
    expect(c.issue_categories.map((x) => [x.name, x.assigned_to?.id])).toEqual([
      ['Backend', 5],
      ['Frontend', 6],
    ])
  })

  it('creates (admin only) and updates projects', async () => {
    const body = { project: { name: 'New one', identifier: 'new-one', is_public: false } }
    expect((await t.req('POST', '/projects.json', { as: 'jsmith', body })).status).toBe(403)
    const res = await t.req('POST', '/projects.json', { body })
    expect(res.status).toBe(201)
    const created = (await res.json()) as {
      project: { id: number; identifier: string; is_public: boolean }
    }
    expect(created.project).toMatchObject({ identifier: 'new-one', is_public: false })
    expect(res.headers.get('Location')).toBe(`http://tracker.test/projects/${created.project.id}`)
    const dup = await t.req('POST', '/projects.json', { body })
    expect(await dup.json()).toEqual({ errors: ['Identifier has already been taken'] })
    const bad = await t.req('POST', '/projects.json', {
      body: { project: { name: '', identifier: '123' } },
    })
    expect(await bad.json()).toEqual({ errors: ['Name cannot be blank', 'Identifier is invalid'] })
    const put = await t.req('PUT', '/projects/new-one.json', {
      body: { project: { name: 'Renamed' } },
    })
    expect(put.status).toBe(204)
    const shown = await t.getJson<{ project: { name: string } }>('/projects/new-one.json')
    expect(shown.project.name).toBe('Renamed')
    // jsmith is a Developer in demo: no edit_project.
    expect(
      (
        await t.req('PUT', '/projects/demo.json', {
          as: 'jsmith',
          body: { project: { name: 'x' } },
        })
      ).status,
    ).toBe(403)
  })

  it('adds and removes watchers (Manager), not as Developer', async () => {
    expect(
      (await t.req('POST', '/issues/2/watchers.json', { as: 'jsmith', body: { user_id: 5 } }))
        .status,
    ).toBe(403)
    expect(
      (await t.req('POST', '/issues/2/watchers.json', { as: 'dlopper', body: { user_id: 5 } }))
        .status,
    ).toBe(204)
    const w = await t.getJson<{ issue: { watchers: { id: number }[] } }>(
      '/issues/2.json?include=watchers',
    )
    expect(w.issue.watchers.map((x) => x.id)).toEqual([6, 1, 5])
    expect((await t.req('DELETE', '/issues/2/watchers/5.json', { as: 'dlopper' })).status).toBe(204)
    const after = await t.getJson<{ issue: { watchers: { id: number }[] } }>(
      '/issues/2.json?include=watchers',
    )
    expect(after.issue.watchers.map((x) => x.id)).toEqual([6, 1])
    // Developers do not see watchers at all (no view_issue_watchers): the key is left out.
    const dev = await t.getJson<{ issue: Record<string, unknown> }>(
      '/issues/2.json?include=watchers',
      'jsmith',
    )
    expect('watchers' in dev.issue).toBe(false)
  })
})
