import type { Lookups } from './db/lookups'
import type { IssueRow, ProjectRow, UserRow } from './db/schema'
import { allowed, findProject, issueVisible } from './permissions'
import { transitionAllowed } from './workflow'

/**
 * Turns an `issue` JSON object into validated column values, as Redmine's safe_attributes and
 * validations do. Attributes the user may not set are dropped silently; a status the workflow
 * forbids is dropped silently (Redmine answers 204 and keeps the old status).
 */

export interface IssueValues {
  project_id: number
  tracker_id: number
  status_id: number
  priority_id: number
  assigned_to_id: number | null
  category_id: number | null
  fixed_version_id: number | null
  parent_id: number | null
  subject: string
  description: string | null
  start_date: string | null
  due_date: string | null
  done_ratio: number
  is_private: number
  estimated_hours: number | null
}

export interface ParsedInput {
  values: IssueValues
  customValues: Map<number, string | null>
  errors: string[]
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

function optionalId(v: unknown): number | null | 'invalid' {
  if (v === null || v === undefined || v === '') return null
  const s = String(v)
  return /^\d{1,15}$/.test(s) ? Number(s) : 'invalid'
}

function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

export interface InputContext {
  lookups: Lookups
  user: UserRow | null
  /** The issue being updated; null on create. */
  issue: IssueRow | null
  /** The issue's current custom values (update). */
  currentCustom: Map<number, string | null>
  /** Finds an issue for parent_issue_id checks. */
  parent: IssueRow | null | undefined
  /** Ids of the issue's descendants (a parent cannot be one of them). */
  descendants: Set<number>
  /** A parent's priority, dates and done ratio are derived from its subtasks: not settable. */
  hasChildren: boolean
  /** Open subtasks or an open blocker: closed statuses are refused. */
  blockedFromClosing: boolean
  today: string
}

export function parseIssueInput(input: Record<string, unknown>, ctx: InputContext): ParsedInput {
  const { lookups: l, user, issue } = ctx
  const errors: string[] = []
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(input, k)

  // Project (create, or move on update).
  let project: ProjectRow | undefined = issue ? l.projects.get(issue.project_id) : undefined
  if (!issue || has('project_id')) {
    const raw = input.project_id
    const found = raw === undefined || raw === null ? undefined : findProject(l, String(raw))
    if (found && (!issue || allowed(l, user, found, 'add_issues'))) project = found
    else if (!issue) project = undefined
  }
  if (!project) {
    return {
      values: {} as IssueValues,
      customValues: new Map(),
      errors: ['Project cannot be blank', 'Tracker cannot be blank', 'Status cannot be blank'],
    }
  }
  const canEdit = !issue || allowed(l, user, project, 'edit_issues')
  const projectTrackers = l.projectTrackers.get(project.id) ?? []
  const values: IssueValues = issue
    ? {
        project_id: project.id,
        tracker_id: issue.tracker_id,
        status_id: issue.status_id,
        priority_id: issue.priority_id,
        assigned_to_id: issue.assigned_to_id,
        category_id: issue.category_id,
        fixed_version_id: issue.fixed_version_id,
        parent_id: issue.parent_id,
        subject: issue.subject,
        description: issue.description,
        start_date: issue.start_date,
        due_date: issue.due_date,
        done_ratio: issue.done_ratio,
        is_private: issue.is_private,
        estimated_hours: issue.estimated_hours,
      }
    : {
        project_id: project.id,
        tracker_id: projectTrackers[0] ?? 0,
        status_id: 0,
        priority_id: l.priorityList.find((p) => p.is_default === 1)?.id ?? 0,
        assigned_to_id: null,
        category_id: null,
        fixed_version_id: null,
        parent_id: null,
        subject: '',
        description: null,
        start_date: ctx.today,
        due_date: null,
        done_ratio: 0,
        is_private: 0,
        estimated_hours: null,
      }
  const customValues = new Map(ctx.currentCustom)
  if (!canEdit) {
    // Without edit_issues (a Reporter), only a status the workflow allows can change, with notes.
    if (issue && has('status_id')) {
      const id = optionalId(input.status_id)
      if (
        typeof id === 'number' &&
        l.statuses.has(id) &&
        transitionAllowed(l, user, issue, id, ctx.blockedFromClosing)
      )
        values.status_id = id
    }
    return { values, customValues, errors }
  }

  if (has('tracker_id')) {
    const id = optionalId(input.tracker_id)
    // An unknown tracker falls back to the project's default (Redmine 5.0: 201 on create).
    if (typeof id === 'number' && projectTrackers.includes(id)) values.tracker_id = id
  }
  if (
    issue &&
    values.project_id !== issue.project_id &&
    !projectTrackers.includes(values.tracker_id)
  )
    values.tracker_id = projectTrackers[0] ?? values.tracker_id
  if (!issue) values.status_id = l.trackers.get(values.tracker_id)?.default_status_id ?? 1
  else if (has('status_id')) {
    const id = optionalId(input.status_id)
    if (
      typeof id === 'number' &&
      l.statuses.has(id) &&
      transitionAllowed(l, user, issue, id, ctx.blockedFromClosing)
    )
      values.status_id = id
  }
  if (has('subject')) values.subject = typeof input.subject === 'string' ? input.subject.trim() : ''
  if (!values.subject) errors.push('Subject cannot be blank')
  else if (values.subject.length > 255)
    errors.push('Subject is too long (maximum is 255 characters)')
  if (has('description'))
    values.description = input.description == null ? null : String(input.description)
  if (has('priority_id') && !ctx.hasChildren) {
    const id = optionalId(input.priority_id)
    const p = typeof id === 'number' ? l.priorities.get(id) : undefined
    if (!p || p.active !== 1) errors.push('Priority cannot be blank')
    else values.priority_id = p.id
  }
  if (has('assigned_to_id')) {
    const id = optionalId(input.assigned_to_id)
    if (id === 'invalid') errors.push('Assignee is invalid')
    else if (id !== null && !l.members.get(project.id)?.has(id)) errors.push('Assignee is invalid')
    else values.assigned_to_id = id
  }
  if (has('category_id')) {
    const id = optionalId(input.category_id)
    if (id === 'invalid' || (id !== null && l.categories.get(id)?.project_id !== project.id))
      errors.push('Category is not included in the list')
    else values.category_id = id
  }
  if (
    issue &&
    values.category_id !== null &&
    l.categories.get(values.category_id)?.project_id !== project.id
  )
    values.category_id = null
  if (has('fixed_version_id')) {
    const id = optionalId(input.fixed_version_id)
    const v = typeof id === 'number' ? l.versions.get(id) : undefined
    if (
      id === 'invalid' ||
      (id !== null && (!v || v.project_id !== project.id || v.status !== 'open'))
    )
      errors.push('Target version is not included in the list')
    else values.fixed_version_id = id
  }
  if (has('parent_issue_id')) {
    const id = optionalId(input.parent_issue_id)
    const parent = ctx.parent
    if (id === 'invalid') errors.push('Parent task is invalid')
    else if (id === null) values.parent_id = null
    else if (
      !parent ||
      parent.id !== id ||
      !issueVisible(l, user, parent) ||
      parent.project_id !== project.id ||
      id === issue?.id ||
      ctx.descendants.has(id)
    )
      errors.push('Parent task is invalid')
    else values.parent_id = id
  }
  for (const [key, label] of [
    ['start_date', 'Start date'],
    ['due_date', 'Due date'],
  ] as const) {
    if (!has(key) || ctx.hasChildren) continue
    const raw = input[key]
    if (raw === null || raw === '') values[key] = null
    else if (typeof raw === 'string' && isValidDate(raw)) values[key] = raw
    else errors.push(`${label} is not a valid date`)
  }
  if (values.start_date && values.due_date && values.due_date < values.start_date)
    errors.push('Due date must be greater than start date')
  if (has('done_ratio') && !ctx.hasChildren) {
    const n = Number(input.done_ratio)
    if (!Number.isInteger(n) || n < 0 || n > 100) errors.push('% Done is not included in the list')
    else values.done_ratio = n
  }
  if (has('estimated_hours')) {
    const raw = input.estimated_hours
    if (raw === null || raw === '') values.estimated_hours = null
    else {
      const n = Number(raw)
      if (!Number.isFinite(n) || n < 0) errors.push('Estimated time is invalid')
      else values.estimated_hours = n
    }
  }
  const own = !issue || issue.author_id === user?.id
  const mayPrivate =
    allowed(l, user, project, 'set_issues_private') ||
    (own && allowed(l, user, project, 'set_own_issues_private'))
  if (has('is_private') && mayPrivate) {
    // Rails' boolean cast: only these are false; any other value is true.
    const v = input.is_private
    values.is_private = [
      false,
      0,
      null,
      '',
      '0',
      'f',
      'F',
      'false',
      'FALSE',
      'off',
      'OFF',
    ].includes(v as never)
      ? 0
      : 1
  }
  if (Array.isArray(input.custom_fields)) {
    for (const entry of input.custom_fields) {
      if (!entry || typeof entry !== 'object') continue
      const { id, value } = entry as { id?: unknown; value?: unknown }
      const field = l.customFields.find((f) => f.id === Number(id))
      if (!field) continue
      const v = value === null || value === undefined || value === '' ? null : String(value)
      const options = JSON.parse(field.possible_values) as string[]
      if (v !== null && field.field_format === 'list' && !options.includes(v))
        errors.push(`${field.name} is not included in the list`)
      else customValues.set(field.id, v)
    }
  }
  return { values, customValues, errors }
}
