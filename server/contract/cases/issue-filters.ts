/** GET /issues.json filters: every row of NOTES.md's filter table, on the suite's own issues. */
import { expect } from 'vitest'
import { wireIssueList } from '../../../src/trackers/redmine/wire'
import { group } from '../case'
import type { Ctx } from '../context'
import { keysOf, listBody, listCase, qs } from './list-helpers'

const all = ['a', 'b', 'c', 'd', 'e'] as const
const cf = (ctx: Ctx) => `cf_${ctx.severityId}`

export const issueFilterCases = group('issue filters', [
  listCase('default is open only', () => [], ['a', 'b', 'c', 'e']),
  listCase('status_id=open', () => [['status_id', 'open']], ['a', 'b', 'c', 'e']),
  listCase('status_id=c (closed shorthand)', () => [['status_id', 'c']], ['d']),
  listCase('status_id=closed', () => [['status_id', 'closed']], ['d']),
  listCase('status_id=*', () => [['status_id', '*']], [...all]),
  listCase(
    'status_id=ids with |',
    (ctx) => [['status_id', `${ctx.status['In Progress']}|${ctx.status.Closed}`]],
    ['b', 'd'],
  ),
  listCase(
    'assigned_to_id=me',
    () => [
      ['status_id', '*'],
      ['assigned_to_id', 'me'],
    ],
    ['a'],
    {
      as: 'jsmith',
    },
  ),
  listCase(
    'assigned_to_id=id|id',
    (ctx) => [
      ['status_id', '*'],
      ['assigned_to_id', `${ctx.users.jsmith}|${ctx.users.dlopper}`],
    ],
    ['a', 'b'],
  ),
  listCase(
    'assigned_to_id=!* (unassigned)',
    () => [
      ['status_id', '*'],
      ['assigned_to_id', '!*'],
    ],
    ['c', 'd', 'e'],
  ),
  listCase(
    'author_id=me as admin',
    () => [
      ['status_id', '*'],
      ['author_id', 'me'],
    ],
    [...all],
  ),
  listCase(
    'author_id=me as jsmith',
    () => [
      ['status_id', '*'],
      ['author_id', 'me'],
    ],
    [],
    {
      as: 'jsmith',
    },
  ),
  listCase(
    'watcher_id=me',
    () => [
      ['status_id', '*'],
      ['watcher_id', 'me'],
    ],
    ['a'],
    {
      as: 'jsmith',
    },
  ),
  listCase(
    'sort=priority:desc,id',
    () => [
      ['status_id', '*'],
      ['sort', 'priority:desc,id'],
    ],
    ['a', 'd', 'e', 'b', 'c'],
    { ordered: true },
  ),
  listCase(
    'unknown sort key ignored (id desc)',
    () => [
      ['status_id', '*'],
      ['sort', 'bogus'],
    ],
    ['e', 'd', 'c', 'b', 'a'],
    { ordered: true },
  ),
  listCase(
    'f[]/op/v filters',
    (ctx) => [
      ['set_filter', '1'],
      ['f[]', 'status_id'],
      ['op[status_id]', '*'],
      ['f[]', 'tracker_id'],
      ['op[tracker_id]', '='],
      ['v[tracker_id][]', ctx.tracker.Bug!],
      ['f[]', 'subject'],
      ['op[subject]', '~'],
      ['v[subject][]', ctx.tok],
    ],
    ['a', 'd', 'e'],
    { scoped: false },
  ),
  {
    name: 'f[]/op with an unknown operator: 404',
    req: (ctx) => ({
      path: `/issues.json?${qs([
        ['f[]', 'subject'],
        ['op[subject]', 'BOGUS'],
        ['v[subject][]', ctx.tok],
      ])}`,
    }),
    status: 404,
  },
  listCase(
    'cf_N=value',
    (ctx) => [
      ['status_id', '*'],
      [cf(ctx), 'critical'],
    ],
    ['a'],
  ),
  listCase(
    'cf_N=a|b',
    (ctx) => [
      ['status_id', '*'],
      [cf(ctx), 'major|minor'],
    ],
    ['b', 'c', 'd', 'e'],
  ),
  listCase(
    'cf_N=!x',
    (ctx) => [
      ['status_id', '*'],
      [cf(ctx), '!minor'],
    ],
    ['a', 'c', 'd'],
  ),
  listCase(
    'cf_N=~x on a list field: no rows',
    (ctx) => [
      ['status_id', '*'],
      [cf(ctx), '~crit'],
    ],
    [],
  ),
  listCase(
    'created_on=>=date',
    () => [
      ['status_id', '*'],
      ['created_on', '>=2020-01-01'],
    ],
    [...all],
  ),
  listCase(
    'created_on=><A|B',
    () => [
      ['status_id', '*'],
      ['created_on', '><2020-01-01|2099-12-31'],
    ],
    [...all],
  ),
  listCase(
    'updated_on=>=future: none',
    () => [
      ['status_id', '*'],
      ['updated_on', '>=2099-01-01'],
    ],
    [],
  ),
  listCase(
    'updated_on=>=ISO datetime',
    () => [
      ['status_id', '*'],
      ['updated_on', '>=2000-01-01T00:00:00Z'],
    ],
    [...all],
  ),
  {
    name: 'bad date: 422 Created is invalid',
    req: (ctx) => ({
      path: `/issues.json?${qs([
        ['subject', `~${ctx.tok}`],
        ['status_id', '*'],
        ['created_on', '>=notadate'],
      ])}`,
    }),
    status: 422,
    check: (res) => expect(res.json()).toEqual({ errors: ['Created is invalid'] }),
  },
  listCase(
    'subject=text is an exact match',
    (ctx) => [
      ['status_id', '*'],
      ['subject', `${ctx.tok} alpha crash`],
    ],
    ['a'],
    { scoped: false },
  ),
  listCase(
    'subject=~TEXT is case-insensitive',
    (ctx) => [
      ['status_id', '*'],
      ['subject', `~${ctx.tok.toUpperCase()}`],
    ],
    [...all],
    { scoped: false },
  ),
  listCase(
    'issue_id=a,b',
    (ctx) => [
      ['status_id', '*'],
      ['issue_id', `${ctx.issue.a},${ctx.issue.b}`],
    ],
    ['a', 'b'],
  ),
  listCase(
    'parent_id=N',
    (ctx) => [
      ['status_id', '*'],
      ['parent_id', ctx.issue.b],
    ],
    ['c'],
  ),
  listCase(
    'project_id=demo',
    () => [
      ['status_id', '*'],
      ['project_id', 'demo'],
    ],
    ['a', 'b', 'c', 'd'],
  ),
  listCase(
    'category_id with project_id',
    (ctx) => [
      ['status_id', '*'],
      ['project_id', 'demo'],
      ['category_id', ctx.category.Backend],
    ],
    ['a'],
  ),
  listCase(
    'category_id without project_id is ignored',
    (ctx) => [
      ['status_id', '*'],
      ['category_id', ctx.category.Backend],
    ],
    [...all],
  ),
  listCase(
    'any_searchable (5.1+) is ignored',
    () => [
      ['status_id', '*'],
      ['any_searchable', 'crash'],
    ],
    [...all],
  ),
  listCase(
    'unknown parameter ignored',
    () => [
      ['status_id', '*'],
      ['nonexistent_field', '3'],
    ],
    [...all],
  ),
  listCase(
    'priority_id=>=N: operator not valid, no rows',
    (ctx) => [
      ['status_id', '*'],
      ['priority_id', `>=${ctx.priority.High}`],
    ],
    [],
  ),
  listCase('anonymous: private project hidden', () => [['status_id', '*']], ['a', 'b', 'c', 'd'], {
    as: 'anonymous',
  }),
  {
    name: 'unknown query_id: 404',
    req: { path: '/issues.json?query_id=99999' },
    status: 404,
  },
  {
    name: 'query_id "Open bugs" = open Bug issues',
    req: async (ctx) => {
      const { queries } = await ctx.get<{ queries: { id: number; name: string }[] }>(
        '/queries.json',
      )
      const q = queries.find((x) => x.name === 'Open bugs')
      if (!q) throw new Error('no "Open bugs" query')
      return { path: `/issues.json?query_id=${q.id}&limit=100` }
    },
    status: 200,
    schema: wireIssueList,
    check: async (res, ctx) => {
      const viaQuery = listBody(res)
      const direct = await ctx.get<{ total_count: number }>(
        `/issues.json?tracker_id=${ctx.tracker.Bug}&status_id=open&limit=1`,
      )
      expect(viaQuery.total_count).toBe(direct.total_count)
      expect(keysOf(ctx, viaQuery)).toEqual(expect.arrayContaining(['a', 'e']))
      expect(keysOf(ctx, viaQuery)).not.toContain('d')
    },
  },
])
