import { describe, expect, it } from 'vitest'
import { issueSearchDefaults, issueSearchSchema, parseSort, toggleSort } from './issue-search'

describe('issue search schema', () => {
  it('defaults to open issues sorted by id desc, as a table', () => {
    expect(issueSearchDefaults).toMatchObject({
      status: 'open',
      sort: ['id.desc'],
      mode: 'table',
      q: '',
    })
  })

  it('keeps valid values and coerces ids from the URL', () => {
    const s = issueSearchSchema.parse({
      status: 'all',
      tracker: ['1', 2],
      assignee: ['me', 'none', '5'],
      cf: { '1': ['major'] },
      sort: ['priority.desc', 'updatedOn'],
      group: 'assignee',
      createdFrom: '2026-01-01',
    })
    expect(s).toMatchObject({
      status: 'all',
      tracker: [1, 2],
      assignee: ['me', 'none', 5],
      cf: { '1': ['major'] },
      sort: ['priority.desc', 'updatedOn'],
      group: 'assignee',
      createdFrom: '2026-01-01',
    })
  })

  it('falls back field by field on a malformed URL, never throwing', () => {
    const s = issueSearchSchema.parse({
      status: 'sometimes',
      tracker: 'x',
      assignee: [{}],
      cf: 'nope',
      sort: ['bogus'],
      group: 'color',
      createdFrom: 'yesterday',
      mode: 'gantt',
      q: 42,
    })
    expect(s).toEqual(issueSearchDefaults)
  })
})

describe('toggleSort', () => {
  it('sorts by one column, flipping on a second click', () => {
    expect(toggleSort(['id.desc'], 'priority', false)).toEqual(['priority'])
    expect(toggleSort(['priority'], 'priority', false)).toEqual(['priority.desc'])
  })
  it('adds keys with shift and flips an existing one in place', () => {
    expect(toggleSort(['priority.desc'], 'dueDate', true)).toEqual(['priority.desc', 'dueDate'])
    expect(toggleSort(['priority.desc', 'dueDate'], 'priority', true)).toEqual([
      'priority',
      'dueDate',
    ])
    expect(parseSort(['dueDate.desc'])).toEqual([{ field: 'dueDate', desc: true }])
  })

  it('keeps chosen columns and widths, and drops malformed ones to the defaults', () => {
    const ok = issueSearchSchema.parse({ columns: ['status', 'cf3'], widths: { status: '150' } })
    expect(ok).toMatchObject({ columns: ['status', 'cf3'], widths: { status: 150 } })
    const bad = issueSearchSchema.parse({ columns: ['<script>'], widths: { status: 5 } })
    expect(bad).toMatchObject({ columns: [], widths: {} })
  })
})
