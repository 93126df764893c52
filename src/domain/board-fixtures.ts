/**
 * Test-only: domain issues and statuses from real Redmine 5.0.4 responses
 * (../shared/redmine/samples, copied to src/trackers/redmine/fixtures).
 */
import { sampleJson } from '../trackers/redmine/fixtures/load'
import {
  wireIssueList,
  wireIssueShow,
  wirePriorityList,
  wireStatusList,
} from '../trackers/redmine/wire'
import { toIssue, toIssueDetail, toPriorities, toStatuses } from '../trackers/redmine/to-domain'
import type { Issue, IssueDetail, IssueStatus, Priority } from './model'

/** Issues #1..#10 of the fixture (`GET /issues.json?status_id=*&limit=100`). */
export function sampleIssues(): Issue[] {
  return wireIssueList.parse(sampleJson('f_status_all')).issues.map(toIssue)
}

export function sampleIssue(id: number): Issue {
  const issue = sampleIssues().find((i) => i.id === id)
  if (!issue) throw new Error(`no sample issue #${id}`)
  return issue
}

export function sampleStatuses(): IssueStatus[] {
  return toStatuses(wireStatusList.parse(sampleJson('issue_statuses')))
}

export function samplePriorities(): Priority[] {
  return toPriorities(wirePriorityList.parse(sampleJson('issue_priorities')))
}

export function sampleDetail(name: string): IssueDetail {
  return toIssueDetail(wireIssueShow.parse(sampleJson(name)).issue, '/t/main')
}

export function status(name: string): Issue['status'] {
  const s = sampleStatuses().find((x) => x.name === name)
  if (!s) throw new Error(`no status ${name}`)
  return { id: s.id, name: s.name, isClosed: s.isClosed }
}
