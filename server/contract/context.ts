/**
 * Per-target context: ids looked up by name (never assumed), the issues the suite creates for
 * itself (subjects carry a per-run token so filters see only them), and cleanup.
 */
import { randomBytes } from 'node:crypto'
import { send, type Req, type Res, type Who } from './http'
import type { Target } from './targets'

type Named = { id: number; name: string }

/** The issues every list/show case shares (see `createFixtureIssues`). */
export type FixtureKey = 'a' | 'b' | 'c' | 'd' | 'e'

export interface Ctx {
  target: Target
  /** Unique per run; every fixture subject contains it. */
  tok: string
  users: Record<Who, number>
  demo: { id: number; identifier: string }
  ops: { id: number; identifier: string }
  category: Record<'Backend' | 'Frontend', number>
  status: Record<string, number>
  priority: Record<string, number>
  tracker: Record<string, number>
  severityId: number
  issue: Record<FixtureKey, number>
  send(req: Req): Promise<Res>
  /** GET that must answer 200 with JSON. */
  get<T>(path: string, as?: Req['as']): Promise<T>
  /** POST /issues.json as `as` (admin by default); the issue is deleted after the run. */
  createIssue(fields: Record<string, unknown>, as?: Who): Promise<number>
  /** Registers an issue created by a case itself for deletion after the run. */
  track(id: number): void
  cleanup(): Promise<void>
}

function byName(list: Named[]): Record<string, number> {
  return Object.fromEntries(list.map((x) => [x.name, x.id]))
}

function need(map: Record<string, number>, name: string, what: string): number {
  const id = map[name]
  if (id === undefined) throw new Error(`${what} "${name}" not found`)
  return id
}

export async function makeCtx(target: Target): Promise<Ctx> {
  const created: number[] = []
  const sendReq = (req: Req) => send(target.url, target.keys, req)
  const get = async <T>(path: string, as?: Req['as']): Promise<T> => {
    const res = await sendReq({ path, as })
    if (res.status !== 200) throw new Error(`GET ${path} -> ${res.status}`)
    return res.json() as T
  }
  const createIssue = async (fields: Record<string, unknown>, as: Who = 'admin') => {
    const res = await sendReq({ method: 'POST', path: '/issues.json', as, body: { issue: fields } })
    if (res.status !== 201) throw new Error(`create issue -> ${res.status} ${res.text}`)
    const id = (res.json() as { issue: { id: number } }).issue.id
    created.push(id)
    return id
  }

  const [me, statuses, priorities, trackers, cats, fields, demo, ops] = await Promise.all([
    Promise.all(
      (['admin', 'jsmith', 'dlopper'] as const).map((w) =>
        get<{ user: { id: number } }>('/users/current.json', w),
      ),
    ),
    get<{ issue_statuses: Named[] }>('/issue_statuses.json'),
    get<{ issue_priorities: Named[] }>('/enumerations/issue_priorities.json'),
    get<{ trackers: Named[] }>('/trackers.json'),
    get<{ issue_categories: Named[] }>('/projects/demo/issue_categories.json'),
    get<{ custom_fields: Named[] }>('/custom_fields.json'),
    get<{ project: { id: number; identifier: string } }>('/projects/demo.json'),
    get<{ project: { id: number; identifier: string } }>('/projects/ops.json'),
  ])
  const category = byName(cats.issue_categories)
  const ctx: Ctx = {
    target,
    tok: `ctr${randomBytes(4).toString('hex')}`,
    users: { admin: me[0]!.user.id, jsmith: me[1]!.user.id, dlopper: me[2]!.user.id },
    demo: { id: demo.project.id, identifier: demo.project.identifier },
    ops: { id: ops.project.id, identifier: ops.project.identifier },
    category: {
      Backend: need(category, 'Backend', 'category'),
      Frontend: need(category, 'Frontend', 'category'),
    },
    status: byName(statuses.issue_statuses),
    priority: byName(priorities.issue_priorities),
    tracker: byName(trackers.trackers),
    severityId: need(byName(fields.custom_fields), 'Severity', 'custom field'),
    issue: { a: 0, b: 0, c: 0, d: 0, e: 0 },
    send: sendReq,
    get,
    createIssue,
    track: (id) => void created.push(id),
    async cleanup() {
      // Children first (reverse creation order), one at a time: real Redmine is single-threaded.
      for (const id of created.reverse())
        await sendReq({ method: 'DELETE', path: `/issues/${id}.json` })
      created.length = 0
    },
  }
  await createFixtureIssues(ctx)
  return ctx
}

/**
 * a: Bug, High, jsmith, Backend, critical, watched by jsmith     (demo, New)
 * b: Feature, Low, dlopper, minor, In Progress, parent of c      (demo)
 * c: Support, Low, unassigned, major, child of b                 (demo, New)
 * d: Bug, Normal, unassigned, major, Closed                      (demo)
 * e: Bug, Normal, unassigned, minor                              (ops, private project, New)
 */
async function createFixtureIssues(ctx: Ctx): Promise<void> {
  const p = (n: string) => need(ctx.priority, n, 'priority')
  const t = (n: string) => need(ctx.tracker, n, 'tracker')
  const cf = (value: string) => [{ id: ctx.severityId, value }]
  const demo = ctx.demo.id
  const { tok } = ctx
  ctx.issue.a = await ctx.createIssue({
    project_id: demo,
    subject: `${tok} alpha crash`,
    tracker_id: t('Bug'),
    priority_id: p('High'),
    assigned_to_id: ctx.users.jsmith,
    category_id: ctx.category.Backend,
    custom_fields: cf('critical'),
    watcher_user_ids: [ctx.users.jsmith],
  })
  ctx.issue.b = await ctx.createIssue({
    project_id: demo,
    subject: `${tok} beta`,
    tracker_id: t('Feature'),
    priority_id: p('Low'),
    assigned_to_id: ctx.users.dlopper,
    custom_fields: cf('minor'),
  })
  ctx.issue.c = await ctx.createIssue({
    project_id: demo,
    subject: `${tok} gamma`,
    tracker_id: t('Support'),
    priority_id: p('Low'),
    parent_issue_id: ctx.issue.b,
    custom_fields: cf('major'),
  })
  ctx.issue.d = await ctx.createIssue({
    project_id: demo,
    subject: `${tok} delta`,
    tracker_id: t('Bug'),
    priority_id: p('Normal'),
    custom_fields: cf('major'),
  })
  ctx.issue.e = await ctx.createIssue({
    project_id: ctx.ops.id,
    subject: `${tok} epsilon`,
    tracker_id: t('Bug'),
    priority_id: p('Normal'),
    custom_fields: cf('minor'),
  })
  for (const [key, status] of [
    ['b', 'In Progress'],
    ['d', 'Closed'],
  ] as const) {
    const res = await ctx.send({
      method: 'PUT',
      path: `/issues/${ctx.issue[key]}.json`,
      body: { issue: { status_id: need(ctx.status, status, 'status') } },
    })
    if (res.status !== 204) throw new Error(`set status of ${key} -> ${res.status}`)
  }
}
