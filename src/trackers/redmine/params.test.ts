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
})
