export {
  issueStoreQueries,
  useIssueStore,
  startIssueStore,
  TABLE_METADATA,
  BOARD_METADATA,
  patchIssue,
  clearIssueStore,
  clearIssueStoreOnSignOut,
  type IssueStore,
} from './issue-store'
export { metadataQueries } from './metadata'
export { openIssueDatabase } from './persist'
export { inScope, scopeKey, type Scope } from './scope'
export type { IssueSnapshot } from './load-issues'
export {
  useServerPaging,
  serverFilters,
  serverPageQueries,
  SERVER_PAGE_SIZE,
  type ServerPaging,
} from './server-paging'
export { issueCap, ISSUE_CAP_STORAGE_KEY, overCapText } from './cap'
