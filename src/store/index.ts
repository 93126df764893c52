export {
  issueStoreQueries,
  useIssueStore,
  patchIssue,
  clearIssueStore,
  clearIssueStoreOnSignOut,
  type IssueStore,
} from './issue-store'
export { metadataQueries } from './metadata'
export { inScope, scopeKey, type Scope } from './scope'
export type { IssueSnapshot } from './load-issues'
