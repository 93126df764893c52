import { expect } from 'vitest'
import * as wire from '../../../src/trackers/redmine/wire'
import { expectEmpty, expectShape, get, type Case } from '../case'

export const referenceCases: Case[] = [
  {
    name: 'GET /issue_statuses.json lists the six default statuses in order',
    async run(t) {
      const r = await get(t, '/issue_statuses.json')
      expectShape(r, 200, wire.wireStatusList)
      const s = (r.json as { issue_statuses: { name: string; is_closed: boolean }[] })
        .issue_statuses
      expect(s.map((x) => [x.name, x.is_closed])).toEqual([
        ['New', false],
        ['In Progress', false],
        ['Resolved', false],
        ['Feedback', false],
        ['Closed', true],
        ['Rejected', true],
      ])
    },
  },
  {
    name: 'GET /trackers.json lists Bug, Feature, Support with default status New',
    async run(t) {
      const r = await get(t, '/trackers.json')
      expectShape(r, 200, wire.wireTrackerList)
      const list = (r.json as { trackers: { name: string; default_status: { name: string } }[] })
        .trackers
      expect(list.map((x) => x.name)).toEqual(['Bug', 'Feature', 'Support'])
      expect(list.every((x) => x.default_status.name === 'New')).toBe(true)
    },
  },
  {
    name: 'GET /enumerations/issue_priorities.json: Low..Immediate, Normal the default',
    async run(t) {
      const r = await get(t, '/enumerations/issue_priorities.json')
      expectShape(r, 200, wire.wirePriorityList)
      const p = (r.json as { issue_priorities: { name: string; is_default: boolean }[] })
        .issue_priorities
      expect(p.map((x) => x.name)).toEqual(['Low', 'Normal', 'High', 'Urgent', 'Immediate'])
      expect(p.find((x) => x.is_default)?.name).toBe('Normal')
    },
  },
  {
    name: 'GET /custom_fields.json: admin sees Severity',
    async run(t) {
      const r = await get(t, '/custom_fields.json')
      expectShape(r, 200, wire.wireCustomFieldList)
      const f = (r.json as { custom_fields: { id: number; name: string; field_format: string }[] })
        .custom_fields
      expect(f.find((x) => x.name === 'Severity')).toMatchObject({ id: 1, field_format: 'list' })
    },
  },
  {
    name: 'GET /custom_fields.json: a non-admin gets an empty 403',
    async run(t) {
      expectEmpty(await get(t, '/custom_fields.json', { as: 'jsmith' }), 403)
    },
  },
  {
    name: 'GET /queries.json lists the public query "Open bugs"',
    async run(t) {
      const r = await get(t, '/queries.json')
      expectShape(r, 200, wire.wireQueryList)
      expect((r.json as { queries: { name: string }[] }).queries.map((q) => q.name)).toContain(
        'Open bugs',
      )
    },
  },
  {
    name: 'GET /roles.json lists Manager, Developer, Reporter',
    async run(t) {
      const r = await get(t, '/roles.json')
      expect(r.status).toBe(200)
      const names = (r.json as { roles: { name: string }[] }).roles.map((x) => x.name)
      expect(names).toEqual(expect.arrayContaining(['Manager', 'Developer', 'Reporter']))
    },
  },
  {
    name: 'an API path without .json answers 406',
    async run(t) {
      const r = await get(t, '/issues/1', { headers: { Accept: 'application/json' } })
      expect(r.status).toBe(406)
    },
  },
]
