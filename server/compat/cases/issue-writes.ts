import { expect } from 'vitest'
import * as wire from '../../../src/trackers/redmine/wire'
import { expectShape, get, type Case } from '../case'
import { createIssue, type Target } from '../target'

type Show = { issue: wire.WireIssueDetail }

async function withIssue(
  t: Target,
  fields: Record<string, unknown>,
  fn: (id: number) => Promise<void>,
) {
  const id = await createIssue(t, fields)
  try {
    await fn(id)
  } finally {
    await t.req('DELETE', `/issues/${id}.json`)
  }
}

const show = async (t: Target, id: number, as: 'admin' | 'jsmith' = 'admin') =>
  ((await get(t, `/issues/${id}.json?include=journals`, { as })).json as Show).issue

export const issueWriteCases: Case[] = [
  {
    name: 'POST /issues.json: 201 with Location and the issue; status_id is ignored (New)',
    async run(t) {
      const demo = ((await get(t, '/projects/demo.json')).json as { project: { id: number } })
        .project.id
      const r = await t.req('POST', '/issues.json', {
        json: {
          issue: { project_id: demo, subject: 'contract: created', status_id: 5, tracker_id: 2 },
        },
      })
      expectShape(r, 201, wire.wireIssueCreated)
      const issue = (r.json as { issue: wire.WireIssue }).issue
      try {
        expect(issue.status.name).toBe('New')
        expect(issue.tracker.name).toBe('Feature')
        expect(r.headers.get('location')).toMatch(new RegExp(`/issues/${issue.id}(\\.json)?$`))
      } finally {
        await t.req('DELETE', `/issues/${issue.id}.json`)
      }
    },
  },
  {
    name: 'POST /issues.json with an unknown tracker falls back to the default (201)',
    async run(t) {
      await withIssue(t, { tracker_id: 999 }, async (id) => {
        expect((await show(t, id)).tracker.name).toBe('Bug')
      })
    },
  },
  {
    name: 'POST /issues.json with a blank subject is a 422 "Subject cannot be blank"',
    async run(t) {
      const demo = ((await get(t, '/projects/demo.json')).json as { project: { id: number } })
        .project.id
      const r = await t.req('POST', '/issues.json', {
        json: { issue: { project_id: demo, subject: '' } },
      })
      expectShape(r, 422, wire.wireErrors)
      expect(r.json).toEqual({ errors: ['Subject cannot be blank'] })
    },
  },
  {
    name: 'POST /issues.json with an unknown project is a 422 listing what is missing',
    async run(t) {
      const r = await t.req('POST', '/issues.json', {
        json: { issue: { project_id: 99999, subject: 'x' } },
      })
      expectShape(r, 422, wire.wireErrors)
      expect((r.json as { errors: string[] }).errors).toContain('Project cannot be blank')
    },
  },
  {
    name: 'PUT /issues/N.json: 204, the change and its journal are recorded',
    async run(t) {
      await withIssue(t, {}, async (id) => {
        const r = await t.req('PUT', `/issues/${id}.json`, {
          json: { issue: { status_id: 2, notes: 'moving on' } },
        })
        expect(r.status).toBe(204)
        expect(r.text).toBe('')
        const i = await show(t, id)
        expect(i.status.name).toBe('In Progress')
        const j = i.journals!.at(-1)!
        expect(j.notes).toBe('moving on')
        expect(j.details).toContainEqual({
          property: 'attr',
          name: 'status_id',
          old_value: '1',
          new_value: '2',
        })
      })
    },
  },
  {
    name: 'PUT a status the Developer workflow forbids: 204, status kept, notes saved',
    async run(t) {
      await withIssue(t, {}, async (id) => {
        const r = await t.req('PUT', `/issues/${id}.json`, {
          as: 'jsmith',
          json: { issue: { status_id: 6, notes: 'trying to reject' } },
        })
        expect(r.status).toBe(204)
        const i = await show(t, id)
        expect(i.status.name).toBe('New')
        expect(i.journals!.at(-1)!.notes).toBe('trying to reject')
      })
    },
  },
  {
    name: 'PUT with a blank subject is a 422',
    async run(t) {
      await withIssue(t, {}, async (id) => {
        const r = await t.req('PUT', `/issues/${id}.json`, { json: { issue: { subject: '' } } })
        expectShape(r, 422, wire.wireErrors)
        expect(r.json).toEqual({ errors: ['Subject cannot be blank'] })
      })
    },
  },
  {
    name: 'PUT a JSON body without Content-Type: application/json is a 204 no-op',
    async run(t) {
      await withIssue(t, {}, async (id) => {
        const r = await t.req('PUT', `/issues/${id}.json`, {
          body: JSON.stringify({ issue: { subject: 'changed?' } }),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        })
        expect(r.status).toBe(204)
        expect((await show(t, id)).subject).toBe('contract test issue')
      })
    },
  },
  {
    name: 'PUT malformed JSON is a 400',
    async run(t) {
      await withIssue(t, {}, async (id) => {
        const r = await t.req('PUT', `/issues/${id}.json`, {
          body: '{"issue": {',
          headers: { 'Content-Type': 'application/json' },
        })
        expect(r.status).toBe(400)
      })
    },
  },
  {
    name: 'PUT with a stale lock_version is a 422 with an empty list, nothing saved',
    async run(t) {
      await withIssue(t, {}, async (id) => {
        // Someone else saves first: the issue's lock_version moves past 0.
        const other = await t.req('PUT', `/issues/${id}.json`, {
          json: { issue: { subject: 'theirs' } },
        })
        expect(other.status).toBe(204)
        const stale = await t.req('PUT', `/issues/${id}.json`, {
          json: { issue: { subject: 'stale', lock_version: 0 } },
        })
        expect(stale.status).toBe(422)
        expect(stale.json).toEqual({ errors: [] })
        expect((await show(t, id)).subject).toBe('theirs')
      })
    },
  },
  {
    name: 'DELETE /issues/N.json: 204, then 404; a Developer may not delete (403)',
    async run(t) {
      const id = await createIssue(t, {})
      const denied = await t.req('DELETE', `/issues/${id}.json`, { as: 'jsmith' })
      expect(denied.status).toBe(403)
      const r = await t.req('DELETE', `/issues/${id}.json`)
      expect(r.status).toBe(204)
      expect((await get(t, `/issues/${id}.json`)).status).toBe(404)
    },
  },
]
