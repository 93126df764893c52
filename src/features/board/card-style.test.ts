// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { sampleIssue, samplePriorities } from '../../domain/board-fixtures'
import { initials, isOverdue, priorityColors } from './card-style'

describe('card style', () => {
  it('makes initials from a name', () => {
    expect(initials('John Smith')).toBe('JS')
    expect(initials('admin')).toBe('A')
  })
  it('colours priorities from low to high', () => {
    const p = samplePriorities()
    const priorityColor = priorityColors(p)
    expect(priorityColor(sampleIssue(6))).toBe('#94a3b8') // Low
    expect(priorityColor(sampleIssue(9))).toBe('#dc2626') // Immediate
  })
  it('marks an open issue past its due date as overdue, not a closed one', () => {
    const due = { ...sampleIssue(7), dueDate: '2026-01-01' }
    expect(isOverdue(due, '2026-02-01')).toBe(true)
    expect(isOverdue(due, '2025-12-01')).toBe(false)
    expect(
      isOverdue({ ...due, status: { id: 5, name: 'Closed', isClosed: true } }, '2026-02-01'),
    ).toBe(false)
  })
})
