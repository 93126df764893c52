import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import * as wire from './wire'
import { sampleBody, sampleJson, sampleNames, sampleResponse } from './fixtures/load'

// Every JSON sample recorded from the real Redmine, by the schema that must accept it.
const bySchema: [z.ZodType, string[]][] = [
  [wire.wireStatusList, ['issue_statuses']],
  [wire.wireTrackerList, ['trackers']],
  [wire.wirePriorityList, ['issue_priorities']],
  [wire.wireCustomFieldList, ['custom_fields']],
  [wire.wireQueryList, ['queries']],
  [wire.wireProjectList, ['projects_include', 'projects_anonymous']],
  [wire.wireProjectShow, ['project_demo_include']],
  [wire.wireMembershipList, ['project_memberships']],
  [wire.wireCategoryList, ['project_issue_categories']],
  [wire.wireVersionList, ['project_versions']],
  [
    wire.wireUserShow,
    [
      'users_current',
      'users_current_jsmith',
      'my_account',
      'user_show_jsmith',
      'ok_basic_auth',
      'ok_switch_user',
    ],
  ],
  [wire.wireUserList, ['users_list']],
  [
    wire.wireIssueShow,
    [
      'issue_full_1',
      'issue_full_3',
      'issue_full_5',
      'issue_full_6',
      'issue_full_7',
      'issue_1_allowed_as_jsmith',
      'issue_3_allowed_as_jsmith',
      'after_upload',
      'after_disallowed_status',
      'after_disallowed_status_1',
      'err_xml_accept',
    ],
  ],
  [wire.wireIssueCreated, ['issue_create_201', 'create_ignores_status', 'create_bad_tracker']],
  [wire.wireUpload, ['upload_201', 'upload_201_b', 'upload_no_filename']],
  [wire.wireAttachmentShow, ['attachment_show']],
  [wire.wireRelationList, ['issue_relations']],
  [
    wire.wireErrors,
    [
      'err_422_bad_parent',
      'err_422_bad_priority',
      'err_422_create_bad_project',
      'err_422_create_empty_subject',
      'err_422_update_empty_subject',
      'upload_attach_bad_token',
      'upload_attach_reuse_token',
      'f_bad_date_422',
    ],
  ],
]

describe('Redmine wire schemas over real responses', () => {
  for (const [schema, names] of bySchema) {
    for (const name of names) {
      it(`parses ${name}`, () => {
        const r = schema.safeParse(sampleJson(name))
        expect(r.success, r.error?.message).toBe(true)
      })
    }
  }

  it('parses every issue list sample (all f_* filters and the defaults)', () => {
    const lists = sampleNames().filter((n) => {
      try {
        const j = sampleJson(n) as Record<string, unknown>
        return j !== null && typeof j === 'object' && 'issues' in j
      } catch {
        return false
      }
    })
    expect(lists.length).toBeGreaterThan(25)
    for (const name of lists) {
      const r = wire.wireIssueList.safeParse(sampleJson(name))
      expect(r.success, `${name}: ${r.error?.message}`).toBe(true)
    }
  })

  it('rejects an issue whose status lacks is_closed', () => {
    const j = sampleJson('issue_full_7') as { issue: { status: Record<string, unknown> } }
    delete j.issue.status.is_closed
    expect(wire.wireIssueShow.safeParse(j).success).toBe(false)
  })

  it('has a schema for every successful JSON sample (a new sample needs one, or a reason)', () => {
    // Endpoints the adapter does not read.
    const unused = new Set(['roles', 'role_developer', 'search', 'time_entry_activities'])
    const claimed = new Set(bySchema.flatMap(([, names]) => names))
    const unclaimed = sampleNames().filter((n) => {
      const res = sampleResponse(n)
      if (!res.ok || unused.has(n) || claimed.has(n) || sampleBody(n) === '') return false
      if (!res.headers.get('content-type')?.includes('json')) return false
      const j = sampleJson(n)
      return !(j !== null && typeof j === 'object' && 'issues' in j)
    })
    expect(unclaimed).toEqual([])
  })
})
