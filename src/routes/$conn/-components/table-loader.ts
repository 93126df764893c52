import type { QueryClient } from '@tanstack/react-query'
import { needsMetadataFirst, parseSort, type IssueSearch } from '../../../domain/issue-search'
import { startIssueStore, TABLE_METADATA } from '../../../store'
import type { TrackerAdapter } from '../../../trackers/tracker'

/**
 * What a table route's loader depends on: the scope's status, the sort the first page and the
 * first screen on disk follow, and whether the first rows need the tracker's metadata.
 */
export function tableLoaderDeps(search: IssueSearch) {
  return {
    status: search.status,
    sort: search.sort,
    metadataFirst: needsMetadataFirst(search, parseSort(search.sort)),
  }
}

export type TableLoaderDeps = ReturnType<typeof tableLoaderDeps>

/**
 * The table's issues start loading (from disk first) while the view's code does; the promise
 * lets the loader wait a moment for the first screen on disk (see `startIssueStore`).
 */
export function startTableStore(
  client: QueryClient,
  tracker: TrackerAdapter,
  project: string | undefined,
  deps: TableLoaderDeps,
): Promise<void> {
  return startIssueStore(
    client,
    tracker,
    { project, status: deps.status },
    { firstSort: parseSort(deps.sort), metadataFirst: deps.metadataFirst ? TABLE_METADATA : [] },
  )
}
