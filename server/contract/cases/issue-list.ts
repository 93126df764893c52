/** GET /issues.json paging, limits and list includes. */
import { expect } from 'vitest'
import { wireIssueList } from '../../../src/trackers/redmine/wire'
import { group, type ContractCase } from '../case'
import { keysOf, listBody, qs, type ListBody, type Params } from './list-helpers'

function paged(
  name: string,
  params: Params,
  want: { keys?: string[]; offset: number; limit: number; count?: number },
): ContractCase {
  return {
    name,
    req: (ctx) => ({
      path: `/issues.json?${qs([['subject', `~${ctx.tok}`], ['status_id', '*'], ...params])}`,
    }),
    status: 200,
    schema: wireIssueList,
    check: (res, ctx) => {
      const body = listBody(res)
      expect(body.total_count).toBe(5)
      expect(body.offset).toBe(want.offset)
      expect(body.limit).toBe(want.limit)
      if (want.keys) expect(keysOf(ctx, body)).toEqual(want.keys)
      if (want.count !== undefined) expect(body.issues).toHaveLength(want.count)
    },
  }
}

export const issueListCases = group('issue list', [
  paged('limit=2', [['limit', 2]], { keys: ['e', 'd'], offset: 0, limit: 2 }),
  paged(
    'page=2&limit=2',
    [
      ['limit', 2],
      ['page', 2],
    ],
    { keys: ['c', 'b'], offset: 2, limit: 2 },
  ),
  paged(
    'offset=4&limit=2',
    [
      ['limit', 2],
      ['offset', 4],
    ],
    { keys: ['a'], offset: 4, limit: 2 },
  ),
  paged('limit=1000 is capped to 100', [['limit', 1000]], { offset: 0, limit: 100, count: 5 }),
  paged('limit=0 means 25', [['limit', 0]], { offset: 0, limit: 25, count: 5 }),
  {
    name: 'no scope: total_count counts past the page',
    req: { path: '/issues.json?status_id=*&limit=3' },
    status: 200,
    schema: wireIssueList,
    check: (res) => {
      const body = listBody(res)
      expect(body.issues).toHaveLength(3)
      expect(body.total_count).toBeGreaterThanOrEqual(10)
    },
  },
  {
    name: 'include=attachments,relations gives [] on every row',
    req: (ctx) => ({
      path: `/issues.json?${qs([
        ['subject', `~${ctx.tok}`],
        ['status_id', '*'],
        ['include', 'attachments,relations'],
      ])}`,
    }),
    status: 200,
    schema: wireIssueList,
    check: (res) => {
      const body = listBody(res)
      expect(body.issues).toHaveLength(5)
      for (const i of body.issues) {
        expect(i.attachments).toEqual([])
        expect(i.relations).toEqual([])
      }
    },
  },
  {
    name: 'include=journals,watchers,allowed_statuses is ignored on the list',
    req: (ctx) => ({
      path: `/issues.json?${qs([
        ['subject', `~${ctx.tok}`],
        ['status_id', '*'],
        ['include', 'journals,watchers,allowed_statuses'],
      ])}`,
    }),
    status: 200,
    schema: wireIssueList,
    check: (res) => {
      for (const i of (res.json() as ListBody).issues) {
        expect(i).not.toHaveProperty('journals')
        expect(i).not.toHaveProperty('watchers')
        expect(i).not.toHaveProperty('allowed_statuses')
      }
    },
  },
  {
    name: 'a list row has the issue fields, custom_fields and no parent on roots',
    req: (ctx) => ({ path: `/issues.json?issue_id=${ctx.issue.a},${ctx.issue.c}&status_id=*` }),
    status: 200,
    schema: wireIssueList,
    check: (res, ctx) => {
      const rows = listBody(res).issues as {
        id: number
        parent?: { id: number }
        custom_fields?: { id: number; value: unknown }[]
        assigned_to?: { id: number }
      }[]
      const a = rows.find((r) => r.id === ctx.issue.a)
      const c = rows.find((r) => r.id === ctx.issue.c)
      expect(a).not.toHaveProperty('parent')
      expect(a?.assigned_to?.id).toBe(ctx.users.jsmith)
      expect(a?.custom_fields).toEqual([
        expect.objectContaining({ id: ctx.severityId, value: 'critical' }),
      ])
      expect(c?.parent).toEqual({ id: ctx.issue.b })
      expect(c).not.toHaveProperty('assigned_to')
    },
  },
])
