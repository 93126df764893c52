/** Builds domain issues for tests: realistic defaults, override what the test is about. */
import type { Issue } from '../domain/model'

export function makeIssue(over: Partial<Issue> & { id: number }): Issue {
  return {
    project: { id: 1, name: 'Demo' },
    tracker: { id: 1, name: 'Bug' },
    status: { id: 1, name: 'New', isClosed: false },
    priority: { id: 2, name: 'Normal' },
    author: { id: 1, name: 'Redmine Admin' },
    assignee: null,
    category: null,
    version: null,
    parent: null,
    subject: `Issue ${over.id}`,
    description: '',
    startDate: null,
    dueDate: null,
    doneRatio: 0,
    estimatedHours: null,
    spentHours: null,
    isPrivate: false,
    customFields: [],
    createdOn: '2026-01-01T10:00:00Z',
    updatedOn: '2026-01-01T10:00:00Z',
    closedOn: null,
    attachmentCount: null,
    ...over,
  }
}
