/** The Redmine 5 adapter: TrackerAdapter over Redmine's REST API (JSON), through our proxy. */
import type { z } from 'zod'
import { Http, type FetchLike } from '../http'
import {
  credentialsFingerprint,
  TrackerError,
  type Capabilities,
  type Credentials,
  type IssueInput,
  type IssuePatch,
  type LoadSettings,
  type TrackerAdapter,
  type UploadedFile,
} from '../tracker'
import type { ConnectionId } from '../../domain/model'
import * as wire from './wire'
import * as map from './to-domain'
import { issueListParams, MAX_PAGE_SIZE, SERVER_FILTERS } from './params'
import { uploadBody, type XhrFactory, type XhrLike } from './upload'

export interface RedmineAdapterOptions {
  id: ConnectionId
  /** Where the API is reached: our proxy path (`/t/main`) or an absolute URL. */
  base: string
  credentials: Credentials
  name?: string
  fetch?: FetchLike
  loading?: LoadSettings
  /**
   * How uploads that report progress are sent. Defaults to XMLHttpRequest in a browser (real
   * upload progress) unless a fetch was injected; `null` forces fetch.
   */
  xhr?: XhrFactory | null
}

function defaultXhr(opts: RedmineAdapterOptions): XhrFactory | undefined {
  if (opts.xhr !== undefined) return opts.xhr ?? undefined
  if (opts.fetch || typeof XMLHttpRequest === 'undefined') return undefined
  return () => new XMLHttpRequest() as XhrLike
}

export const redmineCapabilities: Capabilities = {
  upload: true,
  workflow: true,
  readOnly: false,
  deltaSync: true,
  maxPageSize: MAX_PAGE_SIZE,
  basicAuth: true,
  textFormat: 'textile',
  serverFilters: SERVER_FILTERS,
}

const SHOW_INCLUDES = 'journals,attachments,relations,children,watchers,allowed_statuses'

function authHeaders(c: Credentials): Record<string, string> {
  if (c.kind === 'apiKey') return { 'X-Redmine-API-Key': c.key }
  if (c.kind === 'basic') {
    const raw = new TextEncoder().encode(`${c.username}:${c.password}`)
    return { Authorization: `Basic ${btoa(String.fromCharCode(...raw))}` }
  }
  return {}
}

function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(body)
  if (!r.success)
    throw new TrackerError(
      'server',
      `The tracker sent ${what} in a form Trackboard does not understand.`,
      {
        cause: r.error,
      },
    )
  return r.data
}

/** Redmine clears a field when it receives an empty string, not null. */
const orEmpty = (v: number | string | null | undefined) => (v === null ? '' : v)

function issueFields(p: IssuePatch | IssueInput): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const set = (key: string, v: unknown) => {
    if (v !== undefined) out[key] = v
  }
  set('subject', p.subject)
  set('description', p.description)
  set('tracker_id', p.trackerId)
  set('priority_id', p.priorityId)
  set('assigned_to_id', orEmpty(p.assigneeId))
  set('category_id', orEmpty(p.categoryId))
  set('fixed_version_id', orEmpty(p.versionId))
  set('parent_issue_id', orEmpty(p.parentId))
  set('start_date', orEmpty(p.startDate))
  set('due_date', orEmpty(p.dueDate))
  if (p.customFields)
    out.custom_fields = p.customFields.map((f) => ({ id: f.id, value: f.value ?? '' }))
  if (p.uploads)
    out.uploads = p.uploads.map((u) => ({
      token: u.token,
      filename: u.filename,
      content_type: u.contentType,
      description: u.description ?? '',
    }))
  return out
}

