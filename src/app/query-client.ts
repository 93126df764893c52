import { QueryClient } from '@tanstack/react-query'
import { isTrackerError } from '../trackers/tracker'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying a wrong key or a missing record only delays the message.
        retry: (count, error) =>
          count < 2 &&
          !(
            isTrackerError(error) &&
            ['auth', 'forbidden', 'not-found', 'validation'].includes(error.kind)
          ),
      },
    },
  })
}
