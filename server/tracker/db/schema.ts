/** Table types for Kysely. Timestamps are ISO-8601 UTC strings at second precision ("...Z"). */
import type { Generated, Selectable } from 'kysely'

export interface UserTable {
  id: Generated<number>
  login: string
  firstname: string
  lastname: string
  mail: string
  admin: number
  status: number
  password_hash: string
  api_key: string
  created_on: string
  updated_on: string
  passwd_changed_on: string | null
}
export interface ProjectTable {
  id: Generated<number>
  name: string
  identifier: string
  description: string
  homepage: string
  is_public: number
  parent_id: number | null
  status: number
  inherit_members: number
  created_on: string
  updated_on: string
}
export interface TrackerTable {
  id: Generated<number>
  name: string
  position: number
  default_status_id: number
}
export interface StatusTable {
  id: Generated<number>
  name: string
  position: number
  is_closed: number
}
export interface PriorityTable {
  id: Generated<number>
  name: string
  position: number
  is_default: number
  active: number
}
export interface RoleTable {
  id: Generated<number>
  name: string
  position: number
  /** JSON array of permission names. */
  permissions: string
  /** 'all' | 'default' | 'own' */
  issues_visibility: string
  builtin: number
}
export interface MemberTable {
  id: Generated<number>
  project_id: number
  user_id: number
}
export interface MemberRoleTable {
  member_id: number
  role_id: number
}
export interface WorkflowTable {
  role_id: number
  tracker_id: number
  old_status_id: number
  new_status_id: number
}
export interface ProjectTrackerTable {
  project_id: number
  tracker_id: number
}
export interface EnabledModuleTable {
  id: Generated<number>
  project_id: number
  name: string
}
export interface VersionTable {
  id: Generated<number>
  project_id: number
  name: string
  description: string
  status: string
  due_date: string | null
  sharing: string
  created_on: string
  updated_on: string
}
export interface CategoryTable {
  id: Generated<number>
  project_id: number
  name: string
  assigned_to_id: number | null
}
export interface CustomFieldTable {
  id: Generated<number>
  name: string
  field_format: string
  /** JSON array of strings. */
  possible_values: string
  is_required: number
  is_filter: number
  searchable: number
  is_for_all: number
  default_value: string | null
}
export interface IssueTable {
  id: Generated<number>
  project_id: number
  tracker_id: number
  status_id: number
  priority_id: number
  author_id: number
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
  created_on: string
  updated_on: string
  closed_on: string | null
  lock_version: number
}
export interface CustomValueTable {
  issue_id: number
  custom_field_id: number
  value: string | null
}
export interface JournalTable {
  id: Generated<number>
  issue_id: number
  user_id: number
  notes: string
  private_notes: number
  created_on: string
}
export interface JournalDetailTable {
  id: Generated<number>
  journal_id: number
  property: string
  prop_key: string
  old_value: string | null
  value: string | null
}
export interface AttachmentTable {
  id: Generated<number>
  /** NULL while the upload token is unused. */
  issue_id: number | null
  filename: string
  disk_filename: string
  filesize: number
  content_type: string
  digest: string
  description: string
  author_id: number
  created_on: string
}
export interface WatcherTable {
  issue_id: number
  user_id: number
}
export interface RelationTable {
  id: Generated<number>
  issue_from_id: number
  issue_to_id: number
  relation_type: string
  delay: number | null
}
export interface QueryTable {
  id: Generated<number>
  name: string
  project_id: number | null
  user_id: number
  is_public: number
  /** JSON object: the query string parameters of an /issues.json request. */
  filters: string
}

export interface Database {
  users: UserTable
  projects: ProjectTable
  trackers: TrackerTable
  issue_statuses: StatusTable
  priorities: PriorityTable
  roles: RoleTable
  members: MemberTable
  member_roles: MemberRoleTable
  workflows: WorkflowTable
  project_trackers: ProjectTrackerTable
  enabled_modules: EnabledModuleTable
  versions: VersionTable
  issue_categories: CategoryTable
  custom_fields: CustomFieldTable
  issues: IssueTable
  custom_values: CustomValueTable
  journals: JournalTable
  journal_details: JournalDetailTable
  attachments: AttachmentTable
  watchers: WatcherTable
  issue_relations: RelationTable
  queries: QueryTable
}

export type UserRow = Selectable<UserTable>
export type ProjectRow = Selectable<ProjectTable>
export type TrackerRow = Selectable<TrackerTable>
export type StatusRow = Selectable<StatusTable>
export type PriorityRow = Selectable<PriorityTable>
export type VersionRow = Selectable<VersionTable>
export type CategoryRow = Selectable<CategoryTable>
export type CustomFieldRow = Selectable<CustomFieldTable>
export type IssueRow = Selectable<IssueTable>
export type JournalRow = Selectable<JournalTable>
export type AttachmentRow = Selectable<AttachmentTable>
export type RelationRow = Selectable<RelationTable>
export type QueryRow = Selectable<QueryTable>
