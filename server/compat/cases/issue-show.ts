import { expect } from 'vitest'
import * as wire from '../../../src/trackers/redmine/wire'
import { expectEmpty, expectShape, get, type Case } from '../case'

const ALL = 'include=journals,attachments,relations,children,watchers,allowed_statuses'
type Show = { issue: wire.WireIssueDetail }

export const issueShowCases: Case[] = [
  {
    name: 'GET /issues/7.json with every include: attachment, relation, watchers, journals',
    async run(t) {
      const r = await get(t, `/issues/7.json?${ALL}`)
      expectShape(r, 200, wire.wireIssueShow)
      const i = (r.json as Show).issue
      expect(i.attachments?.map((a) => a.filename)).toEqual(['crash.log'])
      expect(i.attachments?.[0]?.content_url).toMatch(/\/attachments\/download\/\d+\/crash\.log$/)
      expect(i.relations?.[0]).toMatchObject({ relation_type: 'relates' })
      expect(i.watchers?.map((w) => w.name)).toContain('Dave Lopper')
      expect(i.journals?.some((j) => j.details.some((d) => d.property === 'attachment'))).toBe(true)
      expect(i.allowed_statuses?.length).toBeGreaterThan(0)
    },
  },
  {
    name: 'GET /issues/1.json history records the status change and the notes',
    async run(t) {
      const i = ((await get(t, `/issues/1.json?${ALL}`)).json as Show).issue
      const change = i.journals?.find((j) => j.details.some((d) => d.name === 'status_id'))
      expect(change?.details.find((d) => d.name === 'status_id')).toMatchObject({
        property: 'attr',
        old_value: '1',
        new_value: '2',
      })
      expect(i.journals?.some((j) => (j.notes ?? '').length > 0)).toBe(true)
    },
  },
  {
    name: 'keys are left out when empty: relations and children of an issue without them',
    async run(t) {
      const i = ((await get(t, `/issues/3.json?${ALL}`)).json as Show).issue as Record<
        string,
        unknown
      >
      expect('relations' in i).toBe(false)
      expect('children' in i).toBe(false)
      expect(Array.isArray(i.attachments)).toBe(true)
    },
  },
  {
    name: 'a parent lists its children, a child names its parent',
    async run(t) {
      const p = ((await get(t, '/issues/5.json?include=children')).json as Show).issue
      expect(p.children?.map((c) => c.id)).toEqual([6])
      const c = ((await get(t, '/issues/6.json')).json as Show).issue
      expect(c.parent).toEqual({ id: 5 })
    },
  },
  {
    name: 'allowed_statuses: a Developer may not move a Closed issue anywhere',
    async run(t) {
      const i = (
        (await get(t, '/issues/3.json?include=allowed_statuses', { as: 'jsmith' })).json as Show
      ).issue
      expect(i.status.name).toBe('Closed')
      expect(i.allowed_statuses).toEqual([])
    },
  },
  {
    name: 'allowed_statuses: a Developer on In Progress may resolve or close, not reject',
    async run(t) {
      const i = (
        (await get(t, '/issues/1.json?include=allowed_statuses', { as: 'jsmith' })).json as Show
      ).issue
      const names = i.allowed_statuses?.map((s) => s.name) ?? []
      expect(names).toEqual(expect.arrayContaining(['Resolved', 'Closed']))
      expect(names).not.toContain('Rejected')
    },
  },
  {
    name: 'an unknown issue is an empty 404; a private one is 401 to anonymous',
    async run(t) {
      expectEmpty(await get(t, '/issues/999999.json'), 404)
      const ops = (
        (await get(t, '/issues.json?project_id=ops&status_id=*&limit=1')).json as {
          issues: { id: number }[]
        }
      ).issues[0]!
      expectEmpty(await get(t, `/issues/${ops.id}.json`, { as: 'anonymous' }), 401)
    },
  },
  {
    name: 'GET /issues/7/relations.json and GET /attachments/N.json',
    async run(t) {
      const rel = await get(t, '/issues/7/relations.json')
      expectShape(rel, 200, wire.wireRelationList)
      const i = ((await get(t, '/issues/7.json?include=attachments')).json as Show).issue
      const a = await get(t, `/attachments/${i.attachments![0]!.id}.json`)
      expectShape(a, 200, wire.wireAttachmentShow)
    },
  },
  {
    name: '/issues/N/journals.json does not exist',
    async run(t) {
      expect((await get(t, '/issues/1/journals.json')).status).toBe(404)
    },
  },
]
