/**
 * Zod schemas of Redmine 5's JSON wire format, written from real responses
 * (../shared/redmine/samples). Wire types never leave this folder; the contract suite uses these
 * schemas to check that the bundled tracker answers in the same shapes as real Redmine.
 */
import { z } from 'zod'

export const wireRef = z.object({ id: z.number(), name: z.string() })
const nullableRef = wireRef.nullish()
const date = z.string().nullable()

export const wireStatusRef = wireRef.extend({ is_closed: z.boolean() })

export const wireCustomFieldValue = z.object({
  id: z.number(),
  name: z.string(),
  multiple: z.boolean().optional(),
  value: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
})

export const wireAttachment = z.object({
  id: z.number(),
  filename: z.string(),
  filesize: z.number(),
  content_type: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  content_url: z.string(),
  thumbnail_url: z.string().optional(),
  author: wireRef.optional(),
  created_on: z.string(),
})

export const wireRelation = z.object({
  id: z.number(),
  issue_id: z.number(),
  issue_to_id: z.number(),
  relation_type: z.string(),
  delay: z.number().nullable(),
})

export const wireJournal = z.object({
  id: z.number(),
  user: wireRef,
  notes: z.string().nullable(),
  created_on: z.string(),
  private_notes: z.boolean(),
  details: z.array(
    z.object({
      property: z.string(),
      name: z.string(),
      old_value: z.string().nullable().optional(),
      new_value: z.string().nullable().optional(),
    }),
  ),
})

export const wireIssue = z.object({
  id: z.number(),
  project: wireRef,
  tracker: wireRef,
  status: wireStatusRef,
  priority: wireRef,
  author: wireRef,
  assigned_to: nullableRef,
  category: nullableRef,
  fixed_version: nullableRef,
  parent: z.object({ id: z.number() }).nullish(),
  subject: z.string(),
  description: z.string().nullable(),
  start_date: date,
  due_date: date,
  done_ratio: z.number(),
  is_private: z.boolean(),
  estimated_hours: z.number().nullable(),
  total_estimated_hours: z.number().nullable().optional(),
  spent_hours: z.number().optional(),
  total_spent_hours: z.number().optional(),
  custom_fields: z.array(wireCustomFieldValue).optional(),
  created_on: z.string(),
  updated_on: z.string(),
  closed_on: z.string().nullable(),
  attachments: z.array(wireAttachment).optional(),
  relations: z.array(wireRelation).optional(),
})

export const wireIssueDetail = wireIssue.extend({
  journals: z.array(wireJournal).optional(),
  children: z
    .array(z.object({ id: z.number(), tracker: wireRef.optional(), subject: z.string() }))
    .optional(),
  watchers: z.array(wireRef).optional(),
  allowed_statuses: z.array(wireStatusRef).optional(),
  changesets: z.array(z.unknown()).optional(),
})

const paged = { total_count: z.number(), offset: z.number(), limit: z.number() }

export const wireIssueList = z.object({ issues: z.array(wireIssue), ...paged })
export const wireIssueShow = z.object({ issue: wireIssueDetail })
export const wireIssueCreated = z.object({ issue: wireIssue })

export const wireProject = z.object({
  id: z.number(),
  name: z.string(),
  identifier: z.string(),
  description: z.string().nullable(),
  homepage: z.string().optional(),
  parent: wireRef.optional(),
  status: z.number(),
  is_public: z.boolean(),
  inherit_members: z.boolean().optional(),
  trackers: z.array(wireRef).optional(),
  issue_categories: z.array(wireRef).optional(),
  enabled_modules: z.array(wireRef).optional(),
  created_on: z.string().optional(),
  updated_on: z.string().optional(),
})
export const wireProjectList = z.object({ projects: z.array(wireProject), ...paged })
export const wireProjectShow = z.object({ project: wireProject })

export const wireStatusList = z.object({ issue_statuses: z.array(wireStatusRef) })
export const wireTrackerList = z.object({
  trackers: z.array(wireRef.extend({ default_status: wireRef.nullish() })),
})
export const wirePriorityList = z.object({
  issue_priorities: z.array(
    wireRef.extend({ is_default: z.boolean(), active: z.boolean().optional() }),
  ),
})

export const wireMembershipList = z.object({
  memberships: z.array(
    z.object({
      id: z.number(),
      project: wireRef,
      user: wireRef.optional(),
      group: wireRef.optional(),
      roles: z.array(wireRef.extend({ inherited: z.boolean().optional() })),
    }),
  ),
  ...paged,
})

export const wireVersionList = z.object({
  versions: z.array(
    z.object({
      id: z.number(),
      project: wireRef,
      name: z.string(),
      status: z.enum(['open', 'locked', 'closed']),
      due_date: z.string().nullable(),
    }),
  ),
  total_count: z.number().optional(),
})

export const wireCategoryList = z.object({
  issue_categories: z.array(
    z.object({
      id: z.number(),
      project: wireRef,
      name: z.string(),
      assigned_to: wireRef.optional(),
    }),
  ),
  total_count: z.number().optional(),
})

export const wireCustomFieldList = z.object({
  custom_fields: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      customized_type: z.string(),
      field_format: z.string(),
      is_filter: z.boolean().optional(),
      multiple: z.boolean().optional(),
      possible_values: z
        .array(z.object({ value: z.string(), label: z.string().optional() }))
        .optional(),
      trackers: z.array(wireRef).optional(),
    }),
  ),
})

export const wireQueryList = z.object({
  queries: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      is_public: z.boolean(),
      project_id: z.number().nullable(),
    }),
  ),
  ...paged,
})

export const wireUser = z.object({
  id: z.number(),
  login: z.string().optional(),
  admin: z.boolean().optional(),
  firstname: z.string().optional(),
  lastname: z.string().optional(),
  mail: z.string().optional(),
  created_on: z.string().optional(),
  last_login_on: z.string().nullable().optional(),
  api_key: z.string().optional(),
  status: z.number().optional(),
  memberships: z
    .array(z.object({ id: z.number(), project: wireRef, roles: z.array(wireRef) }))
    .optional(),
})
export const wireUserShow = z.object({ user: wireUser })
export const wireUserList = z.object({ users: z.array(wireUser), ...paged })

export const wireUpload = z.object({ upload: z.object({ id: z.number(), token: z.string() }) })
export const wireAttachmentShow = z.object({ attachment: wireAttachment })
export const wireRelationList = z.object({ relations: z.array(wireRelation) })
export const wireErrors = z.object({ errors: z.array(z.string()) })

export type WireIssue = z.infer<typeof wireIssue>
export type WireIssueDetail = z.infer<typeof wireIssueDetail>
export type WireProject = z.infer<typeof wireProject>
export type WireUser = z.infer<typeof wireUser>
export type WireUserShowT = z.infer<typeof wireUserShow>
export type WireProjectListT = z.infer<typeof wireProjectList>
