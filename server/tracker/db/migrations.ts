import type { Client } from '@libsql/client'

/** Ordered migrations. Never edit a shipped one; append a new one. PRAGMA user_version = applied count. */
export const migrations: string[] = [
  `
  CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, firstname TEXT NOT NULL,
    lastname TEXT NOT NULL, mail TEXT NOT NULL, admin INTEGER NOT NULL DEFAULT 0, status INTEGER NOT NULL DEFAULT 1,
    password_hash TEXT NOT NULL, api_key TEXT NOT NULL UNIQUE, created_on TEXT NOT NULL, updated_on TEXT NOT NULL,
    passwd_changed_on TEXT);
  CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL, identifier TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '', homepage TEXT NOT NULL DEFAULT '', is_public INTEGER NOT NULL,
    parent_id INTEGER REFERENCES projects(id), status INTEGER NOT NULL DEFAULT 1,
    inherit_members INTEGER NOT NULL DEFAULT 0, created_on TEXT NOT NULL, updated_on TEXT NOT NULL);
  CREATE TABLE issue_statuses (id INTEGER PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL,
    is_closed INTEGER NOT NULL);
  CREATE TABLE trackers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL,
    default_status_id INTEGER NOT NULL REFERENCES issue_statuses(id));
  CREATE TABLE priorities (id INTEGER PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL,
    is_default INTEGER NOT NULL, active INTEGER NOT NULL);
  CREATE TABLE roles (id INTEGER PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL,
    permissions TEXT NOT NULL, issues_visibility TEXT NOT NULL, builtin INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE members (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id),
    user_id INTEGER NOT NULL REFERENCES users(id), UNIQUE (project_id, user_id));
  CREATE TABLE member_roles (member_id INTEGER NOT NULL REFERENCES members(id), role_id INTEGER NOT NULL
    REFERENCES roles(id), PRIMARY KEY (member_id, role_id));
  CREATE TABLE workflows (role_id INTEGER NOT NULL, tracker_id INTEGER NOT NULL, old_status_id INTEGER NOT NULL,
    new_status_id INTEGER NOT NULL, PRIMARY KEY (role_id, tracker_id, old_status_id, new_status_id));
  CREATE TABLE project_trackers (project_id INTEGER NOT NULL, tracker_id INTEGER NOT NULL,
    PRIMARY KEY (project_id, tracker_id));
  CREATE TABLE enabled_modules (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, name TEXT NOT NULL);
  CREATE TABLE versions (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id),
    name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'open', due_date TEXT,
    sharing TEXT NOT NULL DEFAULT 'none', created_on TEXT NOT NULL, updated_on TEXT NOT NULL);
  CREATE TABLE issue_categories (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id),
    name TEXT NOT NULL, assigned_to_id INTEGER);
  CREATE TABLE custom_fields (id INTEGER PRIMARY KEY, name TEXT NOT NULL, field_format TEXT NOT NULL,
    possible_values TEXT NOT NULL, is_required INTEGER NOT NULL, is_filter INTEGER NOT NULL,
    searchable INTEGER NOT NULL, is_for_all INTEGER NOT NULL, default_value TEXT);
  CREATE TABLE issues (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id),
    tracker_id INTEGER NOT NULL, status_id INTEGER NOT NULL, priority_id INTEGER NOT NULL,
    author_id INTEGER NOT NULL, assigned_to_id INTEGER, category_id INTEGER, fixed_version_id INTEGER,
    parent_id INTEGER REFERENCES issues(id), subject TEXT NOT NULL, description TEXT, start_date TEXT,
    due_date TEXT, done_ratio INTEGER NOT NULL DEFAULT 0, is_private INTEGER NOT NULL DEFAULT 0,
    estimated_hours REAL, created_on TEXT NOT NULL, updated_on TEXT NOT NULL, closed_on TEXT,
    lock_version INTEGER NOT NULL DEFAULT 0);
  CREATE INDEX issues_project ON issues(project_id, status_id);
  CREATE INDEX issues_status ON issues(status_id);
  CREATE INDEX issues_assigned ON issues(assigned_to_id);
  CREATE INDEX issues_parent ON issues(parent_id);
  CREATE INDEX issues_updated ON issues(updated_on);
  CREATE TABLE custom_values (issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    custom_field_id INTEGER NOT NULL, value TEXT, PRIMARY KEY (issue_id, custom_field_id));
  CREATE INDEX custom_values_value ON custom_values(custom_field_id, value);
  CREATE TABLE journals (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL, notes TEXT NOT NULL DEFAULT '', private_notes INTEGER NOT NULL DEFAULT 0,
    created_on TEXT NOT NULL);
  CREATE INDEX journals_issue ON journals(issue_id);
  CREATE TABLE journal_details (id INTEGER PRIMARY KEY, journal_id INTEGER NOT NULL REFERENCES journals(id)
    ON DELETE CASCADE, property TEXT NOT NULL, prop_key TEXT NOT NULL, old_value TEXT, value TEXT);
  CREATE INDEX journal_details_journal ON journal_details(journal_id);
  CREATE TABLE attachments (id INTEGER PRIMARY KEY, issue_id INTEGER REFERENCES issues(id) ON DELETE SET NULL,
    filename TEXT NOT NULL, disk_filename TEXT NOT NULL, filesize INTEGER NOT NULL, content_type TEXT NOT NULL,
    digest TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', author_id INTEGER NOT NULL, created_on TEXT NOT NULL);
  CREATE INDEX attachments_issue ON attachments(issue_id);
  CREATE TABLE watchers (issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL, PRIMARY KEY (issue_id, user_id));
  CREATE INDEX watchers_user ON watchers(user_id);
  CREATE TABLE issue_relations (id INTEGER PRIMARY KEY, issue_from_id INTEGER NOT NULL REFERENCES issues(id)
    ON DELETE CASCADE, issue_to_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    relation_type TEXT NOT NULL, delay INTEGER);
  CREATE INDEX relations_from ON issue_relations(issue_from_id);
  CREATE INDEX relations_to ON issue_relations(issue_to_id);
  CREATE TABLE queries (id INTEGER PRIMARY KEY, name TEXT NOT NULL, project_id INTEGER, user_id INTEGER NOT NULL,
    is_public INTEGER NOT NULL, filters TEXT NOT NULL);
  `,
  // 2: a covering index for the visibility test of non-admin lists (private issues), so counts
  // do not read every row.
  `
  CREATE INDEX issues_visibility ON issues(project_id, status_id, is_private, author_id, assigned_to_id);
  ANALYZE;
  `,
]

/** Applies pending migrations, each in its own transaction. Returns how many ran. */
export async function migrate(client: Client): Promise<number> {
  const rs = await client.execute('PRAGMA user_version')
  const current = Number(rs.rows[0]?.[0] ?? 0)
  let ran = 0
  for (let v = current; v < migrations.length; v++) {
    const statements = (migrations[v] ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
    await client.batch([...statements, `PRAGMA user_version = ${v + 1}`], 'write')
    ran++
  }
  return ran
}
