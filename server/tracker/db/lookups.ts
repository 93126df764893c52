import type { Kysely } from 'kysely'
import type {
  CategoryRow,
  CustomFieldRow,
  Database,
  PriorityRow,
  ProjectRow,
  StatusRow,
  TrackerRow,
  UserRow,
  VersionRow,
} from './schema'

export interface RoleInfo {
  id: number
  name: string
  position: number
  builtin: number
  permissions: Set<string>
  issuesVisibility: string
}

/** Reference data kept in memory: small, read on every request. */
export interface Lookups {
  statuses: Map<number, StatusRow>
  statusList: StatusRow[]
  trackers: Map<number, TrackerRow>
  trackerList: TrackerRow[]
  priorities: Map<number, PriorityRow>
  priorityList: PriorityRow[]
  roles: Map<number, RoleInfo>
  users: Map<number, UserRow>
  usersByKey: Map<string, UserRow>
  usersByLogin: Map<string, UserRow>
  projects: Map<number, ProjectRow>
  projectList: ProjectRow[]
  /** project id -> user id -> role ids */
  members: Map<number, Map<number, number[]>>
  memberIds: Map<string, number>
  /** `${role}:${tracker}:${from}:${to}` */
  workflows: Set<string>
  categories: Map<number, CategoryRow>
  versions: Map<number, VersionRow>
  customFields: CustomFieldRow[]
  projectTrackers: Map<number, number[]>
  enabledModules: Map<number, { id: number; name: string }[]>
}

function byId<T extends { id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((r) => [r.id, r]))
}

export async function loadLookups(db: Kysely<Database>): Promise<Lookups> {
  const [
    statuses,
    trackers,
    priorities,
    roles,
    users,
    projects,
    members,
    workflows,
    categories,
    versions,
    customFields,
    projectTrackers,
    modules,
  ] = await Promise.all([
    db.selectFrom('issue_statuses').selectAll().orderBy('position').execute(),
    db.selectFrom('trackers').selectAll().orderBy('position').execute(),
    db.selectFrom('priorities').selectAll().orderBy('position').execute(),
    db.selectFrom('roles').selectAll().orderBy('position').execute(),
    db.selectFrom('users').selectAll().orderBy('id').execute(),
    db.selectFrom('projects').selectAll().orderBy('id').execute(),
    db
      .selectFrom('members')
      .innerJoin('member_roles', 'member_roles.member_id', 'members.id')
      .select(['members.id', 'members.project_id', 'members.user_id', 'member_roles.role_id'])
      .orderBy('members.id')
      .execute(),
    db.selectFrom('workflows').selectAll().execute(),
    db.selectFrom('issue_categories').selectAll().orderBy('id').execute(),
    db.selectFrom('versions').selectAll().orderBy('id').execute(),
    db.selectFrom('custom_fields').selectAll().orderBy('id').execute(),
    db.selectFrom('project_trackers').selectAll().orderBy('tracker_id').execute(),
    db.selectFrom('enabled_modules').selectAll().orderBy('id').execute(),
  ])
  const memberMap = new Map<number, Map<number, number[]>>()
  const memberIds = new Map<string, number>()
  for (const m of members) {
    let p = memberMap.get(m.project_id)
    if (!p) memberMap.set(m.project_id, (p = new Map()))
    const list = p.get(m.user_id) ?? []
    list.push(m.role_id)
    p.set(m.user_id, list)
    memberIds.set(`${m.project_id}:${m.user_id}`, m.id)
  }
  const pt = new Map<number, number[]>()
  for (const r of projectTrackers)
    pt.set(r.project_id, [...(pt.get(r.project_id) ?? []), r.tracker_id])
  const em = new Map<number, { id: number; name: string }[]>()
  for (const r of modules)
    em.set(r.project_id, [...(em.get(r.project_id) ?? []), { id: r.id, name: r.name }])
  return {
    statuses: byId(statuses),
    statusList: statuses,
    trackers: byId(trackers),
    trackerList: trackers,
    priorities: byId(priorities),
    priorityList: priorities,
    roles: new Map(
      roles.map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          position: r.position,
          builtin: r.builtin,
          permissions: new Set(JSON.parse(r.permissions) as string[]),
          issuesVisibility: r.issues_visibility,
        },
      ]),
    ),
    users: byId(users),
    usersByKey: new Map(users.map((u) => [u.api_key, u])),
    usersByLogin: new Map(users.map((u) => [u.login, u])),
    projects: byId(projects),
    projectList: projects,
    members: memberMap,
    memberIds,
    workflows: new Set(
      workflows.map((w) => `${w.role_id}:${w.tracker_id}:${w.old_status_id}:${w.new_status_id}`),
    ),
    categories: byId(categories),
    versions: byId(versions),
    customFields,
    projectTrackers: pt,
    enabledModules: em,
  }
}

export function userName(u: UserRow): string {
  return `${u.firstname} ${u.lastname}`
}
