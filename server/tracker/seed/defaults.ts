/**
 * Redmine 5.0.4's default configuration (load_default_data), as read from the real instance:
 * statuses, trackers, priorities, roles and the default workflows
 * (/work/shared/redmine/default-workflows.csv: identical for the three trackers).
 */
export const STATUSES = [
  { id: 1, name: 'New', position: 1, is_closed: 0 },
  { id: 2, name: 'In Progress', position: 2, is_closed: 0 },
  { id: 3, name: 'Resolved', position: 3, is_closed: 0 },
  { id: 4, name: 'Feedback', position: 4, is_closed: 0 },
  { id: 5, name: 'Closed', position: 5, is_closed: 1 },
  { id: 6, name: 'Rejected', position: 6, is_closed: 1 },
]

export const TRACKERS = [
  { id: 1, name: 'Bug', position: 1, default_status_id: 1 },
  { id: 2, name: 'Feature', position: 2, default_status_id: 1 },
  { id: 3, name: 'Support', position: 3, default_status_id: 1 },
]

export const PRIORITIES = [
  { id: 1, name: 'Low', position: 1, is_default: 0, active: 1 },
  { id: 2, name: 'Normal', position: 2, is_default: 1, active: 1 },
  { id: 3, name: 'High', position: 3, is_default: 0, active: 1 },
  { id: 4, name: 'Urgent', position: 4, is_default: 0, active: 1 },
  { id: 5, name: 'Immediate', position: 5, is_default: 0, active: 1 },
]

const REPORTER = [
  'view_issues',
  'add_issues',
  'add_issue_notes',
  'save_queries',
  'view_gantt',
  'view_calendar',
  'log_time',
  'view_time_entries',
  'view_news',
  'comment_news',
  'view_documents',
  'view_wiki_pages',
  'view_wiki_edits',
  'view_messages',
  'add_messages',
  'edit_own_messages',
  'view_files',
  'browse_repository',
  'view_changesets',
]
/** samples/role_developer.json */
const DEVELOPER = [
  'manage_versions',
  'manage_categories',
  'view_issues',
  'add_issues',
  'edit_issues',
  'view_private_notes',
  'set_notes_private',
  'manage_issue_relations',
  'manage_subtasks',
  'add_issue_notes',
  'save_queries',
  'view_gantt',
  'view_calendar',
  'log_time',
  'view_time_entries',
  'view_news',
  'comment_news',
  'view_documents',
  'view_wiki_pages',
  'view_wiki_edits',
  'edit_wiki_pages',
  'delete_wiki_pages',
  'view_messages',
  'add_messages',
  'edit_own_messages',
  'view_files',
  'manage_files',
  'browse_repository',
  'view_changesets',
  'commit_access',
  'manage_related_issues',
]
/** Manager has every permission; these are the ones this server checks, plus the Developer set. */
const MANAGER = [
  ...DEVELOPER,
  'edit_project',
  'close_project',
  'select_project_modules',
  'manage_members',
  'add_subprojects',
  'manage_public_queries',
  'copy_issues',
  'set_issues_private',
  'set_own_issues_private',
  'edit_own_issues',
  'delete_issues',
  'view_issue_watchers',
  'add_issue_watchers',
  'delete_issue_watchers',
  'edit_issue_notes',
  'edit_own_issue_notes',
  'import_issues',
]
const NON_MEMBER = [
  'view_issues',
  'add_issues',
  'add_issue_notes',
  'save_queries',
  'view_gantt',
  'view_calendar',
  'view_time_entries',
  'view_news',
  'comment_news',
  'view_documents',
  'view_wiki_pages',
  'view_wiki_edits',
  'view_messages',
  'add_messages',
  'view_files',
  'browse_repository',
  'view_changesets',
]
const ANONYMOUS = [
  'view_issues',
  'view_gantt',
  'view_calendar',
  'view_time_entries',
  'view_news',
  'view_documents',
  'view_wiki_pages',
  'view_wiki_edits',
  'view_messages',
  'view_files',
  'browse_repository',
  'view_changesets',
]

export const ROLE_NON_MEMBER = 1
export const ROLE_ANONYMOUS = 2
export const ROLE_MANAGER = 3
export const ROLE_DEVELOPER = 4
export const ROLE_REPORTER = 5

export const ROLES = [
  {
    id: 1,
    name: 'Non member',
    position: 0,
    builtin: 1,
    issues_visibility: 'default',
    permissions: NON_MEMBER,
  },
  {
    id: 2,
    name: 'Anonymous',
    position: 0,
    builtin: 2,
    issues_visibility: 'default',
    permissions: ANONYMOUS,
  },
  {
    id: 3,
    name: 'Manager',
    position: 1,
    builtin: 0,
    issues_visibility: 'all',
    permissions: MANAGER,
  },
  {
    id: 4,
    name: 'Developer',
    position: 2,
    builtin: 0,
    issues_visibility: 'all',
    permissions: DEVELOPER,
  },
  {
    id: 5,
    name: 'Reporter',
    position: 3,
    builtin: 0,
    issues_visibility: 'default',
    permissions: REPORTER,
  },
]

const ALL_STATUS_IDS = [1, 2, 3, 4, 5, 6]
/** [from, to] status ids, the same for every tracker. */
export const WORKFLOWS: Record<number, [number, number][]> = {
  [ROLE_MANAGER]: ALL_STATUS_IDS.flatMap((from) =>
    ALL_STATUS_IDS.filter((to) => to !== from).map((to): [number, number] => [from, to]),
  ),
  [ROLE_DEVELOPER]: [
    [1, 2],
    [1, 3],
    [1, 4],
    [1, 5],
    [2, 3],
    [2, 4],
    [2, 5],
    [3, 2],
    [3, 4],
    [3, 5],
    [4, 2],
    [4, 3],
    [4, 5],
  ],
  [ROLE_REPORTER]: [
    [1, 5],
    [2, 5],
    [3, 4],
    [3, 5],
    [4, 5],
  ],
}

export const MODULES = [
  'issue_tracking',
  'time_tracking',
  'news',
  'documents',
  'files',
  'wiki',
  'boards',
  'calendar',
  'gantt',
]
