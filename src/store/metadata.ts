/** Tracker metadata (statuses, trackers, priorities, members, ...), cached with their own lifetimes. */
import { queryOptions } from '@tanstack/react-query'
import type { ConnectionId, TrackerAdapter } from '../trackers/tracker'

const HOUR = 60 * 60_000

/** The signed-in user's key (shared with the shell, which shows the user). */
export const metaMeKey = (conn: ConnectionId) => ['c', conn, 'me'] as const

/** Where a connection's metadata is cached (for readers that hold only the connection id). */
export const metaKeyOf = (conn: ConnectionId) => ['c', conn, 'meta'] as const

export const metadataQueries = {
  all: (t: TrackerAdapter) => metaKeyOf(t.id),
  statuses: (t: TrackerAdapter) =>
    queryOptions({
      queryKey: [...metadataQueries.all(t), 'statuses'] as const,
      queryFn: ({ signal }) => t.listStatuses(signal),
      staleTime: HOUR,
    }),
  types: (t: TrackerAdapter) =>
    queryOptions({
      queryKey: [...metadataQueries.all(t), 'types'] as const,
      queryFn: ({ signal }) => t.listTypes(signal),
      staleTime: HOUR,
    }),
  priorities: (t: TrackerAdapter) =>
    queryOptions({
      queryKey: [...metadataQueries.all(t), 'priorities'] as const,
      queryFn: ({ signal }) => t.listPriorities(signal),
      staleTime: HOUR,
    }),
  customFields: (t: TrackerAdapter) =>
    queryOptions({
      queryKey: [...metadataQueries.all(t), 'custom-fields'] as const,
      queryFn: ({ signal }) => t.listCustomFields(signal),
      staleTime: HOUR,
    }),
  members: (t: TrackerAdapter, project: string) =>
    queryOptions({
      queryKey: [...metadataQueries.all(t), 'members', project] as const,
      queryFn: ({ signal }) => t.listMembers(project, signal),
      staleTime: 10 * 60_000,
    }),
  versions: (t: TrackerAdapter, project: string) =>
    queryOptions({
      queryKey: [...metadataQueries.all(t), 'versions', project] as const,
      queryFn: ({ signal }) => t.listVersions(project, signal),
      staleTime: 10 * 60_000,
    }),
  categories: (t: TrackerAdapter, project: string) =>
    queryOptions({
      queryKey: [...metadataQueries.all(t), 'categories', project] as const,
      queryFn: ({ signal }) => t.listCategories(project, signal),
      staleTime: 10 * 60_000,
    }),
  me: (t: TrackerAdapter) =>
    queryOptions({
      queryKey: metaMeKey(t.id),
      queryFn: ({ signal }) => t.currentUser(signal),
      staleTime: 10 * 60_000,
    }),
}
