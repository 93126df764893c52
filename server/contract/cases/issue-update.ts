/** PUT /issues/N.json: every case works on a fresh issue of its own. */
import { expect } from 'vitest'
import { wireErrors, wireIssueShow } from '../../../src/trackers/redmine/wire'
import { group } from '../case'
import type { Ctx } from '../context'
import type { Req } from '../http'

type Shown = {
  issue: {
    subject: string
    status: { name: string }
    journals?: { notes: string | null; user: { id: number } }[]
  }
}

/** A fresh demo issue of the case's own (optionally moved to `status` by admin). */
async function fresh(
  ctx: Ctx,
  label: string,
  status?: string,
): Promise<{ id: number; subject: string }> {
  const subject = `${ctx.tok} ${label}`
  const id = await ctx.createIssue({ project_id: ctx.demo.id, subject })
  if (status) {
    const res = await ctx.send({
      method: 'PUT',
      path: `/issues/${id}.json`,
      body: { issue: { status_id: ctx.status[status] } },
    })
    if (res.status !== 204) throw new Error(`status ${status} -> ${res.status}`)
  }
  return { id, subject }
}

const ids = new WeakMap<Req, { id: number; subject: string }>()
function put(
  label: string,
  make: (ctx: Ctx) => Omit<Req, 'path' | 'method'>,
  status?: string,
): (ctx: Ctx) => Promise<Req> {
  return async (ctx) => {
    const issue = await fresh(ctx, label, status)
    const req: Req = { method: 'PUT', path: `/issues/${issue.id}.json`, ...make(ctx) }
    ids.set(req, issue)
    return req
  }
}
async function reread(
  ctx: Ctx,
  req: Req,
  as: Req['as'] = 'admin',
): Promise<Shown['issue'] & { orig: string }> {
  const issue = ids.get(req)
  if (!issue) throw new Error('no issue for this request')
  const { issue: shown } = await ctx.get<Shown>(`/issues/${issue.id}.json?include=journals`, as)
  return { ...shown, orig: issue.subject }
}

export const issueUpdateCases = group('issue update', [
  {
    name: '204, subject changed',
    req: put('update', () => ({ body: { issue: { subject: 'renamed by contract' } } })),
    status: 204,
    check: async (_res, ctx, req) => {
      expect((await reread(ctx, req)).subject).toBe('renamed by contract')
    },
  },
  {
    name: 'notes are saved as a journal',
    req: put('notes', () => ({ body: { issue: { notes: 'a note from the contract suite' } } })),
    status: 204,
    check: async (_res, ctx, req) => {
      const issue = await reread(ctx, req)
      expect(issue.journals?.map((j) => j.notes)).toEqual(['a note from the contract suite'])
      expect(issue.journals?.[0]?.user.id).toBe(ctx.users.admin)
    },
  },
  {
    name: 'Developer Closed->New is ignored (204) but notes in the same PUT are saved',
    req: put(
      'workflow',
      (ctx) => ({
        as: 'jsmith',
        body: { issue: { status_id: ctx.status.New, notes: 'tried to reopen' } },
      }),
      'Closed',
    ),
    status: 204,
    check: async (_res, ctx, req) => {
      const issue = await reread(ctx, req)
      expect(issue.status.name).toBe('Closed')
      expect(issue.journals?.map((j) => j.notes)).toContain('tried to reopen')
    },
  },
  {
    name: 'unknown status_id is ignored (204)',
    req: put('unknown status', () => ({ body: { issue: { status_id: 99 } } })),
    status: 204,
    check: async (_res, ctx, req) => {
      expect((await reread(ctx, req)).status.name).toBe('New')
    },
  },
  {
    name: 'JSON body without Content-Type application/json is a 204 no-op',
    req: put('no ctype', () => ({
      raw: JSON.stringify({ issue: { subject: 'should not be saved' } }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })),
    status: 204,
    check: async (_res, ctx, req) => {
      const issue = await reread(ctx, req)
      expect(issue.subject).toBe(issue.orig)
    },
  },
  {
    name: 'malformed JSON: 400 with an empty body',
    req: put('bad json', () => ({
      raw: '{"issue": {"subject": ',
      headers: { 'Content-Type': 'application/json' },
    })),
    status: 400,
    body: 'empty',
    contentType: /^text\/html/,
    check: async (_res, ctx, req) => {
      const issue = await reread(ctx, req)
      expect(issue.subject).toBe(issue.orig)
    },
  },
  {
    name: 'stale lock_version: 422 {"errors":[]} and nothing saved',
    req: async (ctx) => {
      const make = put('stale', () => ({
        body: { issue: { subject: 'stale write', lock_version: 0 } },
      }))
      const req = await make(ctx)
      // One update moves lock_version from 0 to 1, so 0 is stale.
      const first = await ctx.send({
        method: 'PUT',
        path: req.path,
        body: { issue: { notes: 'bump lock_version' } },
      })
      if (first.status !== 204) throw new Error(`bump -> ${first.status}`)
      return req
    },
    status: 422,
    schema: wireErrors,
    check: async (res, ctx, req) => {
      expect(res.json()).toEqual({ errors: [] })
      const issue = await reread(ctx, req)
      expect(issue.subject).toBe(issue.orig)
    },
  },
  {
    name: 'blank subject: 422',
    req: put('blank', () => ({ body: { issue: { subject: '' } } })),
    status: 422,
    schema: wireErrors,
    check: (res) => expect(res.json()).toEqual({ errors: ['Subject cannot be blank'] }),
  },
  {
    name: 'the re-read issue still matches the show schema after edits',
    req: put('schema', () => ({ body: { issue: { notes: 'x', done_ratio: 30 } } })),
    status: 204,
    check: async (_res, ctx, req) => {
      const issue = ids.get(req)
      const res = await ctx.send({ path: `/issues/${issue?.id}.json?include=journals,watchers` })
      expect(wireIssueShow.safeParse(res.json()).success).toBe(true)
      expect((res.json() as { issue: { done_ratio: number } }).issue.done_ratio).toBe(30)
    },
  },
])

export const issueDeleteCases = group('issue delete', [
  {
    name: 'DELETE: 204, then the issue is gone',
    req: async (ctx) => ({
      method: 'DELETE',
      path: `/issues/${(await fresh(ctx, 'delete')).id}.json`,
    }),
    status: 204,
    check: async (_res, ctx, req) => {
      const again = await ctx.send({ path: req.path })
      expect(again.status).toBe(404)
    },
  },
  {
    name: 'DELETE as a Developer: 403',
    req: async (ctx) => ({
      method: 'DELETE',
      as: 'jsmith',
      path: `/issues/${(await fresh(ctx, 'no delete')).id}.json`,
    }),
    status: 403,
    check: async (_res, ctx, req) => {
      expect((await ctx.send({ path: req.path })).status).toBe(200)
    },
  },
  {
    name: 'DELETE unknown issue: 404',
    req: { method: 'DELETE', path: '/issues/99999999.json' },
    status: 404,
  },
])
