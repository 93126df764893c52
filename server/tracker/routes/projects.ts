import { Hono } from 'hono'
import { sql } from 'kysely'
import type { Lookups } from '../db/lookups'
import type { ProjectRow, UserRow } from '../db/schema'
import {
  badRequest,
  deny,
  empty,
  errors,
  json,
  noContent,
  readJsonBody,
  type Ctx,
  type HonoEnv,
} from '../http'
import { allowed, findProject, projectVisible } from '../permissions'
import { categoryJson, userRef, versionJson } from '../serialize'
import { isoTime } from '../time'
import { MODULES } from '../seed/defaults'

export const projectRoutes = new Hono<HonoEnv>()

/** Redmine's default time entry activities (not stored: this server has no time tracking). */
const ACTIVITIES = [
  { id: 8, name: 'Design' },
  { id: 9, name: 'Development' },
]

function projectBody(
  l: Lookups,
  p: ProjectRow,
  include: Set<string>,
  show: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: p.id,
    name: p.name,
    identifier: p.identifier,
    description: p.description,
  }
  if (show) out.homepage = p.homepage
  if (p.parent_id !== null)
    out.parent = { id: p.parent_id, name: l.projects.get(p.parent_id)?.name ?? '' }
  out.status = p.status
  out.is_public = p.is_public === 1
  out.inherit_members = p.inherit_members === 1
  if (include.has('trackers'))
    out.trackers = (l.projectTrackers.get(p.id) ?? []).map((id) => ({
      id,
      name: l.trackers.get(id)?.name ?? '',
    }))
  if (include.has('issue_categories'))
    out.issue_categories = [...l.categories.values()]
      .filter((c) => c.project_id === p.id)
      .map((c) => ({ id: c.id, name: c.name }))
  if (include.has('time_entry_activities')) out.time_entry_activities = ACTIVITIES
  if (include.has('enabled_modules')) out.enabled_modules = l.enabledModules.get(p.id) ?? []
  if (include.has('issue_custom_fields'))
    out.issue_custom_fields = l.customFields
      .filter((f) => f.is_for_all !== 1)
      .map((f) => ({ id: f.id, name: f.name }))
  out.created_on = p.created_on
  out.updated_on = p.updated_on
  return out
}

function includes(v: string | undefined): Set<string> {
  return new Set((v ?? '').split(',').map((s) => s.trim()))
}

function page(c: Ctx): { offset: number; limit: number } {
  const offset = Math.max(0, Number(c.req.query('offset') ?? 0) || 0)
  let limit = Number(c.req.query('limit') ?? 25) || 25
  if (limit < 1) limit = 25
  if (limit > 100) limit = 100
  return { offset, limit }
}

/** Resolves `:id` (id or identifier) to a project the user may see, or the error response. */
function visibleProject(c: Ctx): ProjectRow | Response {
  const l = c.env.store.lookups
  const user = c.get('user')
  const p = findProject(l, c.req.param('id') ?? '')
  if (!p) return empty(404)
  if (!projectVisible(l, user, p)) return deny(user)
  return p
}

projectRoutes.get('/projects', (c) => {
  const l = c.env.store.lookups
  const user = c.get('user')
  const inc = includes(c.req.query('include'))
  const visible = l.projectList.filter((p) => p.status !== 9 && projectVisible(l, user, p))
  const { offset, limit } = page(c)
  return json({
    projects: visible.slice(offset, offset + limit).map((p) => projectBody(l, p, inc, false)),
    total_count: visible.length,
    offset,
    limit,
  })
})

projectRoutes.get('/projects/:id', (c) => {
  const p = visibleProject(c)
  if (p instanceof Response) return p
  return json({
    project: projectBody(c.env.store.lookups, p, includes(c.req.query('include')), true),
  })
})

projectRoutes.get('/projects/:id/memberships', (c) => {
  const p = visibleProject(c)
  if (p instanceof Response) return p
  const l = c.env.store.lookups
  const rows = [...(l.members.get(p.id) ?? new Map<number, number[]>())]
    .map(([userId, roleIds]) => ({
      id: l.memberIds.get(`${p.id}:${userId}`) ?? 0,
      project: { id: p.id, name: p.name },
      user: userRef(l, userId),
      roles: roleIds.map((r) => ({ id: r, name: l.roles.get(r)?.name ?? '' })),
    }))
    .sort((a, b) => a.id - b.id)
  const { offset, limit } = page(c)
  return json({
    memberships: rows.slice(offset, offset + limit),
    total_count: rows.length,
    offset,
    limit,
  })
})

projectRoutes.get('/projects/:id/versions', (c) => {
  const p = visibleProject(c)
  if (p instanceof Response) return p
  const l = c.env.store.lookups
  const versions = [...l.versions.values()].filter((v) => v.project_id === p.id)
  return json({ versions: versions.map((v) => versionJson(l, v)), total_count: versions.length })
})

