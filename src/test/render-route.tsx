/** Renders the real route tree on memory history, with a fresh QueryClient, like the app does. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, createRouter, RouterProvider } from '@tanstack/react-router'
import { render } from '@testing-library/react'
import { vi } from 'vitest'
import { routeTree } from '../routeTree.gen'

export type FetchRoute = (url: URL, init: RequestInit) => Response | Promise<Response> | undefined

/** Replaces global fetch; unmatched requests fail the test loudly with a 599. */
export function mockFetch(route: FetchRoute) {
  const calls: { url: URL; init: RequestInit }[] = []
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost')
    calls.push({ url, init })
    return (await route(url, init)) ?? new Response(`unmocked ${url.pathname}`, { status: 599 })
  })
  vi.stubGlobal('fetch', fn)
  return calls
}

/**
 * Renders the app at `path`. With `fetch`, global fetch is mocked by that route first and the
 * recorded calls are returned as `calls` (empty when fetch was mocked elsewhere).
 */
export function renderRoute(path: string, options: { fetch?: FetchRoute } = {}) {
  const calls = options.fetch ? mockFetch(options.fetch) : []
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const history = createMemoryHistory({ initialEntries: [path] })
  const router = createRouter({ routeTree, history, context: { queryClient } })
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...utils, router, queryClient, calls }
}
