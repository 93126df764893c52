import { describe, expect, it } from 'vitest'
import { describeDetail } from './history-labels'

// Details as recorded in issue_full_1.json (real Redmine 5.0.4), statuses from issue_statuses.json.
const statuses = [
  { id: 1, name: 'New' },
  { id: 2, name: 'In Progress' },
]
const d = (property: string, name: string, oldValue: string | null, newValue: string | null) => ({
  property,
  name,
  oldValue,
  newValue,
})

describe('describeDetail', () => {
  it('names ids through the lookups', () => {
    expect(describeDetail(d('attr', 'status_id', '1', '2'), { statuses })).toEqual({
      label: 'Status',
      from: 'New',
      to: 'In Progress',
    })
  })

  it('keeps unknown ids visible and empty values empty', () => {
    expect(describeDetail(d('attr', 'assigned_to_id', null, '5'), {})).toEqual({
      label: 'Assignee',
      from: null,
      to: '#5',
    })
  })

  it('labels plain attributes, relations and custom fields', () => {
    expect(describeDetail(d('attr', 'done_ratio', '0', '30'), {})).toEqual({
      label: '% Done',
      from: '0',
      to: '30',
    })
    expect(describeDetail(d('relation', 'relates', null, '7'), {})).toEqual({
      label: 'Relation (relates)',
      from: null,
      to: '#7',
    })
    expect(
      describeDetail(d('cf', '1', 'minor', 'major'), {
        customFields: [{ id: 1, name: 'Severity' }],
      }).label,
    ).toBe('Severity')
    expect(describeDetail(d('attr', 'description', 'a', 'b'), {})).toEqual({
      label: 'Description',
      from: null,
      to: 'updated',
    })
  })
})
