import { expect } from 'vitest'
import * as wire from '../../../src/trackers/redmine/wire'
import { expectEmpty, expectShape, get, ids, type Case } from '../case'
import type { Target, Who } from '../target'

type W = wire.WireIssue
type List = { issues: W[]; total_count: number; offset: number; limit: number }

async function list(t: Target, query: string, as: Who = 'admin') {
  const r = await get(t, `/issues.json?${query}`, { as })
  expectShape(r, 200, wire.wireIssueList)
  return r.json as List
}

/** A filter case: every issue returned satisfies `each`, and the answer is not empty unless said. */
function filter(
  name: string,
  query: string,
  each: (i: W, t: Target) => boolean,
  opts: { as?: 'jsmith'; empty?: boolean } = {},
): Case {
  return {
    name: `GET /issues.json?${query} (${name})`,
    async run(t) {
      const l = await list(t, query, opts.as)
      if (opts.empty) expect(l.issues).toEqual([])
      else expect(l.issues.length).toBeGreaterThan(0)
      for (const i of l.issues) expect(each(i, t), `#${i.id}`).toBe(true)
      expect(l.total_count).toBeGreaterThanOrEqual(l.issues.length)
    },
  }
}

const cf = (i: W) => i.custom_fields?.find((f) => f.id === 1)?.value