projectRoutes.get('/versions/:id', async (c) => {
  const l = c.env.store.lookups
  const v = l.versions.get(Number(c.req.param('id')))
  const p = v && l.projects.get(v.project_id)
  if (!v || !p) return empty(404)
  if (!projectVisible(l, c.get('user'), p)) return deny(c.get('user'))
  const sum = await c.env.store.db
    .selectFrom('issues')
    .select(sql<number>`coalesce(sum(estimated_hours), 0)`.as('h'))
    .where('fixed_version_id', '=', v.id)
    .executeTakeFirst()
  const { created_on, updated_on, ...rest } = versionJson(l, v)
  return json({
    version: {
      ...rest,
      estimated_hours: Number(sum?.h ?? 0),
      spent_hours: 0,
      created_on,
      updated_on,
    },
  })
})

projectRoutes.get('/projects/:id/issue_categories', (c) => {
  const p = visibleProject(c)
  if (p instanceof Response) return p
  const l = c.env.store.lookups
  const cats = [...l.categories.values()].filter((x) => x.project_id === p.id)
  return json({ issue_categories: cats.map((x) => categoryJson(l, x)), total_count: cats.length })
})

const IDENTIFIER_RE = /^(?!\d+$)[a-z0-9\-_]{1,100}$/

function projectErrors(
  l: Lookups,
  input: Record<string, unknown>,
  existing: ProjectRow | null,
): { errors: string[]; values: Partial<ProjectRow> } {
  const errs: string[] = []
  const values: Partial<ProjectRow> = {}
  if ('name' in input || !existing) {
    const name = typeof input.name === 'string' ? input.name.trim() : ''
    if (!name) errs.push('Name cannot be blank')
    else if (name.length > 255) errs.push('Name is too long (maximum is 255 characters)')
    values.name = name
  }
  if (!existing) {
    const identifier = typeof input.identifier === 'string' ? input.identifier : ''
    if (!identifier) errs.push('Identifier cannot be blank')
    else if (!IDENTIFIER_RE.test(identifier)) errs.push('Identifier is invalid')
    else if (l.projectList.some((p) => p.identifier === identifier))
      errs.push('Identifier has already been taken')
    values.identifier = identifier
  }
  if (typeof input.description === 'string') values.description = input.description
  if (typeof input.homepage === 'string') values.homepage = input.homepage
  if ('is_public' in input)
    values.is_public =
      input.is_public === true || input.is_public === 'true' || input.is_public === 1 ? 1 : 0
  if ('parent_id' in input) {
    const raw = input.parent_id
    if (raw === null || raw === '') values.parent_id = null
    else {
      const parent = findProject(l, String(raw))
      if (!parent || (existing && parent.id === existing.id)) errs.push('Subproject of is invalid')
      else values.parent_id = parent.id
    }
  }
  return { errors: errs, values }
}

projectRoutes.post('/projects', async (c) => {
  const body = await readJsonBody(c)
  if (body.kind === 'bad') return badRequest()
  const user: UserRow | null = c.get('user')
  if (!user || user.admin !== 1) return deny(user)
  if (body.kind === 'noop') return errors(['Name cannot be blank', 'Identifier cannot be blank'])
  const input = (body.value.project ?? {}) as Record<string, unknown>
  const store = c.env.store
  const { errors: errs, values } = projectErrors(store.lookups, input, null)
  if (errs.length > 0) return errors(errs)
  const now = isoTime()
  const trackerIds = Array.isArray(input.tracker_ids)
    ? input.tracker_ids.map(Number).filter((id) => store.lookups.trackers.has(id))
    : store.lookups.trackerList.map((t) => t.id)
  const modules = Array.isArray(input.enabled_module_names)
    ? input.enabled_module_names.filter(
        (m): m is string => typeof m === 'string' && MODULES.includes(m),
      )
    : MODULES
  const id = await store.write(
    async (trx) => {
      const row = await trx
        .insertInto('projects')
        .values({
          name: values.name ?? '',
          identifier: values.identifier ?? '',
          description: values.description ?? '',
          homepage: values.homepage ?? '',
          is_public: values.is_public ?? 1,
          parent_id: values.parent_id ?? null,
          status: 1,
          inherit_members: 0,
          created_on: now,
          updated_on: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (trackerIds.length > 0)
        await trx
          .insertInto('project_trackers')
          .values(trackerIds.map((t) => ({ project_id: row.id, tracker_id: t })))
          .execute()
      if (modules.length > 0)
        await trx
          .insertInto('enabled_modules')
          .values(modules.map((name) => ({ project_id: row.id, name })))
          .execute()
      return row.id
    },
    { reload: true },
  )
  const p = store.lookups.projects.get(id)
  if (!p) return empty(404)
  return json({ project: projectBody(store.lookups, p, new Set(), true) }, 201, {
    Location: `${c.env.base}/projects/${id}`,
  })
})

projectRoutes.put('/projects/:id', async (c) => {
  const body = await readJsonBody(c)
  if (body.kind === 'bad') return badRequest()
  const p = visibleProject(c)
  if (p instanceof Response) return p
  const store = c.env.store
  const user = c.get('user')
  if (!allowed(store.lookups, user, p, 'edit_project')) return deny(user)
  if (body.kind === 'noop') return noContent()
  const input = (body.value.project ?? {}) as Record<string, unknown>
  const { errors: errs, values } = projectErrors(store.lookups, input, p)
  if (errs.length > 0) return errors(errs)
  await store.write(
    (trx) =>
      trx
        .updateTable('projects')
        .set({ ...values, updated_on: isoTime() })
        .where('id', '=', p.id)
        .execute(),
    { reload: true },
  )
  return noContent()
})
