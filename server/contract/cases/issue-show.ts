/** GET /issues/N.json and its includes (keys left out when empty). */
import { expect } from 'vitest'
import { wireIssueShow } from '../../../src/trackers/redmine/wire'
import { group, type ContractCase } from '../case'
import type { Who } from '../http'

type Named = { id: number; name: string }
type Shown = {
  issue: {
    id: number
    status: Named
    children?: { id: number; subject: string }[]
    watchers?: Named[]
    relations?: unknown[]
    journals?: unknown[]
    attachments?: unknown[]
    allowed_statuses?: Named[]
  }
}

/**
 * Real Redmine 5.0.4 here: a REST create makes nobody a watcher; an update adds the updater only
 * when their `auto_watch_on` preference has issue_contributed_to (admin: yes, jsmith: no).
 */
function watchCase(who: Who, want: Who[]): ContractCase {
  return {
    name: `watchers: after an update by ${who}: [${want.join(', ')}]`,
    req: async (ctx) => {
      const id = await ctx.createIssue({
        project_id: ctx.demo.id,
        subject: `${ctx.tok} watch ${who}`,
      })
      const before = await ctx.get<Shown>(`/issues/${id}.json?include=watchers`)
      expect(before.issue.watchers, 'watchers right after create').toEqual([])
      const put = await ctx.send({
        method: 'PUT',
        path: `/issues/${id}.json`,
        as: who,
        body: { issue: { notes: `contributing as ${who}` } },
      })
      expect(put.status).toBe(204)
      return { path: `/issues/${id}.json?include=watchers` }
    },
    status: 200,
    schema: wireIssueShow,
    check: (res, ctx) => {
      const ids = ((res.json() as Shown).issue.watchers ?? []).map((w) => w.id)
      expect(ids).toEqual(want.map((w) => ctx.users[w]))
    },
  }
}

export const issueShowCases = group('issue show', [
  {
    name: 'plain show has no include keys',
    req: (ctx) => ({ path: `/issues/${ctx.issue.a}.json` }),
    status: 200,
    schema: wireIssueShow,
    check: (res, ctx) => {
      const { issue } = res.json() as Shown
      expect(issue.id).toBe(ctx.issue.a)
      for (const k of ['journals', 'children', 'watchers', 'relations', 'attachments'])
        expect(issue).not.toHaveProperty(k)
    },
  },
  {
    name: 'empty relations/children are left out; empty journals/attachments are []',
    req: (ctx) => ({
      path: `/issues/${ctx.issue.c}.json?include=relations,children,journals,attachments`,
    }),
    status: 200,
    schema: wireIssueShow,
    check: (res) => {
      const { issue } = res.json() as Shown
      expect(issue).not.toHaveProperty('relations')
      expect(issue).not.toHaveProperty('children')
      expect(issue.journals).toEqual([])
      expect(issue.attachments).toEqual([])
    },
  },
  {
    name: 'children of a parent',
    req: (ctx) => ({ path: `/issues/${ctx.issue.b}.json?include=children` }),
    status: 200,
    schema: wireIssueShow,
    check: (res, ctx) => {
      const { issue } = res.json() as Shown
      expect(issue.children?.map((c) => [c.id, c.subject])).toEqual([
        [ctx.issue.c, `${ctx.tok} gamma`],
      ])
    },
  },
  {
    name: 'watchers after a REST create: only the listed ones (no auto-watch of the author)',
    req: (ctx) => ({ path: `/issues/${ctx.issue.a}.json?include=watchers` }),
    status: 200,
    schema: wireIssueShow,
    check: (res, ctx) => {
      const ids = ((res.json() as Shown).issue.watchers ?? []).map((w) => w.id)
      expect(ids).toEqual([ctx.users.jsmith])
    },
  },
  watchCase('admin', ['admin']),
  watchCase('jsmith', []),
  {
    name: 'allowed_statuses for a Developer on a Closed issue is []',
    req: (ctx) => ({ path: `/issues/${ctx.issue.d}.json?include=allowed_statuses`, as: 'jsmith' }),
    status: 200,
    schema: wireIssueShow,
    check: (res) => {
      const { issue } = res.json() as Shown
      expect(issue.status.name).toBe('Closed')
      expect(issue.allowed_statuses).toEqual([])
    },
  },
  {
    name: 'allowed_statuses for a Developer on a New issue',
    req: (ctx) => ({ path: `/issues/${ctx.issue.a}.json?include=allowed_statuses`, as: 'jsmith' }),
    status: 200,
    schema: wireIssueShow,
    check: (res) => {
      const names = ((res.json() as Shown).issue.allowed_statuses ?? []).map((s) => s.name)
      expect(names).toContain('New')
      expect(names).toContain('In Progress')
      expect(names.length).toBeGreaterThan(1)
    },
  },
  {
    name: 'private-project issue as anonymous: 401',
    req: (ctx) => ({ path: `/issues/${ctx.issue.e}.json`, as: 'anonymous' }),
    status: 401,
  },
  { name: 'unknown issue: 404', req: { path: '/issues/99999999.json' }, status: 404 },
  {
    name: 'no /issues/N/journals.json route: 404',
    req: (ctx) => ({ path: `/issues/${ctx.issue.a}/journals.json` }),
    status: 404,
    body: 'any',
  },
])
