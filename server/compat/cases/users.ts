import { expect } from 'vitest'
import * as wire from '../../../src/trackers/redmine/wire'
import { expectEmpty, expectShape, get, type Case } from '../case'

export const userCases: Case[] = [
  {
    name: 'GET /users/current.json returns the key owner with api_key and memberships',
    async run(t) {
      const r = await get(t, '/users/current.json?include=memberships', { as: 'jsmith' })
      expectShape(r, 200, wire.wireUserShow)
      const u = (r.json as wire.WireUserShowT).user
      expect(u).toMatchObject({
        login: 'jsmith',
        firstname: 'John',
        lastname: 'Smith',
        admin: false,
      })
      expect(u.api_key).toBe(t.keys.jsmith)
      expect(u.memberships?.map((m) => [m.project.name, m.roles[0]?.name])).toEqual([
        ['Demo', 'Developer'],
        ['Ops', 'Manager'],
      ])
    },
  },
  {
    name: 'GET /users/current.json anonymously is an empty 401 with WWW-Authenticate',
    async run(t) {
      const r = await get(t, '/users/current.json', { as: 'anonymous' })
      expectEmpty(r, 401)
      expect(r.headers.get('www-authenticate')).toBe('Basic realm="Redmine API"')
    },
  },
  {
    name: 'GET /users/current.json with a bad key is an empty 401',
    async run(t) {
      expectEmpty(await get(t, '/users/current.json', { as: 'badkey' }), 401)
    },
  },
  {
    name: 'Basic auth with a wrong password is an empty 401',
    async run(t) {
      const bad = Buffer.from('jsmith:wrong').toString('base64')
      expectEmpty(
        await get(t, '/users/current.json', {
          as: 'anonymous',
          headers: { Authorization: `Basic ${bad}` },
        }),
        401,
      )
    },
  },
  {
    name: 'GET /users.json: admin lists users',
    async run(t) {
      const r = await get(t, '/users.json')
      expectShape(r, 200, wire.wireUserList)
      const logins = (r.json as { users: { login: string }[] }).users.map((u) => u.login)
      expect(logins).toEqual(expect.arrayContaining(['admin', 'jsmith', 'dlopper']))
    },
  },
  {
    name: 'GET /users.json: a non-admin gets an empty 403',
    async run(t) {
      expectEmpty(await get(t, '/users.json', { as: 'jsmith' }), 403)
    },
  },
  {
    name: 'GET /users/N.json as admin includes the api_key',
    async run(t) {
      const me = (await get(t, '/users/current.json', { as: 'jsmith' })).json as wire.WireUserShowT
      const r = await get(t, `/users/${me.user.id}.json`)
      expectShape(r, 200, wire.wireUserShow)
      expect((r.json as wire.WireUserShowT).user.api_key).toBe(t.keys.jsmith)
    },
  },
  {
    name: 'X-Redmine-Switch-User acts as that user',
    async run(t) {
      const r = await get(t, '/users/current.json', {
        headers: { 'X-Redmine-Switch-User': 'dlopper' },
      })
      expect((r.json as wire.WireUserShowT).user.login).toBe('dlopper')
    },
  },
  {
    name: 'X-Redmine-Switch-User with an unknown login is an empty 412',
    async run(t) {
      expectEmpty(
        await get(t, '/users/current.json', {
          headers: { 'X-Redmine-Switch-User': 'nobody-here' },
        }),
        412,
      )
    },
  },
]
