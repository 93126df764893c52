/** POST /issues.json. */
import { expect } from 'vitest'
import { wireErrors, wireIssueCreated } from '../../../src/trackers/redmine/wire'
import { group } from '../case'
import type { Ctx } from '../context'
import type { Res } from '../http'

type Created = {
  issue: { id: number; subject: string; status: { name: string }; tracker: { name: string } }
}

/** Created issues are registered for cleanup (the suite never leaves them behind). */
function created(res: Res, ctx: Ctx): Created['issue'] {
  const { issue } = res.json() as Created
  ctx.track(issue.id)
  return issue
}

export const issueCreateCases = group('issue create', [
  {
    name: '201 with the issue and a Location header',
    req: (ctx) => ({
      method: 'POST',
      path: '/issues.json',
      body: { issue: { project_id: 'demo', subject: `${ctx.tok} created` } },
    }),
    status: 201,
    schema: wireIssueCreated,
    check: async (res, ctx) => {
      const issue = created(res, ctx)
      expect(issue.subject).toBe(`${ctx.tok} created`)
      expect(res.headers.get('location')).toBe(`${ctx.target.url}/issues/${issue.id}`)
      const again = await ctx.get<Created>(`/issues/${issue.id}.json`)
      expect(again.issue.subject).toBe(`${ctx.tok} created`)
    },
  },
  {
    name: 'status_id on create is ignored (starts New)',
    req: (ctx) => ({
      method: 'POST',
      path: '/issues.json',
      body: {
        issue: {
          project_id: ctx.demo.id,
          subject: `${ctx.tok} status`,
          status_id: ctx.status.Closed,
        },
      },
    }),
    status: 201,
    schema: wireIssueCreated,
    check: (res, ctx) => expect(created(res, ctx).status.name).toBe('New'),
  },
  {
    name: 'unknown tracker_id falls back to the default tracker',
    req: (ctx) => ({
      method: 'POST',
      path: '/issues.json',
      body: { issue: { project_id: ctx.demo.id, subject: `${ctx.tok} tracker`, tracker_id: 999 } },
    }),
    status: 201,
    schema: wireIssueCreated,
    check: (res, ctx) => expect(created(res, ctx).tracker.name).toBe('Bug'),
  },
  {
    name: 'blank subject: 422',
    req: {
      method: 'POST',
      path: '/issues.json',
      body: { issue: { project_id: 'demo', subject: '' } },
    },
    status: 422,
    schema: wireErrors,
    check: (res) => expect(res.json()).toEqual({ errors: ['Subject cannot be blank'] }),
  },
  {
    name: 'unknown project: 422',
    req: (ctx) => ({
      method: 'POST',
      path: '/issues.json',
      body: { issue: { project_id: 99999, subject: `${ctx.tok} nowhere` } },
    }),
    status: 422,
    schema: wireErrors,
    check: (res) =>
      expect(res.json()).toEqual({
        errors: ['Project cannot be blank', 'Tracker cannot be blank', 'Status cannot be blank'],
      }),
  },
  {
    name: 'as anonymous: 401',
    req: (ctx) => ({
      method: 'POST',
      path: '/issues.json',
      as: 'anonymous',
      body: { issue: { project_id: 'demo', subject: `${ctx.tok} anon` } },
    }),
    status: 401,
  },
])
