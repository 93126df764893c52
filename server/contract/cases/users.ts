/** /users/current, /users, /users/N. */
import { expect } from 'vitest'
import { wireUserList, wireUserShow } from '../../../src/trackers/redmine/wire'
import { group } from '../case'

type User = { id: number; login?: string; api_key?: string; mail?: string; admin?: boolean }
type Membership = { project: { name: string }; roles: { name: string }[] }

export const userCases = group('users', [
  {
    name: 'current as jsmith with memberships (api_key shown, mail hidden)',
    req: { path: '/users/current.json?include=memberships', as: 'jsmith' },
    status: 200,
    schema: wireUserShow,
    check: (res, ctx) => {
      const u = (res.json() as { user: User & { memberships: Membership[] } }).user
      expect(u.login).toBe('jsmith')
      expect(u.id).toBe(ctx.users.jsmith)
      expect(u.admin).toBe(false)
      expect(u.api_key).toBe(ctx.target.keys.jsmith)
      expect(u).not.toHaveProperty('mail')
      const roles = Object.fromEntries(
        u.memberships.map((m) => [m.project.name, m.roles.map((r) => r.name)]),
      )
      expect(roles).toEqual({ Demo: ['Developer'], Ops: ['Manager'] })
    },
  },
  {
    name: 'list as admin',
    req: { path: '/users.json' },
    status: 200,
    schema: wireUserList,
    check: (res) => {
      const logins = (res.json() as { users: User[] }).users.map((u) => u.login)
      expect(logins).toEqual(expect.arrayContaining(['admin', 'jsmith', 'dlopper']))
    },
  },
  { name: 'list as jsmith: 403', req: { path: '/users.json', as: 'jsmith' }, status: 403 },
  {
    name: 'show jsmith as admin (api_key in admin view)',
    req: (ctx) => ({ path: `/users/${ctx.users.jsmith}.json` }),
    status: 200,
    schema: wireUserShow,
    check: (res, ctx) => {
      const u = (res.json() as { user: User }).user
      expect(u.login).toBe('jsmith')
      expect(u.api_key).toBe(ctx.target.keys.jsmith)
    },
  },
  { name: 'show unknown user: 404', req: { path: '/users/99999999.json' }, status: 404 },
])
