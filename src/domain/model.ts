/**
 * The domain model: what the app knows about issues, independent of any tracker's wire format.
 * Designed after the five API documents in ../shared/seeds (Redmine, OpenProject v2, Claromentis,
 * Aritic Desk, fixx): every tracker maps onto these types inside its adapter.
 * Ids are numbers in all five APIs; names travel with ids so the UI never shows a raw id.
 */

export type ConnectionId = string
export type IssueId = number

/** A named reference to another record (`{ id: 4, name: "Urgent" }`). */
export interface Ref {
  id: number
  name: string
}

export type ProjectStatus = 'active' | 'closed' | 'archived'

export interface Project {
  id: number
  /** URL-safe identifier (Redmine `identifier`); trackers without one use the id as a string. */
  identifier: string
  name: string
  description: string
  parent: Ref | null
  isPublic: boolean
  status: ProjectStatus
  createdOn: string | null
  updatedOn: string | null
}

export interface IssueStatus {
  id: number
  name: string
  isClosed: boolean
  /** Order of the status in the tracker's workflow (0-based position in the tracker's list). */
  position: number
  /** CSS colour where the tracker defines one (OpenProject, Claromentis); null otherwise. */
  color: string | null
}

export interface IssueType {
  id: number
  name: string
  defaultStatusId: number | null
}

export interface Priority {
  id: number
  name: string
  position: number
  isDefault: boolean
  color: string | null
}

export interface User {
  id: number
  login: string | null
  name: string
  firstname: string | null
  lastname: string | null
  mail: string | null
  isAdmin: boolean
}

export interface Member {
  id: number
  project: Ref
  /** A user or a group (Redmine memberships can be either). */
  principal: Ref & { kind: 'user' | 'group' }
  roles: Ref[]
}

export type VersionStatus = 'open' | 'locked' | 'closed'

export interface Version {
  id: number
  project: Ref
  name: string
  status: VersionStatus
  dueDate: string | null
}

export interface Category {
  id: number
  project: Ref
  name: string
  assignee: Ref | null
}

export type CustomFieldFormat =
  | 'string'
  | 'text'
  | 'list'
  | 'int'
  | 'float'
  | 'date'
  | 'bool'
  | 'user'
  | 'version'
  | 'link'
  | 'other'

export interface CustomFieldDef {
  id: number
  name: string
  format: CustomFieldFormat
  multiple: boolean
  possibleValues: string[]
  isFilter: boolean
  /** Issue types the field applies to; empty means all. */
  trackerIds: number[]
}

export interface CustomFieldValue {
  id: number
  name: string
  /** A list field with `multiple` gives an array; an unset field gives null. */
  value: string | string[] | null
}

/** How a piece of tracker text is written; it is always sanitized before it reaches the DOM. */
export type TextFormat = 'textile' | 'markdown' | 'html' | 'plain'

export interface Issue {
  id: IssueId
  project: Ref
  tracker: Ref
  status: Ref & { isClosed: boolean }
  priority: Ref
  author: Ref
  assignee: Ref | null
  category: Ref | null
  version: Ref | null
  parent: { id: IssueId } | null
  subject: string
  description: string
  startDate: string | null
  dueDate: string | null
  doneRatio: number
  estimatedHours: number | null
  spentHours: number | null
  isPrivate: boolean
  customFields: CustomFieldValue[]
  createdOn: string
  updatedOn: string
  closedOn: string | null
  /** Known only where the list response carries them (Redmine `include=attachments`). */
  attachmentCount: number | null
}

export interface Attachment {
  id: number
  filename: string
  filesize: number
  contentType: string | null
  description: string
  /** Absolute URL on the tracker; the app rewrites it through the proxy before use. */
  contentUrl: string
  author: Ref | null
  createdOn: string
}

export interface HistoryDetail {
  /** `attr` (an issue field), `cf` (custom field), `attachment`, `relation`. */
  property: string
  name: string
  oldValue: string | null
  newValue: string | null
}

/** One entry of an issue's history: a comment, a set of field changes, or both. */
export interface HistoryEntry {
  id: number
  user: Ref
  createdOn: string
  notes: string
  privateNotes: boolean
  details: HistoryDetail[]
}

export interface Relation {
  id: number
  issueId: IssueId
  issueToId: IssueId
  type: string
  delay: number | null
}

export interface IssueDetail extends Issue {
  history: HistoryEntry[]
  attachments: Attachment[]
  relations: Relation[]
  children: { id: IssueId; subject: string; tracker: Ref | null }[]
  watchers: Ref[]
  /** Statuses the signed-in user may move this issue to; null when the tracker cannot say. */
  allowedStatuses: (Ref & { isClosed: boolean })[] | null
}

export interface SavedQuery {
  id: number
  name: string
  isPublic: boolean
  projectId: number | null
}

/** The signed-in user, as the tracker reports them. */
export interface CurrentUser extends User {
  /** The API key the tracker handed back (Redmine includes it in /users/current.json). */
  apiKey: string | null
  memberships: { project: Ref; roles: Ref[] }[]
}
