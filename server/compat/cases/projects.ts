import { expect } from 'vitest'
import * as wire from '../../../src/trackers/redmine/wire'
import { expectEmpty, expectShape, get, type Case } from '../case'

type Projects = { projects: { identifier: string; is_public: boolean }[] }

export const projectCases: Case[] = [
  {
    name: 'GET /projects.json with includes: demo public, ops private, trackers and categories',
    async run(t) {
      const r = await get(t, '/projects.json?include=trackers,issue_categories,enabled_modules')
      expectShape(r, 200, wire.wireProjectList)
      const demo = (r.json as wire.WireProjectListT).projects.find((p) => p.identifier === 'demo')!
      expect(demo.is_public).toBe(true)
      expect(demo.trackers?.map((x) => x.name)).toEqual(['Bug', 'Feature', 'Support'])
      expect(demo.issue_categories?.map((x) => x.name)).toEqual(['Backend', 'Frontend'])
      expect(demo.enabled_modules?.map((x) => x.name)).toContain('issue_tracking')
      const ops = (r.json as Projects).projects.find((p) => p.identifier === 'ops')!
      expect(ops.is_public).toBe(false)
    },
  },
  {
    name: 'anonymous sees public projects only',
    async run(t) {
      const r = await get(t, '/projects.json', { as: 'anonymous' })
      expect(r.status).toBe(200)
      const projects = (r.json as Projects).projects
      expect(projects.map((p) => p.identifier)).toContain('demo')
      expect(projects.every((p) => p.is_public)).toBe(true)
    },
  },
  {
    name: 'a bad key is treated as anonymous on a public list (200)',
    async run(t) {
      const r = await get(t, '/projects.json', { as: 'badkey' })
      expect(r.status).toBe(200)
      expect((r.json as Projects).projects.map((p) => p.identifier)).not.toContain('ops')
    },
  },
  {
    name: 'GET /projects/demo.json by identifier and by id',
    async run(t) {
      const a = await get(t, '/projects/demo.json?include=trackers')
      expectShape(a, 200, wire.wireProjectShow)
      const id = (a.json as { project: { id: number } }).project.id
      const b = await get(t, `/projects/${id}.json`)
      expect((b.json as { project: { identifier: string } }).project.identifier).toBe('demo')
    },
  },
  {
    name: 'a private project is an empty 401 to anonymous and an empty 403 to a non-member',
    async run(t) {
      expectEmpty(await get(t, '/projects/ops.json', { as: 'anonymous' }), 401)
      const login = `outsider${Date.now()}`
      const made = await t.req('POST', '/users.json', {
        json: {
          user: {
            login,
            firstname: 'Out',
            lastname: 'Sider',
            mail: `${login}@example.net`,
            password: 'password123',
          },
        },
      })
      if (made.status !== 201) return // the bundled tracker's users are read only (docs/compat.md)
      const user = (made.json as { user: { id: number } }).user
      try {
        const r = await get(t, '/projects/ops.json', {
          as: 'anonymous',
          headers: {
            Authorization: `Basic ${Buffer.from(`${login}:password123`).toString('base64')}`,
          },
        })
        expectEmpty(r, 403)
      } finally {
        await t.req('DELETE', `/users/${user.id}.json`)
      }
    },
  },
  {
    name: 'an unknown project is an empty 404',
    async run(t) {
      expectEmpty(await get(t, '/projects/no-such-project.json'), 404)
    },
  },
  {
    name: 'GET /projects/demo/memberships.json: jsmith Developer, dlopper Manager',
    async run(t) {
      const r = await get(t, '/projects/demo/memberships.json')
      expectShape(r, 200, wire.wireMembershipList)
      const m = (r.json as { memberships: { user: { name: string }; roles: { name: string }[] }[] })
        .memberships
      expect(m.map((x) => [x.user.name, x.roles.map((y) => y.name).join()])).toEqual([
        ['John Smith', 'Developer'],
        ['Dave Lopper', 'Manager'],
      ])
    },
  },
  {
    name: 'GET /projects/demo/versions.json: v1.0, open',
    async run(t) {
      const r = await get(t, '/projects/demo/versions.json')
      expectShape(r, 200, wire.wireVersionList)
      expect(
        (r.json as { versions: { name: string; status: string }[] }).versions[0],
      ).toMatchObject({
        name: 'v1.0',
        status: 'open',
      })
    },
  },
  {
    name: 'GET /projects/demo/issue_categories.json: Backend and Frontend with assignees',
    async run(t) {
      const r = await get(t, '/projects/demo/issue_categories.json')
      expectShape(r, 200, wire.wireCategoryList)
      const c = (r.json as { issue_categories: { name: string; assigned_to: { name: string } }[] })
        .issue_categories
      expect(c.map((x) => [x.name, x.assigned_to.name])).toEqual([
        ['Backend', 'John Smith'],
        ['Frontend', 'Dave Lopper'],
      ])
    },
  },
  {
    name: 'memberships of a private project are an empty 401 to anonymous',
    async run(t) {
      expectEmpty(await get(t, '/projects/ops/memberships.json', { as: 'anonymous' }), 401)
    },
  },
]
