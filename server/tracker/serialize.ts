import type { Lookups } from './db/lookups'
import { userName } from './db/lookups'
import type {
  AttachmentRow,
  CategoryRow,
  IssueRow,
  JournalRow,
  RelationRow,
  StatusRow,
  UserRow,
  VersionRow,
} from './db/schema'

/** Rows -> Redmine 5.0.4 JSON, key for key and in Redmine's order (see redmine/samples/). */

export interface Named {
  id: number
  name: string
}

export function userRef(lookups: Lookups, id: number): Named {
  const u = lookups.users.get(id)
  return { id, name: u ? userName(u) : 'Anonymous' }
}

export function statusJson(s: StatusRow): { id: number; name: string; is_closed: boolean } {
  return { id: s.id, name: s.name, is_closed: s.is_closed === 1 }
}

export interface IssueExtras {
  /** custom field id -> value */
  customValues: Map<number, string | null>
  /** Sum of the children's estimated hours, or null for a leaf. */
  childEstimate: number | null
  /** Set on create: Redmine's create response has no spent_hours / total_spent_hours. */
  omitSpent?: boolean
}

export function issueJson(
  lookups: Lookups,
  i: IssueRow,
  extras: IssueExtras,
): Record<string, unknown> {
  const project = lookups.projects.get(i.project_id)
  const tracker = lookups.trackers.get(i.tracker_id)
  const status = lookups.statuses.get(i.status_id)
  const priority = lookups.priorities.get(i.priority_id)
  const out: Record<string, unknown> = {
    id: i.id,
    project: { id: i.project_id, name: project?.name ?? '' },
    tracker: { id: i.tracker_id, name: tracker?.name ?? '' },
    status: status ? statusJson(status) : { id: i.status_id, name: '', is_closed: false },
    priority: { id: i.priority_id, name: priority?.name ?? '' },
    author: userRef(lookups, i.author_id),
  }
  if (i.assigned_to_id !== null) out.assigned_to = userRef(lookups, i.assigned_to_id)
  if (i.category_id !== null)
    out.category = { id: i.category_id, name: lookups.categories.get(i.category_id)?.name ?? '' }
  if (i.fixed_version_id !== null)
    out.fixed_version = {
      id: i.fixed_version_id,
      name: lookups.versions.get(i.fixed_version_id)?.name ?? '',
    }
  if (i.parent_id !== null) out.parent = { id: i.parent_id }
  out.subject = i.subject
  out.description = i.description
  out.start_date = i.start_date
  out.due_date = i.due_date
  out.done_ratio = i.done_ratio
  out.is_private = i.is_private === 1
  out.estimated_hours = i.estimated_hours
  out.total_estimated_hours =
    extras.childEstimate === null
      ? i.estimated_hours
      : (i.estimated_hours ?? 0) + extras.childEstimate
  if (!extras.omitSpent) {
    out.spent_hours = 0
    out.total_spent_hours = 0
  }
  out.custom_fields = lookups.customFields
    .filter((f) => f.is_for_all === 1)
    .map((f) => ({ id: f.id, name: f.name, value: extras.customValues.get(f.id) ?? null }))
  out.created_on = i.created_on
  out.updated_on = i.updated_on
  out.closed_on = i.closed_on
  return out
}

export function attachmentJson(
  lookups: Lookups,
  base: string,
  a: AttachmentRow,
): Record<string, unknown> {
  return {
    id: a.id,
    filename: a.filename,
    filesize: a.filesize,
    content_type: a.content_type,
    description: a.description,
    content_url: `${base}/attachments/download/${a.id}/${encodeURIComponent(a.filename)}`,
    author: userRef(lookups, a.author_id),
    created_on: a.created_on,
  }
}

export function relationJson(r: RelationRow): Record<string, unknown> {
  return {
    id: r.id,
    issue_id: r.issue_from_id,
    issue_to_id: r.issue_to_id,
    relation_type: r.relation_type,
    delay: r.delay,
  }
}

export interface DetailRow {
  journal_id: number
  property: string
  prop_key: string
  old_value: string | null
  value: string | null
}

export function journalJson(
  lookups: Lookups,
  j: JournalRow,
  details: DetailRow[],
): Record<string, unknown> {
  return {
    id: j.id,
    user: userRef(lookups, j.user_id),
    notes: j.notes,
    created_on: j.created_on,
    private_notes: j.private_notes === 1,
    details: details.map((d) => ({
      property: d.property,
      name: d.prop_key,
      old_value: d.old_value,
      new_value: d.value,
    })),
  }
}

export function versionJson(lookups: Lookups, v: VersionRow): Record<string, unknown> {
  return {
    id: v.id,
    project: { id: v.project_id, name: lookups.projects.get(v.project_id)?.name ?? '' },
    name: v.name,
    description: v.description,
    status: v.status,
    due_date: v.due_date,
    sharing: v.sharing,
    wiki_page_title: null,
    created_on: v.created_on,
    updated_on: v.updated_on,
  }
}

export function categoryJson(lookups: Lookups, c: CategoryRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: c.id,
    project: { id: c.project_id, name: lookups.projects.get(c.project_id)?.name ?? '' },
    name: c.name,
  }
  if (c.assigned_to_id !== null) out.assigned_to = userRef(lookups, c.assigned_to_id)
  return out
}

/** `/users/...` shapes. `mail` is hidden unless an admin looks (Redmine's hide_mail default). */
export function userJson(
  u: UserRow,
  opts: { mail: boolean; apiKey: boolean; status: boolean },
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: u.id,
    login: u.login,
    admin: u.admin === 1,
    firstname: u.firstname,
    lastname: u.lastname,
  }
  if (opts.mail) out.mail = u.mail
  out.created_on = u.created_on
  out.updated_on = u.updated_on
  out.last_login_on = null
  out.passwd_changed_on = u.passwd_changed_on
  out.twofa_scheme = null
  if (opts.apiKey) out.api_key = u.api_key
  if (opts.status) out.status = u.status
  return out
}
