/**
 * The tracker boundary. Every tracker (Redmine, OpenProject v2, Claromentis, Aritic Desk, fixx)
 * is reached through one `TrackerAdapter`: methods take domain types and an AbortSignal and
 * return domain types; wire types never leave `trackers/<name>/`.
 * Differences between trackers are data (`capabilities`), never `if (type === ...)` in UI code.
 */
import type {
  Category,
  ConnectionId,
  CurrentUser,
  CustomFieldDef,
  Issue,
  IssueDetail,
  IssueId,
  IssueStatus,
  IssueType,
  Member,
  Priority,
  Project,
  SavedQuery,
  TextFormat,
  User,
  Version,
} from '../domain/model'

export type * from '../domain/model'

export type TrackerType = 'redmine' | 'openproject' | 'claromentis' | 'aritic-desk' | 'fixx'

/** One entry of `GET /api/config`: a tracker our server proxies at `base` (e.g. `/t/main`). */
export interface ConnectionConfig {
  id: ConnectionId
  name: string
  type: TrackerType
  /** Path prefix on our own origin through which the tracker's API is reached. */
  base: string
  /** How this connection loads issues (from the server's configuration). */
  loading?: LoadSettings
}

/** Per-connection loading settings, set on the server (see server/README.md). */
export interface LoadSettings {
  /** Issue pages in flight at once while loading a scope (Redmine serves one at a time). */
  concurrency?: number
  /** Scopes with more issues than this are paged on the server instead of loaded in full. */
  issueCap?: number
}

export type Credentials =
  | { kind: 'apiKey'; key: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'anonymous' }

export interface Capabilities {
  /** Files can be attached (Redmine: the upload-token flow). */
  upload: boolean
  /** The tracker reports which statuses a user may move an issue to. */
  workflow: boolean
  /** Nothing can be written through the API (Claromentis as documented). */
  readOnly: boolean
  /** Issues can be listed by `updated since`, so refreshes can be deltas. */
  deltaSync: boolean
  /** Largest page the tracker serves (Redmine caps `limit` at 100). */
  maxPageSize: number
  /** Basic auth can be exchanged for an API key. */
  basicAuth: boolean
  /** Markup of descriptions and comments. */
  textFormat: TextFormat
  /**
   * Which `IssueQuery.filters` the tracker applies on its side (for server-side paging of scopes
   * too large to load). Absent: none, so a view must say every filter is not applied.
   */
  serverFilters?: readonly IssueFilterName[]
}

export type IssueStatusScope = 'open' | 'closed' | 'all'

export type IssueSortField =
  | 'id'
  | 'project'
  | 'tracker'
  | 'status'
  | 'priority'
  | 'subject'
  | 'assignee'
  | 'author'
  | 'category'
  | 'version'
  | 'startDate'
  | 'dueDate'
  | 'doneRatio'
  | 'estimatedHours'
  | 'spentHours'
  | 'createdOn'
  | 'updatedOn'

export interface IssueSort {
  field: IssueSortField
  desc: boolean
}

/** A date range, inclusive, as `YYYY-MM-DD`; either end may be open. */
export interface DateRange {
  from?: string
  to?: string
}

/**
 * Filters a tracker can apply when it pages on its side. Lists are "any of"; an empty or absent
 * list does not filter.
 */
export interface IssueFilters {
  statusIds?: number[]
  trackerIds?: number[]
  priorityIds?: number[]
  /** User ids and `me`; or exactly `'none'` for unassigned issues. */
  assignee?: (number | 'me')[] | 'none'
  authorIds?: number[]
  /** Only within a project. */
  categoryIds?: number[]
  versionIds?: number[]
  /** Custom field id -> values, any of them (exact match). */
  customFields?: Record<number, string[]>
  /** Subject contains this text, case-insensitively. */
  subjectContains?: string
  createdOn?: DateRange
  updatedOn?: DateRange
  dueDate?: DateRange
  /** Only issues with at least one attachment. */
  hasAttachments?: boolean
}

export type IssueFilterName = keyof IssueFilters

/**
 * What the server is asked for. The app loads a scope and filters locally; these are the
 * server-side parts of a scope plus paging.
 */
export interface IssueQuery {
  /** Project identifier (or id as a string); absent means all visible projects. */
  project?: string
  /** Include issues of subprojects (Redmine's default is true). */
  includeSubprojects?: boolean
  status: IssueStatusScope | number[]
  /** ISO-8601 timestamp: only issues updated at or after it (delta refresh). */
  updatedSince?: string
  /** Only these ids. */
  ids?: IssueId[]
  sort?: IssueSort[]
  offset: number
  limit: number
  /** Ask the tracker to include per-issue attachment lists where it can (for badges). */
  includeAttachments?: boolean
  /** Server-side filters (only those in `capabilities.serverFilters` are applied). */
  filters?: IssueFilters
}

