/** Authentication: keys, Basic auth, switch-user, and the `.json` suffix. */
import { expect } from 'vitest'
import { wireIssueList, wireUserShow } from '../../../src/trackers/redmine/wire'
import { group } from '../case'

const login = (json: unknown) => (json as { user: { login: string } }).user.login

export const authCases = group('auth', [
  {
    name: 'bad key on a public list is anonymous: 200, public issues only',
    req: (ctx) => ({ path: `/issues.json?status_id=*&subject=~${ctx.tok}`, as: 'badkey' }),
    status: 200,
    schema: wireIssueList,
    check: (res, ctx) => {
      const ids = (res.json() as { issues: { id: number }[] }).issues.map((i) => i.id)
      expect(ids).toContain(ctx.issue.a)
      expect(ids).not.toContain(ctx.issue.e)
    },
  },
  {
    name: 'bad key on /users/current: 401',
    req: { path: '/users/current.json', as: 'badkey' },
    status: 401,
  },
  {
    name: 'no key on /users/current: 401',
    req: { path: '/users/current.json', as: 'anonymous' },
    status: 401,
  },
  {
    name: 'Basic auth admin:admin',
    req: { path: '/users/current.json', basic: ['admin', 'admin'] },
    status: 200,
    schema: wireUserShow,
    check: (res) => expect(login(res.json())).toBe('admin'),
  },
  {
    name: 'Basic auth with a wrong password: 401',
    req: { path: '/users/current.json', basic: ['admin', 'wrong-password'] },
    status: 401,
  },
  {
    name: 'X-Redmine-Switch-User: jsmith (admin key)',
    req: { path: '/users/current.json', headers: { 'X-Redmine-Switch-User': 'jsmith' } },
    status: 200,
    schema: wireUserShow,
    check: (res) => expect(login(res.json())).toBe('jsmith'),
  },
  {
    name: 'X-Redmine-Switch-User unknown: 412',
    req: { path: '/users/current.json', headers: { 'X-Redmine-Switch-User': 'nobody-here' } },
    status: 412,
  },
  {
    name: 'X-Redmine-Switch-User from a non-admin is ignored',
    req: {
      path: '/users/current.json',
      as: 'jsmith',
      headers: { 'X-Redmine-Switch-User': 'dlopper' },
    },
    status: 200,
    check: (res) => expect(login(res.json())).toBe('jsmith'),
  },
  {
    name: 'switched user writes as that user (Developer cannot delete: 403)',
    req: async (ctx) => {
      const id = await ctx.createIssue({ project_id: ctx.demo.id, subject: `${ctx.tok} switch` })
      return {
        method: 'DELETE',
        path: `/issues/${id}.json`,
        headers: { 'X-Redmine-Switch-User': 'jsmith' },
      }
    },
    status: 403,
  },
  {
    name: 'path without .json (Accept: application/json): 406',
    req: (ctx) => ({ path: `/issues/${ctx.issue.a}`, headers: { Accept: 'application/json' } }),
    status: 406,
    body: 'any',
  },
  {
    name: '.json wins over Accept: application/xml',
    req: (ctx) => ({ path: `/issues/${ctx.issue.a}.json`, headers: { Accept: 'application/xml' } }),
    status: 200,
  },
])
