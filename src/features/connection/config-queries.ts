/** The connections our server offers (`GET /api/config`). */
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { TrackerError } from '../../trackers/tracker'

const connectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['redmine', 'openproject', 'claromentis', 'aritic-desk', 'fixx']),
  base: z.string(),
  loading: z
    .object({
      concurrency: z.number().int().min(1).max(16).optional(),
      issueCap: z.number().int().positive().optional(),
    })
    .optional(),
  demo: z.boolean().optional(),
  demoUsers: z
    .array(z.object({ login: z.string(), name: z.string(), apiKey: z.string(), role: z.string() }))
    .optional(),
})
const configSchema = z.object({ trackers: z.array(connectionSchema) })

export type Connection = z.infer<typeof connectionSchema>

export async function fetchConfig(signal?: AbortSignal): Promise<Connection[]> {
  let res: Response
  try {
    res = await fetch('/api/config', { signal, headers: { Accept: 'application/json' } })
  } catch (cause) {
    throw new TrackerError('network', 'Cannot reach the Trackboard server.', { cause })
  }
  if (!res.ok)
    throw new TrackerError('server', `The Trackboard server answered HTTP ${res.status}.`)
  return configSchema.parse(await res.json()).trackers
}

/**
 * The config the server wrote into index.html (the same as `/api/config`, see server/static.ts),
 * so a page load needs no round trip for it. None in the dev server, or when it does not parse:
 * then it is asked for.
 */
export function inlineConfig(doc: Document = document): Connection[] | undefined {
  const text = doc.getElementById('trackboard-config')?.textContent
  if (!text) return undefined
  try {
    const parsed = configSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data.trackers : undefined
  } catch {
    return undefined
  }
}

export const configQueries = {
  connections: () =>
    queryOptions({
      queryKey: ['config', 'connections'] as const,
      queryFn: ({ signal }) => fetchConfig(signal),
      initialData: inlineConfig,
      staleTime: Infinity,
    }),
}
