import { Hono } from 'hono'
import { deny, empty, json, type HonoEnv } from '../http'
import { statusJson } from '../serialize'
import { projectVisible } from '../permissions'

/** Trackers, statuses, priorities, roles, custom fields and saved queries. */
export const referenceRoutes = new Hono<HonoEnv>()

referenceRoutes.get('/trackers', (c) => {
  const l = c.env.store.lookups
  return json({
    trackers: l.trackerList.map((t) => {
      const s = l.statuses.get(t.default_status_id)
      return {
        id: t.id,
        name: t.name,
        default_status: { id: t.default_status_id, name: s?.name ?? '' },
        description: null,
        enabled_standard_fields: [
          'assigned_to_id',
          'category_id',
          'fixed_version_id',
          'parent_issue_id',
          'start_date',
          'due_date',
          'estimated_hours',
          'done_ratio',
          'description',
        ],
      }
    }),
  })
})

referenceRoutes.get('/issue_statuses', (c) =>
  json({ issue_statuses: c.env.store.lookups.statusList.map(statusJson) }),
)

referenceRoutes.get('/enumerations/issue_priorities', (c) =>
  json({
    issue_priorities: c.env.store.lookups.priorityList.map((p) => ({
      id: p.id,
      name: p.name,
      is_default: p.is_default === 1,
      active: p.active === 1,
    })),
  }),
)

referenceRoutes.get('/enumerations/time_entry_activities', () =>
  json({
    time_entry_activities: [
      { id: 8, name: 'Design', is_default: false, active: true },
      { id: 9, name: 'Development', is_default: false, active: true },
    ],
  }),
)

referenceRoutes.get('/roles', (c) =>
  json({
    roles: [...c.env.store.lookups.roles.values()]
      .filter((r) => r.builtin === 0)
      .sort((a, b) => a.position - b.position)
      .map((r) => ({ id: r.id, name: r.name })),
  }),
)

referenceRoutes.get('/roles/:id{[0-9]+}', (c) => {
  const r = c.env.store.lookups.roles.get(Number(c.req.param('id')))
  if (!r) return empty(404)
  return json({
    role: {
      id: r.id,
      name: r.name,
      assignable: true,
      issues_visibility: r.issuesVisibility,
      time_entries_visibility: 'all',
      users_visibility: 'all',
      permissions: [...r.permissions],
    },
  })
})

referenceRoutes.get('/custom_fields', (c) => {
  const user = c.get('user')
  if (!user) return deny(null)
  if (user.admin !== 1) return empty(403)
  const l = c.env.store.lookups
  return json({
    custom_fields: l.customFields.map((f) => ({
      id: f.id,
      name: f.name,
      customized_type: 'issue',
      field_format: f.field_format,
      regexp: '',
      min_length: null,
      max_length: null,
      is_required: f.is_required === 1,
      is_filter: f.is_filter === 1,
      searchable: f.searchable === 1,
      multiple: false,
      default_value: f.default_value,
      visible: true,
      possible_values: (JSON.parse(f.possible_values) as string[]).map((v) => ({
        value: v,
        label: v,
      })),
      trackers: l.trackerList.map((t) => ({ id: t.id, name: t.name })),
      roles: [],
    })),
  })
})

referenceRoutes.get('/queries', async (c) => {
  const user = c.get('user')
  const l = c.env.store.lookups
  const rows = await c.env.store.db
    .selectFrom('queries')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute()
  const visible = rows.filter((q) => {
    if (q.project_id !== null) {
      const p = l.projects.get(q.project_id)
      if (!p || !projectVisible(l, user, p)) return false
    }
    return q.is_public === 1 || (user !== null && q.user_id === user.id)
  })
  const offset = Math.max(0, Number(c.req.query('offset') ?? 0) || 0)
  let limit = Number(c.req.query('limit') ?? 25) || 25
  if (limit < 1) limit = 25
  if (limit > 100) limit = 100
  return json({
    queries: visible.slice(offset, offset + limit).map((q) => ({
      id: q.id,
      name: q.name,
      is_public: q.is_public === 1,
      project_id: q.project_id,
    })),
    total_count: visible.length,
    offset,
    limit,
  })
})
