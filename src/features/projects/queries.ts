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
