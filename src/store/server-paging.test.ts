import { describe, expect, it } from 'vitest'
import { issueSearchDefaults, type IssueSearch } from '../domain/issue-search'
import { SERVER_FILTERS } from '../trackers/redmine/params'
import { serverFilters } from './server-paging'

const search = (over: Partial<IssueSearch>): IssueSearch => ({ ...issueSearchDefaults, ...over })
const redmine = { serverFilters: SERVER_FILTERS }

describe('serverFilters', () => {
  it('maps the view filters the tracker supports and names none as skipped', () => {
    const r = serverFilters(
      search({
        tracker: [2],
        priority: [3, 4],
        assignee: ['me', 5],
        category: [1],
        cf: { '1': ['major'], '2': [] },
        createdFrom: '2026-01-01',
        dueTo: '2026-03-01',
        attachments: true,
      }),
      { project: 'demo', status: 'open' },
      redmine,
    )
    expect(r.filters).toEqual({
      trackerIds: [2],
      priorityIds: [3, 4],
      assignee: ['me', 5],
      categoryIds: [1],
      customFields: { '1': ['major'] },
      createdOn: { from: '2026-01-01', to: undefined },
      dueDate: { from: undefined, to: '2026-03-01' },
      hasAttachments: true,
    })
    expect(r.notApplied).toEqual([])
  })

  it('names what the tracker cannot do: unsupported filters and partial ones', () => {
    const r = serverFilters(
      search({ q: 'crash', category: [1], assignee: ['none', 5] }),
      { status: 'all' },
      redmine,
    )
    expect(r.filters).toEqual({ subjectContains: 'crash', assignee: [5] })
    expect(r.notApplied).toEqual([
      'Assignee "none" together with people',
      'Category (only within a project)',
      'Text search in descriptions (subjects only)',
    ])
    const none = serverFilters(search({ priority: [1], assignee: ['none'] }), { status: 'all' }, {})
    expect(none.filters).toEqual({})
    expect(none.notApplied).toEqual(['Priority', 'Assignee'])
  })
})