export interface IssuePage {
  issues: Issue[]
  totalCount: number
  offset: number
  limit: number
}

export interface IssueInput {
  projectId: number
  trackerId?: number
  subject: string
  description?: string
  priorityId?: number
  assigneeId?: number | null
  categoryId?: number | null
  versionId?: number | null
  parentId?: IssueId | null
  startDate?: string | null
  dueDate?: string | null
  customFields?: { id: number; value: string | string[] | null }[]
  uploads?: UploadedFile[]
}

/** A partial update. Only the fields present are sent (fixx's adapter fills in the rest). */
export interface IssuePatch {
  subject?: string
  description?: string
  statusId?: number
  trackerId?: number
  priorityId?: number
  assigneeId?: number | null
  categoryId?: number | null
  versionId?: number | null
  parentId?: IssueId | null
  startDate?: string | null
  dueDate?: string | null
  doneRatio?: number
  customFields?: { id: number; value: string | string[] | null }[]
  /** A comment added with the change. */
  notes?: string
  uploads?: UploadedFile[]
}

/** A file sent to the tracker, ready to attach (Redmine: an upload token). */
export interface UploadedFile {
  token: string
  filename: string
  contentType: string
  description?: string
}

export interface UploadProgress {
  loaded: number
  total: number
}

export interface TrackerAdapter {
  readonly id: ConnectionId
  readonly type: TrackerType
  readonly capabilities: Capabilities
  /**
   * A short fingerprint of the credentials: the same key gives the same value, and the key cannot
   * be read back from it. Lets data saved on this device be matched to the signed-in user before
   * the tracker answers.
   */
  readonly credentialsId?: string
  /** The connection's loading settings, when the server gave any. */
  readonly loading?: LoadSettings

  /** Verifies the credentials; an `auth` TrackerError when they are wrong. */
  currentUser(signal?: AbortSignal): Promise<CurrentUser>

  listProjects(signal?: AbortSignal): Promise<Project[]>
  getProject(idOrIdentifier: string, signal?: AbortSignal): Promise<Project>

  listStatuses(signal?: AbortSignal): Promise<IssueStatus[]>
  listTypes(signal?: AbortSignal): Promise<IssueType[]>
  listPriorities(signal?: AbortSignal): Promise<Priority[]>
  listMembers(project: string, signal?: AbortSignal): Promise<Member[]>
  listVersions(project: string, signal?: AbortSignal): Promise<Version[]>
  listCategories(project: string, signal?: AbortSignal): Promise<Category[]>
  /** Custom field definitions; an empty list where the user may not read them. */
  listCustomFields(signal?: AbortSignal): Promise<CustomFieldDef[]>
  listSavedQueries(signal?: AbortSignal): Promise<SavedQuery[]>
  getUser(id: number, signal?: AbortSignal): Promise<User>

  /** One page of issues. */
  listIssues(query: IssueQuery, signal?: AbortSignal): Promise<IssuePage>
  /** An issue with its history, attachments, relations, children, watchers and allowed statuses. */
  getIssue(id: IssueId, signal?: AbortSignal): Promise<IssueDetail>
  createIssue(input: IssueInput, signal?: AbortSignal): Promise<Issue>
  /** Sends the patch. Does not check that the tracker applied it: callers verify with getIssue. */
  updateIssue(id: IssueId, patch: IssuePatch, signal?: AbortSignal): Promise<void>
  deleteIssue(id: IssueId, signal?: AbortSignal): Promise<void>
  uploadFile(
    file: Blob,
    filename: string,
    onProgress?: (p: UploadProgress) => void,
    signal?: AbortSignal,
  ): Promise<UploadedFile>
}

/** FNV-1a over the credentials, twice with different seeds: 16 hex digits, not the secret. */
export function credentialsFingerprint(c: Credentials): string {
  const text =
    c.kind === 'apiKey' ? `k:${c.key}` : c.kind === 'basic' ? `b:${c.username}:${c.password}` : 'a'
  const fnv = (seed: number) => {
    let h = seed >>> 0
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0
    return h.toString(16).padStart(8, '0')
  }
  return fnv(2166136261) + fnv(0x9e3779b9)
}

export type TrackerErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'network'
  | 'server'
  | 'unsupported'

/** The one error every adapter throws. `message` is for people; `messages` are the tracker's own. */
export class TrackerError extends Error {
  readonly kind: TrackerErrorKind
  readonly status: number | null
  readonly messages: string[]

  constructor(
    kind: TrackerErrorKind,
    message: string,
    options: { status?: number | null; messages?: string[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'TrackerError'
    this.kind = kind
    this.status = options.status ?? null
    this.messages = options.messages ?? []
  }
}

export function isTrackerError(e: unknown): e is TrackerError {
  return e instanceof TrackerError
}
