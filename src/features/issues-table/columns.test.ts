import { describe, expect, it } from 'vitest'
import { SORT_FIELDS } from '../../domain/issue-search'
import { makeIssue } from '../../test/issue-factory'
import { columnDefs, columnForSort, COLUMNS, customFieldColumns, FIXED_COLUMNS } from './columns'

describe('the column model', () => {
  it('has a column for every sort field, so any URL sort shows in a header', () => {
    expect(SORT_FIELDS.filter((f) => !columnForSort.has(f))).toEqual([])
    expect(columnForSort.get('updatedOn')).toBe('updated')
  })

  it('defines the fixed columns first; only columns with a sort field sort', () => {
    const defs = columnDefs([...COLUMNS, ...customFieldColumns([])])
    expect(defs.slice(0, 3).map((d) => d.id)).toEqual([...FIXED_COLUMNS])
    const sortable = defs.filter((d) => d.enableSorting).map((d) => d.id)
    expect(sortable).toContain('subject')
    expect(sortable).not.toContain('parent')
    expect(sortable).not.toContain('select')
  })

  it('makes one column per custom field the issues carry, showing list values joined', () => {
    const cols = customFieldColumns([
      makeIssue({ id: 1, customFields: [{ id: 3, name: 'Platforms', value: ['Linux', 'macOS'] }] }),
    ])
    expect(cols.map((c) => [c.id, c.header, c.sort])).toEqual([['cf3', 'Platforms', undefined]])
    expect(
      cols[0]!.cell(
        makeIssue({ id: 1, customFields: [{ id: 3, name: 'Platforms', value: ['a', 'b'] }] }),
        '2026-01-01',
      ),
    ).toBe('a, b')
  })
})
