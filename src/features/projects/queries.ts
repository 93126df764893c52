import { queryOptions } from '@tanstack/react-query'
import type { TrackerAdapter } from '../../trackers/tracker'

export const projectQueries = {
  all: (t: TrackerAdapter) => ['c', t.id, 'projects'] as const,
  list: (t: TrackerAdapter) =>
    queryOptions({
      queryKey: [...projectQueries.all(t), 'list'] as const,
      queryFn: ({ signal }) => t.listProjects(signal),
      staleTime: 5 * 60_000,
    }),
}

export const userQueries = {
  current: (t: TrackerAdapter) =>
    queryOptions({
      queryKey: ['c', t.id, 'me'] as const,
      queryFn: ({ signal }) => t.currentUser(signal),
      staleTime: 10 * 60_000,
    }),
}