export const issueListCases: Case[] = [
  {
    name: 'the default list is open issues only, 25 a page, newest first',
    async run(t) {
      const l = await list(t, '')
      expect(l.limit).toBe(25)
      expect(l.issues.every((i) => !i.status.is_closed)).toBe(true)
      const got = l.issues.map((i) => i.id)
      expect(got).toEqual([...got].sort((a, b) => b - a))
    },
  },
  filter('open', 'status_id=open&limit=100', (i) => !i.status.is_closed),
  filter('closed', 'status_id=closed&limit=100', (i) => i.status.is_closed),
  filter('o shorthand', 'status_id=o', (i) => !i.status.is_closed),
  filter('c shorthand', 'status_id=c', (i) => i.status.is_closed),
  filter('status ids', 'status_id=2|3&limit=100', (i) => [2, 3].includes(i.status.id)),
  {
    name: 'status_id=* includes open and closed',
    async run(t) {
      const l = await list(t, 'status_id=*&limit=100')
      expect(l.issues.some((i) => i.status.is_closed)).toBe(true)
      expect(l.issues.some((i) => !i.status.is_closed)).toBe(true)
    },
  },
  filter('tracker', 'status_id=*&tracker_id=1&limit=100', (i) => i.tracker.id === 1),
  filter('priority', 'status_id=*&priority_id=3&limit=100', (i) => i.priority.id === 3),
  filter(
    'assigned to me',
    'status_id=*&assigned_to_id=me',
    (i) => i.assigned_to?.name === 'John Smith',
    { as: 'jsmith' },
  ),
  filter('unassigned', 'status_id=*&assigned_to_id=!*&limit=100', (i) => !i.assigned_to),
  filter('author', 'status_id=*&author_id=1&limit=100', (i) => i.author.id === 1),
  filter('watched by me', 'status_id=*&watcher_id=me', () => true, { as: 'jsmith' }),
  filter('project', 'project_id=ops&status_id=*', (i) => i.project.name === 'Ops'),
  filter(
    'category in project',
    'project_id=demo&status_id=*&category_id=1',
    (i) => i.category?.id === 1,
  ),
  filter('version', 'status_id=*&fixed_version_id=1', (i) => i.fixed_version?.id === 1),
  filter('subject contains', 'status_id=*&subject=~DARK', (i) =>
    i.subject.toLowerCase().includes('dark'),
  ),
  filter('subject exact', 'status_id=*&subject=dark', () => true, { empty: true }),
  filter('custom field value', 'status_id=*&cf_1=critical', (i) => cf(i) === 'critical'),
  filter('custom field values', 'status_id=*&cf_1=major|minor&limit=100', (i) =>
    ['major', 'minor'].includes(String(cf(i))),
  ),
  filter('~ on a list field', 'status_id=*&cf_1=~crit', () => true, { empty: true }),
  filter(
    'created since',
    'status_id=*&created_on=%3E%3D2020-01-01&limit=100',
    (i) => i.created_on >= '2020-01-01',
  ),
  filter(
    'created between',
    'status_id=*&created_on=%3E%3C2020-01-01|2099-12-31&limit=100',
    (i) => i.created_on >= '2020',
  ),
  filter('updated in the future', 'status_id=*&updated_on=%3E%3D2099-01-01', () => true, {
    empty: true,
  }),
  filter(
    'updated since a datetime',
    'status_id=*&updated_on=%3E%3D2000-01-01T00:00:00Z&limit=100',
    (i) => i.updated_on >= '2000',
  ),
  filter(
    'f[]/op/v form',
    'set_filter=1&f[]=status_id&op[status_id]=*&f[]=tracker_id&op[tracker_id]=%3D&v[tracker_id][]=1',
    (i) => i.tracker.id === 1,
  ),
  filter('priority >= is not valid', 'status_id=*&priority_id=%3E%3D4', () => true, {
    empty: true,
  }),
  {
    name: 'issue_id lists and parent_id',
    async run(t) {
      expect(ids(await get(t, '/issues.json?issue_id=1,2,3&status_id=*')).sort()).toEqual([1, 2, 3])
      const children = (await list(t, 'parent_id=5&status_id=*')).issues
      expect(children.map((i) => i.parent?.id)).toEqual(children.map(() => 5))
    },
  },
  {
    name: 'a bad date is a 422 with Redmine’s message',
    async run(t) {
      const r = await get(t, '/issues.json?status_id=*&created_on=%3E%3Dnotadate')
      expectShape(r, 422, wire.wireErrors)
      expect(r.json).toEqual({ errors: ['Created is invalid'] })
    },
  },
  {
    name: 'an unknown operator is an empty 404',
    async run(t) {
      expectEmpty(
        await get(t, '/issues.json?status_id=*&f[]=subject&op[subject]=BOGUS&v[subject][]=x'),
        404,
      )
    },
  },
  {
    name: 'an unknown query_id is an empty 404; a known one applies its filters',
    async run(t) {
      expectEmpty(await get(t, '/issues.json?query_id=999'), 404)
      const queries = (await get(t, '/queries.json')).json as {
        queries: { id: number; name: string }[]
      }
      const open = queries.queries.find((q) => q.name === 'Open bugs')!
      const l = await list(t, `query_id=${open.id}`)
      expect(l.issues.every((i) => i.tracker.name === 'Bug' && !i.status.is_closed)).toBe(true)
    },
  },
  {
    name: 'sort by priority desc then updated_on; unknown sort keys fall back to id desc',
    async run(t) {
      const l = await list(t, 'status_id=*&sort=priority:desc,updated_on&limit=100')
      const pr = l.issues.map((i) => i.priority.id)
      expect(pr).toEqual([...pr].sort((a, b) => b - a))
      const bogus = (await list(t, 'status_id=*&sort=bogus&limit=100')).issues.map((i) => i.id)
      expect(bogus).toEqual([...bogus].sort((a, b) => b - a))
    },
  },
  {
    name: 'paging: offset/limit, page, limit capped at 100, limit < 1 means 25',
    async run(t) {
      const all = await list(t, 'status_id=*&limit=100')
      const page = await list(t, 'status_id=*&limit=3&offset=3')
      expect(page).toMatchObject({ offset: 3, limit: 3, total_count: all.total_count })
      expect(page.issues.map((i) => i.id)).toEqual(all.issues.slice(3, 6).map((i) => i.id))
      expect((await list(t, 'status_id=*&limit=3&page=2')).issues.map((i) => i.id)).toEqual(
        page.issues.map((i) => i.id),
      )
      expect((await list(t, 'status_id=*&limit=1000')).limit).toBe(100)
      expect((await list(t, 'status_id=*&limit=0')).limit).toBe(25)
    },
  },
  {
    name: 'unknown parameters and category_id without a project are ignored',
    async run(t) {
      const all = (await list(t, 'status_id=*&limit=100')).total_count
      expect((await list(t, 'status_id=*&nonexistent_field=3')).total_count).toBe(all)
      expect((await list(t, 'status_id=*&category_id=1')).total_count).toBe(all)
    },
  },
  {
    name: 'include=attachments,relations on the list gives arrays; journals are ignored',
    async run(t) {
      const l = await list(t, 'issue_id=7&status_id=*&include=attachments,relations,journals')
      const i = l.issues[0] as W & { journals?: unknown }
      expect(Array.isArray(i.attachments)).toBe(true)
      expect(Array.isArray(i.relations)).toBe(true)
      expect(i.journals).toBeUndefined()
    },
  },
  {
    name: 'anonymous never sees issues of a private project',
    async run(t) {
      const l = await list(t, 'status_id=*&limit=100', 'anonymous')
      expect(l.issues.some((i) => i.project.name === 'Ops')).toBe(false)
      const r = await get(t, '/issues.json?project_id=ops&status_id=*', { as: 'anonymous' })
      expectEmpty(r, 401)
    },
  },
]
