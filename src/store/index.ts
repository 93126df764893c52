export {
  issueStoreQueries,
  useIssueStore,
  patchIssue,
  clearIssueStore,
  type IssueStore,
} from './issue-store'
export { metadataQueries } from './metadata'
export { inScope, scopeKey, type Scope } from './scope'
export type { IssueSnapshot } from './load-issues'
