import { describe, expect, it } from 'vitest'
import { makeIssue } from '../test/issue-factory'
import { activeFilterCount, filterIssues, formatCfValue, parseCfValue } from './issue-filter'
import { issueSearchDefaults, type IssueSearch } from './issue-search'

const jsmith = { id: 5, name: 'John Smith' }
const closed = { id: 5, name: 'Closed', isClosed: true }
const issues = [
  makeIssue({
    id: 1,
    subject: 'Login page returns 500',
    assignee: jsmith,
    priority: { id: 3, name: 'High' },
  }),
  makeIssue({
    id: 2,
    subject: 'CSV export',
    description: 'Add an export menu',
    tracker: { id: 2, name: 'Feature' },
  }),
  makeIssue({
    id: 3,
    subject: 'Typo in footer',
    status: closed,
    assignee: jsmith,
    dueDate: '2026-02-01',
  }),
  makeIssue({
    id: 4,
    subject: 'Crash on upload',
    customFields: [
      { id: 1, name: 'Severity', value: 'critical' },
      { id: 2, name: 'Found in', value: 'Staging cluster B' },
      { id: 3, name: 'Platforms', value: ['Linux', 'macOS'] },
    ],
    attachmentCount: 1,
    createdOn: '2026-03-05T08:00:00Z',
  }),
]
const run = (over: Partial<IssueSearch>) =>
  filterIssues(issues, { ...issueSearchDefaults, ...over }, { meId: 5 }).map((i) => i.id)

describe('filterIssues', () => {
  it('keeps the scope: open, closed or all', () => {
    expect(run({})).toEqual([1, 2, 4])
    expect(run({ status: 'closed' })).toEqual([3])
    expect(run({ status: 'all' })).toEqual([1, 2, 3, 4])
  })
  it('filters by assignee me, nobody and ids', () => {
    expect(run({ status: 'all', assignee: ['me'] })).toEqual([1, 3])
    expect(run({ status: 'all', assignee: ['none'] })).toEqual([2, 4])
    expect(run({ status: 'all', assignee: ['none', 5] })).toEqual([1, 2, 3, 4])
  })
  it('filters by tracker, priority and custom field', () => {
    expect(run({ tracker: [2] })).toEqual([2])
    expect(run({ priority: [3] })).toEqual([1])
    expect(run({ cf: { '1': ['critical', 'major'] } })).toEqual([4])
  })
  it('matches a list custom field when the value is any of the chosen ones, exactly', () => {
    expect(run({ cf: { '1': ['major'] } })).toEqual([])
    expect(run({ cf: { '1': ['critical'] } })).toEqual([4])
    // "is" is exact, as in Redmine: no substring, no case folding.
    expect(run({ cf: { '1': ['crit'] } })).toEqual([])
    expect(run({ cf: { '1': ['Critical'] } })).toEqual([])
    // A multi-value field matches when any of its values is chosen.
    expect(run({ cf: { '3': ['Windows', 'macOS'] } })).toEqual([4])
    expect(run({ cf: { '3': ['Windows'] } })).toEqual([])
  })
  it('matches a text custom field that contains ~text, case-insensitively', () => {
    expect(run({ cf: { '2': ['~cluster b'] } })).toEqual([4])
    expect(run({ cf: { '2': ['~CLUSTER'] } })).toEqual([4])
    expect(run({ cf: { '2': ['~production'] } })).toEqual([])
    expect(run({ cf: { '3': ['~mac'] } })).toEqual([4])
    // An empty "contains" filters nothing; an issue without the field never matches a value.
    expect(run({ cf: { '2': ['~  '] } })).toEqual([1, 2, 4])
    expect(run({ cf: { '9': ['~x'] } })).toEqual([])
  })
  it('requires every custom field filter to match', () => {
    expect(run({ cf: { '1': ['critical'], '2': ['~staging'] } })).toEqual([4])
    expect(run({ cf: { '1': ['critical'], '2': ['~prod'] } })).toEqual([])
  })
  it('reads and writes custom field conditions', () => {
    expect(parseCfValue('major')).toEqual({ op: 'is', value: 'major' })
    expect(parseCfValue('~Login')).toEqual({ op: 'contains', value: 'Login' })
    expect(formatCfValue({ op: 'contains', value: 'a b' })).toBe('~a b')
    expect(formatCfValue({ op: 'is', value: 'x' })).toBe('x')
  })
  it('sees a changed issue: a refreshed copy is matched on its new text', () => {
    const before = makeIssue({ id: 9, subject: 'Old title' })
    const after = { ...before, subject: 'New title' }
    const s = { ...issueSearchDefaults, q: 'new' }
    expect(filterIssues([before], s, { meId: null })).toEqual([])
    expect(filterIssues([after], s, { meId: null })).toEqual([after])
  })
  it('finds text in subject or description, case-insensitively, and #id', () => {
    expect(run({ q: 'EXPORT menu' })).toEqual([2])
    expect(run({ q: 'crash' })).toEqual([4])
    expect(run({ q: '#1' })).toEqual([1])
    // Not across the seam between subject and description.
    expect(run({ q: 'exportadd' })).toEqual([])
  })
  it('filters by date ranges and attachments', () => {
    expect(run({ createdFrom: '2026-03-01' })).toEqual([4])
    expect(run({ status: 'all', dueTo: '2026-12-31' })).toEqual([3])
    expect(run({ attachments: true })).toEqual([4])
  })
  it('requires every filter the search sets to pass', () => {
    expect(run({ status: 'all', assignee: ['me'], dueTo: '2026-12-31' })).toEqual([3])
    expect(run({ assignee: ['me'], priority: [3], q: 'login' })).toEqual([1])
    expect(run({ assignee: ['me'], tracker: [2] })).toEqual([])
    expect(run({ status: 'closed', assignee: ['none'] })).toEqual([])
  })
  it('counts active filters', () => {
    expect(activeFilterCount(issueSearchDefaults)).toBe(0)
    expect(
      activeFilterCount({ ...issueSearchDefaults, q: 'x', tracker: [1], cf: { '1': ['a'] } }),
    ).toBe(3)
  })
})
