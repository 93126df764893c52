/** Projects and what hangs off them: includes, memberships, versions, categories. */
import { expect } from 'vitest'
import {
  wireCategoryList,
  wireMembershipList,
  wireProjectList,
  wireProjectShow,
  wireVersionList,
} from '../../../src/trackers/redmine/wire'
import { group } from '../case'

type Named = { id: number; name: string }
type Project = { identifier: string; is_public: boolean } & Partial<
  Record<'trackers' | 'issue_categories' | 'enabled_modules', Named[]>
>
const includes = 'trackers,issue_categories,enabled_modules'

export const projectCases = group('projects', [
  {
    name: 'list as admin',
    req: { path: '/projects.json' },
    status: 200,
    schema: wireProjectList,
    check: (res) => {
      const ps = (res.json() as { projects: Project[] }).projects
      expect(ps.map((p) => [p.identifier, p.is_public])).toEqual(
        expect.arrayContaining([
          ['demo', true],
          ['ops', false],
        ]),
      )
    },
  },
  {
    name: 'list as anonymous: private ops hidden',
    req: { path: '/projects.json', as: 'anonymous' },
    status: 200,
    schema: wireProjectList,
    check: (res) => {
      const ids = (res.json() as { projects: Project[] }).projects.map((p) => p.identifier)
      expect(ids).toContain('demo')
      expect(ids).not.toContain('ops')
    },
  },
  {
    name: 'list with includes',
    req: { path: `/projects.json?include=${includes}` },
    status: 200,
    schema: wireProjectList,
    check: (res) => {
      const demo = (res.json() as { projects: Project[] }).projects.find(
        (p) => p.identifier === 'demo',
      )
      expect(demo?.trackers?.map((t) => t.name)).toEqual(['Bug', 'Feature', 'Support'])
      expect(demo?.issue_categories?.map((c) => c.name)).toEqual(['Backend', 'Frontend'])
    },
  },
  {
    name: 'show demo with includes',
    req: { path: `/projects/demo.json?include=${includes}` },
    status: 200,
    schema: wireProjectShow,
    check: (res) => {
      const p = (res.json() as { project: Project }).project
      expect(p.identifier).toBe('demo')
      expect(p.trackers?.map((t) => t.name)).toEqual(['Bug', 'Feature', 'Support'])
      expect(p.issue_categories?.map((c) => c.name)).toEqual(['Backend', 'Frontend'])
      expect(p.enabled_modules?.map((m) => m.name)).toEqual(
        expect.arrayContaining(['issue_tracking', 'time_tracking']),
      )
    },
  },
  {
    name: 'show without include: no include keys',
    req: { path: '/projects/demo.json' },
    status: 200,
    schema: wireProjectShow,
    check: (res) => {
      const p = (res.json() as { project: Project }).project
      expect(p).not.toHaveProperty('trackers')
      expect(p).not.toHaveProperty('issue_categories')
    },
  },
  {
    name: 'show private ops as anonymous: 401',
    req: { path: '/projects/ops.json', as: 'anonymous' },
    status: 401,
  },
  { name: 'show unknown project: 404', req: { path: '/projects/nope-contract.json' }, status: 404 },
  {
    name: 'memberships of demo',
    req: { path: '/projects/demo/memberships.json' },
    status: 200,
    schema: wireMembershipList,
    check: (res) => {
      const ms = (
        res.json() as { memberships: { user?: { name: string }; roles: { name: string }[] }[] }
      ).memberships
      const roles = Object.fromEntries(ms.map((m) => [m.user?.name, m.roles.map((r) => r.name)]))
      expect(roles).toEqual({ 'John Smith': ['Developer'], 'Dave Lopper': ['Manager'] })
    },
  },
  {
    name: 'versions of demo',
    req: { path: '/projects/demo/versions.json' },
    status: 200,
    schema: wireVersionList,
    check: (res) => {
      const vs = (res.json() as { versions: { name: string; status: string }[] }).versions
      expect(vs.map((v) => [v.name, v.status])).toEqual([['v1.0', 'open']])
    },
  },
  {
    name: 'issue categories of demo',
    req: { path: '/projects/demo/issue_categories.json', as: 'jsmith' },
    status: 200,
    schema: wireCategoryList,
    check: (res) => {
      const cs = (res.json() as { issue_categories: Named[] }).issue_categories
      expect(cs.map((c) => c.name)).toEqual(['Backend', 'Frontend'])
    },
  },
])
