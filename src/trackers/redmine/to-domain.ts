/** Redmine wire format -> domain model. Pure functions; the only place that knows both. */
import type { z } from 'zod'
import type {
  Attachment,
  Category,
  CurrentUser,
  CustomFieldDef,
  CustomFieldFormat,
  HistoryEntry,
  Issue,
  IssueDetail,
  IssueStatus,
  IssueType,
  Member,
  Priority,
  Project,
  SavedQuery,
  User,
  Version,
} from '../../domain/model'
import type {
  wireAttachment,
  wireCategoryList,
  wireCustomFieldList,
  wireJournal,
  wireMembershipList,
  wirePriorityList,
  wireQueryList,
  wireStatusList,
  wireTrackerList,
  wireVersionList,
  WireIssue,
  WireIssueDetail,
  WireProject,
  WireUser,
} from './wire'

/**
 * Attachment URLs point at the tracker itself (`http://redmine:3000/attachments/download/1/x`);
 * the browser reaches it through our proxy, so keep the path from `/attachments/` on.
 */
export function proxiedUrl(contentUrl: string, base: string): string {
  const i = contentUrl.indexOf('/attachments/')
  if (i < 0) return contentUrl
  return `${base.replace(/\/+$/, '')}${contentUrl.slice(i)}`
}

const PROJECT_STATUS = { 1: 'active', 5: 'closed', 9: 'archived' } as const

export function toProject(p: WireProject): Project {
  return {
    id: p.id,
    identifier: p.identifier,
    name: p.name,
    description: p.description ?? '',
    parent: p.parent ?? null,
    isPublic: p.is_public,
    status: PROJECT_STATUS[p.status as keyof typeof PROJECT_STATUS] ?? 'active',
    createdOn: p.created_on ?? null,
    updatedOn: p.updated_on ?? null,
  }
}

export function toAttachment(a: z.infer<typeof wireAttachment>, base: string): Attachment {
  return {
    id: a.id,
    filename: a.filename,
    filesize: a.filesize,
    contentType: a.content_type ?? null,
    description: a.description ?? '',
    contentUrl: proxiedUrl(a.content_url, base),
    author: a.author ?? null,
    createdOn: a.created_on,
  }
}

export function toIssue(i: WireIssue): Issue {
  return {
    id: i.id,
    project: i.project,
    tracker: i.tracker,
    status: { id: i.status.id, name: i.status.name, isClosed: i.status.is_closed },
    priority: i.priority,
    author: i.author,
    assignee: i.assigned_to ?? null,
    category: i.category ?? null,
    version: i.fixed_version ?? null,
    parent: i.parent ? { id: i.parent.id } : null,
    subject: i.subject,
    description: i.description ?? '',
    startDate: i.start_date,
    dueDate: i.due_date,
    doneRatio: i.done_ratio,
    estimatedHours: i.estimated_hours,
    spentHours: i.spent_hours ?? null,
    isPrivate: i.is_private,
    customFields: (i.custom_fields ?? []).map((f) => ({
      id: f.id,
      name: f.name,
      value: f.value === undefined || f.value === '' ? null : f.value,
    })),
    createdOn: i.created_on,
    updatedOn: i.updated_on,
    closedOn: i.closed_on,
    attachmentCount: i.attachments ? i.attachments.length : null,
  }
}

export function toHistoryEntry(j: z.infer<typeof wireJournal>): HistoryEntry {
  return {
    id: j.id,
    user: j.user,
    createdOn: j.created_on,
    notes: j.notes ?? '',
    privateNotes: j.private_notes,
    details: j.details.map((d) => ({
      property: d.property,
      name: d.name,
      oldValue: d.old_value ?? null,
      newValue: d.new_value ?? null,
    })),
  }
}

