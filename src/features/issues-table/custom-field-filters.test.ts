import { describe, expect, it } from 'vitest'
import { issueSearchDefaults } from '../../domain/issue-search'
import type { CustomFieldDef } from '../../domain/model'
import { makeIssue } from '../../test/issue-factory'
import {
  cfChips,
  cfFilterFields,
  GUESS_LIST_MAX,
  withCfContains,
  withCfValue,
  withoutCfValue,
} from './custom-field-filters'

const def = (over: Partial<CustomFieldDef> & { id: number; name: string }): CustomFieldDef => ({
  format: 'string',
  multiple: false,
  possibleValues: [],
  isFilter: true,
  trackerIds: [],
  ...over,
})
const issues = [
  makeIssue({
    id: 1,
    customFields: [
      { id: 1, name: 'Severity', value: 'major' },
      { id: 3, name: 'Platforms', value: ['Linux', 'macOS'] },
    ],
  }),
  makeIssue({
    id: 2,
    customFields: [
      { id: 1, name: 'Severity', value: 'critical' },
      { id: 3, name: 'Platforms', value: [] },
    ],
  }),
  makeIssue({ id: 3, customFields: [{ id: 1, name: 'Severity', value: null }] }),
]

describe('cfFilterFields', () => {
  it('follows the definitions: lists with their possible values, text fields, nothing else', () => {
    const defs = [
      def({ id: 1, name: 'Severity', format: 'list', possibleValues: ['minor', 'major'] }),
      def({ id: 2, name: 'Found in', format: 'string' }),
      def({ id: 4, name: 'Notes', format: 'text' }),
      def({ id: 5, name: 'Estimate', format: 'int' }),
      // A list defined without values (an enumeration): the issues' values.
      def({ id: 3, name: 'Platforms', format: 'list', multiple: true }),
    ]
    expect(cfFilterFields(defs, issues)).toEqual([
      { id: 1, name: 'Severity', kind: 'list', values: ['minor', 'major'] },
      { id: 2, name: 'Found in', kind: 'text', values: [] },
      { id: 4, name: 'Notes', kind: 'text', values: [] },
      { id: 3, name: 'Platforms', kind: 'list', values: ['Linux', 'macOS'] },
    ])
  })

  it('without definitions, takes names and values from the issues', () => {
    expect(cfFilterFields([], issues)).toEqual([
      { id: 3, name: 'Platforms', kind: 'list', values: ['Linux', 'macOS'] },
      { id: 1, name: 'Severity', kind: 'list', values: ['critical', 'major'] },
    ])
  })

  it('without definitions, a field with many distinct values is taken for text', () => {
    const many = Array.from({ length: GUESS_LIST_MAX + 1 }, (_, n) =>
      makeIssue({ id: n + 1, customFields: [{ id: 7, name: 'Host', value: `host-${n}` }] }),
    )
    expect(cfFilterFields(undefined, many)).toEqual([
      { id: 7, name: 'Host', kind: 'text', values: [] },
    ])
    expect(cfFilterFields(undefined, many.slice(0, GUESS_LIST_MAX))[0]!.kind).toBe('list')
  })
})

describe('custom field chips and URL patches', () => {
  const fields = cfFilterFields([], issues)

  it('labels values and "contains", and names an unknown field by its id', () => {
    expect(cfChips({ '1': ['major', '~crit'], '9': ['x'] }, fields)).toEqual([
      { id: 1, raw: 'major', field: 'Severity', label: 'major' },
      { id: 1, raw: '~crit', field: 'Severity', label: 'contains “crit”' },
      { id: 9, raw: 'x', field: 'Custom field 9', label: 'x' },
    ])
  })

  it('adds a value once, trims "contains" and ignores an empty one', () => {
    const cf = { '1': ['major'] }
    expect(withCfValue(cf, 1, 'critical')).toEqual({ cf: { '1': ['major', 'critical'] } })
    expect(withCfValue(cf, 1, 'major')).toEqual({})
    expect(withCfValue(cf, 2, 'x')).toEqual({ cf: { '1': ['major'], '2': ['x'] } })
    expect(withCfContains({}, 2, '  stag ')).toEqual({ cf: { '2': ['~stag'] } })
    expect(withCfContains({}, 2, '   ')).toEqual({})
  })

  it('removes a value, and the field when it was the last', () => {
    const cf = { '1': ['major', 'critical'], '2': ['~x'] }
    expect(withoutCfValue(cf, 1, 'major')).toEqual({ cf: { '1': ['critical'], '2': ['~x'] } })
    expect(withoutCfValue(cf, 2, '~x')).toEqual({ cf: { '1': ['major', 'critical'] } })
    // The search it patches is left alone.
    expect(cf).toEqual({ '1': ['major', 'critical'], '2': ['~x'] })
    expect(issueSearchDefaults.cf).toEqual({})
  })
})
