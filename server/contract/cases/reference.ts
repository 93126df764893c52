/** Reference data the app loads once: trackers, statuses, priorities, custom fields, queries, roles. */
import { expect } from 'vitest'
import {
  wireCustomFieldList,
  wirePriorityList,
  wireQueryList,
  wireStatusList,
  wireTrackerList,
} from '../../../src/trackers/redmine/wire'
import { group } from '../case'

type Named = { id: number; name: string }

export const referenceCases = group('reference', [
  {
    name: 'trackers',
    req: { path: '/trackers.json' },
    status: 200,
    schema: wireTrackerList,
    check: (res) => {
      const { trackers } = res.json() as { trackers: (Named & { default_status: Named })[] }
      expect(trackers.map((t) => t.name)).toEqual(['Bug', 'Feature', 'Support'])
      for (const t of trackers) expect(t.default_status.name).toBe('New')
    },
  },
  {
    name: 'issue statuses',
    req: { path: '/issue_statuses.json', as: 'jsmith' },
    status: 200,
    schema: wireStatusList,
    check: (res) => {
      const list = (res.json() as { issue_statuses: (Named & { is_closed: boolean })[] })
        .issue_statuses
      expect(list.map((s) => [s.name, s.is_closed])).toEqual([
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
    name: 'issue priorities',
    req: { path: '/enumerations/issue_priorities.json' },
    status: 200,
    schema: wirePriorityList,
    check: (res) => {
      const list = (res.json() as { issue_priorities: (Named & { is_default: boolean })[] })
        .issue_priorities
      expect(list.map((p) => p.name)).toEqual(['Low', 'Normal', 'High', 'Urgent', 'Immediate'])
      expect(list.filter((p) => p.is_default).map((p) => p.name)).toEqual(['Normal'])
    },
  },
  {
    name: 'custom fields as admin',
    req: { path: '/custom_fields.json' },
    status: 200,
    schema: wireCustomFieldList,
    check: (res) => {
      const list = (
        res.json() as {
          custom_fields: {
            name: string
            field_format: string
            customized_type: string
            possible_values?: { value: string }[]
          }[]
        }
      ).custom_fields
      const sev = list.find((f) => f.name === 'Severity')
      expect(sev?.field_format).toBe('list')
      expect(sev?.customized_type).toBe('issue')
      expect(sev?.possible_values?.map((v) => v.value)).toEqual(['minor', 'major', 'critical'])
    },
  },
  {
    name: 'custom fields as jsmith: 403',
    req: { path: '/custom_fields.json', as: 'jsmith' },
    status: 403,
  },
  {
    name: 'queries',
    req: { path: '/queries.json' },
    status: 200,
    schema: wireQueryList,
    check: (res) => {
      const names = (res.json() as { queries: Named[] }).queries.map((q) => q.name)
      expect(names).toEqual(
        expect.arrayContaining([
          'Issues assigned to me',
          'Reported issues',
          'Updated issues',
          'Watched issues',
          'Open bugs',
        ]),
      )
    },
  },
  {
    name: 'roles',
    req: { path: '/roles.json' },
    status: 200,
    check: (res) => {
      const roles = (res.json() as { roles: Named[] }).roles
      for (const r of roles) {
        expect(typeof r.id).toBe('number')
        expect(typeof r.name).toBe('string')
      }
      expect(roles.map((r) => r.name)).toEqual(['Manager', 'Developer', 'Reporter'])
    },
  },
])