export function toIssueDetail(i: WireIssueDetail, base: string): IssueDetail {
  return {
    ...toIssue(i),
    attachmentCount: i.attachments?.length ?? 0,
    history: (i.journals ?? []).map(toHistoryEntry),
    attachments: (i.attachments ?? []).map((a) => toAttachment(a, base)),
    relations: (i.relations ?? []).map((r) => ({
      id: r.id,
      issueId: r.issue_id,
      issueToId: r.issue_to_id,
      type: r.relation_type,
      delay: r.delay,
    })),
    children: (i.children ?? []).map((c) => ({
      id: c.id,
      subject: c.subject,
      tracker: c.tracker ?? null,
    })),
    watchers: i.watchers ?? [],
    allowedStatuses: i.allowed_statuses
      ? i.allowed_statuses.map((s) => ({ id: s.id, name: s.name, isClosed: s.is_closed }))
      : null,
  }
}

export function toStatuses(w: z.infer<typeof wireStatusList>): IssueStatus[] {
  return w.issue_statuses.map((s, position) => ({
    id: s.id,
    name: s.name,
    isClosed: s.is_closed,
    position,
    color: null,
  }))
}

export function toTypes(w: z.infer<typeof wireTrackerList>): IssueType[] {
  return w.trackers.map((t) => ({
    id: t.id,
    name: t.name,
    defaultStatusId: t.default_status?.id ?? null,
  }))
}

export function toPriorities(w: z.infer<typeof wirePriorityList>): Priority[] {
  return w.issue_priorities.map((p, position) => ({
    id: p.id,
    name: p.name,
    position,
    isDefault: p.is_default,
    color: null,
  }))
}

export function toMembers(w: z.infer<typeof wireMembershipList>): Member[] {
  return w.memberships.flatMap((m): Member[] => {
    const principal = m.user
      ? { ...m.user, kind: 'user' as const }
      : m.group
        ? { ...m.group, kind: 'group' as const }
        : null
    if (!principal) return []
    return [
      {
        id: m.id,
        project: m.project,
        principal,
        roles: m.roles.map(({ id, name }) => ({ id, name })),
      },
    ]
  })
}

export function toVersions(w: z.infer<typeof wireVersionList>): Version[] {
  return w.versions.map((v) => ({
    id: v.id,
    project: v.project,
    name: v.name,
    status: v.status,
    dueDate: v.due_date,
  }))
}

export function toCategories(w: z.infer<typeof wireCategoryList>): Category[] {
  return w.issue_categories.map((c) => ({
    id: c.id,
    project: c.project,
    name: c.name,
    assignee: c.assigned_to ?? null,
  }))
}

const FORMATS: Record<string, CustomFieldFormat> = {
  string: 'string',
  text: 'text',
  list: 'list',
  enumeration: 'list',
  int: 'int',
  float: 'float',
  date: 'date',
  bool: 'bool',
  user: 'user',
  version: 'version',
  link: 'link',
}

export function toCustomFields(w: z.infer<typeof wireCustomFieldList>): CustomFieldDef[] {
  return w.custom_fields
    .filter((f) => f.customized_type === 'issue')
    .map((f) => ({
      id: f.id,
      name: f.name,
      format: FORMATS[f.field_format] ?? 'other',
      multiple: f.multiple ?? false,
      possibleValues: (f.possible_values ?? []).map((v) => v.value),
      isFilter: f.is_filter ?? false,
      trackerIds: (f.trackers ?? []).map((t) => t.id),
    }))
}

export function toSavedQueries(w: z.infer<typeof wireQueryList>): SavedQuery[] {
  return w.queries.map((q) => ({
    id: q.id,
    name: q.name,
    isPublic: q.is_public,
    projectId: q.project_id,
  }))
}

export function toUser(u: WireUser): User {
  const name = [u.firstname, u.lastname].filter(Boolean).join(' ') || u.login || `User ${u.id}`
  return {
    id: u.id,
    login: u.login ?? null,
    name,
    firstname: u.firstname ?? null,
    lastname: u.lastname ?? null,
    mail: u.mail ?? null,
    isAdmin: u.admin ?? false,
  }
}

export function toCurrentUser(u: WireUser): CurrentUser {
  return {
    ...toUser(u),
    apiKey: u.api_key ?? null,
    memberships: (u.memberships ?? []).map((m) => ({ project: m.project, roles: m.roles })),
  }
}