export function createRedmineAdapter(opts: RedmineAdapterOptions): TrackerAdapter {
  const name = opts.name ?? 'Redmine'
  const http = new Http({
    base: opts.base,
    headers: () => authHeaders(opts.credentials),
    fetch: opts.fetch,
    trackerName: name,
  })
  const get = async <S extends z.ZodType>(
    path: string,
    schema: S,
    what: string,
    signal?: AbortSignal,
    query?: URLSearchParams,
  ) => parse(schema, await http.request(path, { query, signal }), what)
  const enc = encodeURIComponent
  const xhr = defaultXhr(opts)

  return {
    id: opts.id,
    type: 'redmine',
    capabilities: redmineCapabilities,
    credentialsId: credentialsFingerprint(opts.credentials),
    loading: opts.loading,

    async currentUser(signal) {
      const q = new URLSearchParams({ include: 'memberships' })
      const body = await get(
        '/users/current.json',
        wire.wireUserShow,
        'the current user',
        signal,
        q,
      )
      return map.toCurrentUser(body.user)
    },

    async listProjects(signal) {
      // Projects page at 100 too; read them all.
      const all: wire.WireProject[] = []
      for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
        const q = new URLSearchParams({ offset: String(offset), limit: String(MAX_PAGE_SIZE) })
        const page = await get('/projects.json', wire.wireProjectList, 'projects', signal, q)
        all.push(...page.projects)
        if (page.projects.length === 0 || all.length >= page.total_count) break
      }
      return all.map(map.toProject)
    },

    async getProject(idOrIdentifier, signal) {
      const body = await get(
        `/projects/${enc(idOrIdentifier)}.json`,
        wire.wireProjectShow,
        'a project',
        signal,
      )
      return map.toProject(body.project)
    },

    async listStatuses(signal) {
      return map.toStatuses(
        await get('/issue_statuses.json', wire.wireStatusList, 'statuses', signal),
      )
    },
    async listTypes(signal) {
      return map.toTypes(await get('/trackers.json', wire.wireTrackerList, 'trackers', signal))
    },
    async listPriorities(signal) {
      const body = await get(
        '/enumerations/issue_priorities.json',
        wire.wirePriorityList,
        'priorities',
        signal,
      )
      return map.toPriorities(body)
    },
    async listMembers(project, signal) {
      const members = []
      for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
        const q = new URLSearchParams({ offset: String(offset), limit: String(MAX_PAGE_SIZE) })
        const page = await get(
          `/projects/${enc(project)}/memberships.json`,
          wire.wireMembershipList,
          'members',
          signal,
          q,
        )
        members.push(...map.toMembers(page))
        if (page.memberships.length === 0 || offset + MAX_PAGE_SIZE >= page.total_count) break
      }
      return members
    },
    async listVersions(project, signal) {
      const body = await get(
        `/projects/${enc(project)}/versions.json`,
        wire.wireVersionList,
        'versions',
        signal,
      )
      return map.toVersions(body)
    },
    async listCategories(project, signal) {
      const body = await get(
        `/projects/${enc(project)}/issue_categories.json`,
        wire.wireCategoryList,
        'categories',
        signal,
      )
      return map.toCategories(body)
    },
    async listCustomFields(signal) {
      try {
        return map.toCustomFields(
          await get('/custom_fields.json', wire.wireCustomFieldList, 'custom fields', signal),
        )
      } catch (e) {
        // Only administrators may list custom field definitions in Redmine.
        if (e instanceof TrackerError && e.kind === 'forbidden') return []
        throw e
      }
    },
    async listSavedQueries(signal) {
      return map.toSavedQueries(
        await get('/queries.json', wire.wireQueryList, 'saved queries', signal),
      )
    },
    async getUser(id, signal) {
      return map.toUser((await get(`/users/${id}.json`, wire.wireUserShow, 'a user', signal)).user)
    },

    async listIssues(query, signal) {
      const body = await get(
        '/issues.json',
        wire.wireIssueList,
        'issues',
        signal,
        issueListParams(query),
      )
      return {
        issues: body.issues.map(map.toIssue),
        totalCount: body.total_count,
        offset: body.offset,
        limit: body.limit,
      }
    },

    async getIssue(id, signal) {
      const q = new URLSearchParams({ include: SHOW_INCLUDES })
      const body = await get(`/issues/${id}.json`, wire.wireIssueShow, 'an issue', signal, q)
      return map.toIssueDetail(body.issue, opts.base)
    },

    async createIssue(input, signal) {
      const issue = { project_id: input.projectId, ...issueFields(input) }
      const body = await http.request('/issues.json', { method: 'POST', json: { issue }, signal })
      return map.toIssue(parse(wire.wireIssueCreated, body, 'the new issue').issue)
    },

    async updateIssue(id, patch, signal) {
      const issue: Record<string, unknown> = issueFields(patch)
      if (patch.statusId !== undefined) issue.status_id = patch.statusId
      if (patch.doneRatio !== undefined) issue.done_ratio = patch.doneRatio
      if (patch.notes !== undefined) issue.notes = patch.notes
      await http.request(`/issues/${id}.json`, { method: 'PUT', json: { issue }, signal })
    },

    async deleteIssue(id, signal) {
      await http.request(`/issues/${id}.json`, { method: 'DELETE', signal })
    },

    async uploadFile(file, filename, onProgress, signal): Promise<UploadedFile> {
      // XMLHttpRequest only when someone listens for progress; fetch otherwise.
      const via = onProgress ? xhr : undefined
      const body = await uploadBody(http, filename, file, onProgress, signal, via)
      const upload = parse(wire.wireUpload, body, 'the upload').upload
      return {
        token: upload.token,
        filename,
        contentType: file.type || 'application/octet-stream',
      }
    },
  }
}
