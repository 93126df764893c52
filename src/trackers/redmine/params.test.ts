import { describe, expect, it } from 'vitest'
import { issueListParams } from './params'

describe('issueListParams', () => {
  it('maps scope, status, sort, delta and paging to Redmine parameters', () => {
    const p = issueListParams({
      project: 'demo',
      includeSubprojects: false,
      status: [2, 3],
      updatedSince: '2026-11-23T20:09:18.123Z',
      sort: [
        { field: 'priority', desc: true },
        { field: 'updatedOn', desc: false },
      ],
      offset: 200,
      limit: 500,
      includeAttachments: true,
    })
    expect(Object.fromEntries(p)).toEqual({
      project_id: 'demo',
      subproject_id: '!*',
      status_id: '2|3',
      updated_on: '>=2026-11-23T20:09:18Z',
      sort: 'priority:desc,updated_on',
      include: 'attachments',
      offset: '200',
      limit: '100',
    })
  })

  it('uses * for all statuses and leaves out what is not asked', () => {
    expect(issueListParams({ status: 'all', offset: 0, limit: 25 }).toString()).toBe(
      'status_id=*&offset=0&limit=25',
    )
    expect(
      issueListParams({ status: 'closed', ids: [1, 2], offset: 0, limit: 0 }).get('limit'),
    ).toBe('1')
  })

  it('maps server-side filters to the parameters checked against Redmine 5.0.4', () => {
    const p = issueListParams({
      project: 'demo',
      status: 'open',
      filters: {
        statusIds: [1, 2],
        trackerIds: [2],
        priorityIds: [3, 4],
        assignee: ['me', 5],
        authorIds: [1],
        categoryIds: [1],
        versionIds: [1],
        customFields: { 1: ['major', 'critical'] },
        subjectContains: ' crash ',
        createdOn: { from: '2026-01-01', to: '2026-01-31' },
        updatedOn: { from: '2026-02-01' },
        dueDate: { to: '2026-03-01' },
        hasAttachments: true,
      },
      offset: 0,
      limit: 100,
    })
    expect(Object.fromEntries(p)).toEqual({
      project_id: 'demo',
      status_id: '1|2',
      tracker_id: '2',
      priority_id: '3|4',
      assigned_to_id: 'me|5',
      author_id: '1',
      category_id: '1',
      fixed_version_id: '1',
      cf_1: 'major|critical',
      subject: '~crash',
      created_on: '><2026-01-01|2026-01-31',
      updated_on: '>=2026-02-01',
      due_date: '<=2026-03-01',
      attachment: '*',
      offset: '0',
      limit: '100',
    })
  })

  it('asks for unassigned issues with !*, drops categories outside a project and empty lists', () => {
    const p = issueListParams({
      status: 'all',
      filters: { assignee: 'none', categoryIds: [1], trackerIds: [], subjectContains: '  ' },
      offset: 0,
      limit: 100,
    })
    expect(Object.fromEntries(p)).toEqual({
      status_id: '*',
      assigned_to_id: '!*',
      offset: '0',
      limit: '100',
    })
  })
})
