import { Hono } from 'hono'
import type { Lookups } from '../db/lookups'
import type { UserRow } from '../db/schema'
import { deny, empty, json, parseId, type HonoEnv } from '../http'
import { projectVisible } from '../permissions'
import { userJson } from '../serialize'

export const userRoutes = new Hono<HonoEnv>()

function memberships(l: Lookups, viewer: UserRow | null, user: UserRow): Record<string, unknown>[] {
  const out: { id: number; body: Record<string, unknown> }[] = []
  for (const [projectId, users] of l.members) {
    const roleIds = users.get(user.id)
    const project = l.projects.get(projectId)
    if (!roleIds || !project || !projectVisible(l, viewer, project)) continue
    out.push({
      id: l.memberIds.get(`${projectId}:${user.id}`) ?? 0,
      body: {
        project: { id: project.id, name: project.name },
        roles: roleIds.map((r) => ({ id: r, name: l.roles.get(r)?.name ?? '' })),
      },
    })
  }
  return out.sort((a, b) => a.id - b.id).map((m) => ({ id: m.id, ...m.body }))
}

function showUser(
  l: Lookups,
  viewer: UserRow,
  user: UserRow,
  include: Set<string>,
): Record<string, unknown> {
  const admin = viewer.admin === 1
  const self = viewer.id === user.id
  const body = userJson(user, { mail: admin, apiKey: admin || self, status: admin })
  if (!admin && !self) {
    delete body.admin
    delete body.twofa_scheme
  }
  if (include.has('groups') && admin) body.groups = []
  if (include.has('memberships')) body.memberships = memberships(l, viewer, user)
  return body
}

function includes(v: string | undefined): Set<string> {
  return new Set((v ?? '').split(',').map((s) => s.trim()))
}

userRoutes.get('/users/current', (c) => {
  const user = c.get('user')
  if (!user) return deny(null)
  return json({ user: showUser(c.env.store.lookups, user, user, includes(c.req.query('include'))) })
})

userRoutes.get('/my/account', (c) => {
  const user = c.get('user')
  if (!user) return deny(null)
  return json({
    user: {
      id: user.id,
      login: user.login,
      admin: user.admin === 1,
      firstname: user.firstname,
      lastname: user.lastname,
      mail: user.mail,
      created_on: user.created_on,
      last_login_on: null,
      api_key: user.api_key,
    },
  })
})

userRoutes.get('/users', (c) => {
  const user = c.get('user')
  if (!user || user.admin !== 1) return deny(user)
  const l = c.env.store.lookups
  const status = c.req.query('status')
  const name = (c.req.query('name') ?? '').toLowerCase()
  const users = [...l.users.values()]
    .filter((u) => (status === '' ? true : u.status === Number(status ?? 1)))
    .filter(
      (u) =>
        !name ||
        [u.login, u.firstname, u.lastname, u.mail, `${u.firstname} ${u.lastname}`].some((s) =>
          s.toLowerCase().includes(name),
        ),
    )
    .sort((a, b) => a.login.localeCompare(b.login))
  const offset = Math.max(0, Number(c.req.query('offset') ?? 0) || 0)
  let limit = Number(c.req.query('limit') ?? 25) || 25
  if (limit < 1) limit = 25
  if (limit > 100) limit = 100
  return json({
    users: users
      .slice(offset, offset + limit)
      .map((u) => userJson(u, { mail: true, apiKey: false, status: false })),
    total_count: users.length,
    offset,
    limit,
  })
})

userRoutes.get('/users/:id', (c) => {
  const viewer = c.get('user')
  const id = parseId(c.req.param('id'))
  const l = c.env.store.lookups
  const user = id === null ? undefined : l.users.get(id)
  if (!user) return empty(404)
  if (!viewer) return deny(null)
  // Non-admins see active users who share a visible project with them, and themselves.
  if (viewer.admin !== 1 && viewer.id !== user.id) {
    const shares = [...l.members.values()].some((m) => m.has(user.id) && m.has(viewer.id))
    if (!shares || user.status !== 1) return empty(404)
  }
  return json({ user: showUser(l, viewer, user, includes(c.req.query('include'))) })
})
