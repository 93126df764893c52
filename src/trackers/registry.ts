/** Picks the adapter for a configured connection. */
import type { FetchLike } from './http'
import { createRedmineAdapter } from './redmine/adapter'
import {
  TrackerError,
  type ConnectionConfig,
  type Credentials,
  type TrackerAdapter,
} from './tracker'

const NOT_YET: Record<string, string> = {
  openproject: 'OpenProject',
  claromentis: 'Claromentis Infocapture',
  'aritic-desk': 'Aritic Desk',
  fixx: 'fixx',
}

export function createAdapter(
  config: ConnectionConfig,
  credentials: Credentials,
  fetchImpl?: FetchLike,
): TrackerAdapter {
  if (config.type === 'redmine')
    return createRedmineAdapter({
      id: config.id,
      base: config.base,
      credentials,
      name: config.name,
      fetch: fetchImpl,
      loading: config.loading,
    })
  throw new TrackerError(
    'unsupported',
    `${NOT_YET[config.type] ?? config.type} is not supported yet.`,
  )
}
