/** Server configuration from the environment and an optional trackers file. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import type { TrackerType } from '../src/trackers/tracker'

// `satisfies` makes this fail to compile when TrackerType gains or loses a value.
const trackerTypeSet = {
  redmine: true,
  openproject: true,
  claromentis: true,
  'aritic-desk': true,
  fixx: true,
} as const satisfies Record<TrackerType, true>
const trackerTypes = Object.keys(trackerTypeSet) as [TrackerType, ...TrackerType[]]

/** An upstream address: http(s), no credentials, query or fragment (the proxy appends those). */
const trackerUrl = z.string().superRefine((s, ctx) => {
  let u: URL
  try {
    u = new URL(s)
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not an absolute URL` })
    return
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    ctx.addIssue({ code: 'custom', message: 'only http and https URLs' })
  if (u.username || u.password)
    ctx.addIssue({ code: 'custom', message: 'no credentials in the URL (users sign in with keys)' })
  if (u.search || u.hash || s.includes('?') || s.includes('#'))
    ctx.addIssue({ code: 'custom', message: 'no query or fragment in the URL' })
})

const upstreamSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, 'ids are 1-32 lowercase letters, digits or dashes')
    .refine((id) => id !== 'local', '"local" is the bundled tracker'),
  name: z.string().min(1).default('Redmine'),
  type: z.enum(trackerTypes).default('redmine'),
  url: trackerUrl,
  /** Issue pages the app loads at once from this tracker (Redmine serves one at a time). */
  concurrency: z.coerce.number().int().min(1).max(16).optional(),
  /** Above this many issues in a scope, the app pages on the server (default: ISSUE_CAP). */
  issueCap: z.coerce.number().int().positive().optional(),
})
export type Upstream = z.infer<typeof upstreamSchema>

export interface ServerConfig {
  host: string
  port: number
  distDir: string
  proxyTimeoutMs: number
  /** Default issue cap for every connection (ISSUE_CAP; a TRACKERS_FILE entry can set its own). */
  issueCap: number
  log: boolean
  upstreams: Upstream[]
  bundled: null | {
    dataDir: string
    seedIssues: number
    adminKey?: string
    maxUploadBytes?: number
  }
}

export class ConfigError extends Error {}

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  return n
}

function describe(e: z.ZodError, name = (path: string) => path): string {
  return e.issues.map((i) => `${name(i.path.join('.')) || 'value'}: ${i.message}`).join('; ')
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const upstreams: Upstream[] = []
  if (env.TRACKERS_FILE) {
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(env.TRACKERS_FILE, 'utf8'))
    } catch (e) {
      throw new ConfigError(
        `Cannot read TRACKERS_FILE ${env.TRACKERS_FILE}: ${(e as Error).message}`,
      )
    }
    const r = z.object({ trackers: z.array(upstreamSchema) }).safeParse(raw)
    if (!r.success)
      throw new ConfigError(`TRACKERS_FILE ${env.TRACKERS_FILE}: ${describe(r.error)}`)
    upstreams.push(...r.data.trackers)
  }
  if (env.TRACKER_URL) {
    const r = upstreamSchema.safeParse({
      id: env.TRACKER_ID || 'main',
      name: env.TRACKER_NAME || undefined,
      type: env.TRACKER_TYPE || undefined,
      url: env.TRACKER_URL,
      concurrency: env.TRACKER_CONCURRENCY || undefined,
    })
    if (!r.success)
      throw new ConfigError(describe(r.error, (path) => `TRACKER_${path.toUpperCase()}`))
    upstreams.push(r.data)
  }
  const ids = upstreams.map((u) => u.id)
  const dup = ids.find((id, i) => ids.indexOf(id) !== i)
  if (dup) throw new ConfigError(`Tracker id "${dup}" is configured twice`)

  const bundledSetting = (env.BUNDLED_TRACKER ?? '').toLowerCase()
  if (bundledSetting && !['on', 'off'].includes(bundledSetting))
    throw new ConfigError(`BUNDLED_TRACKER must be "on" or "off", got "${env.BUNDLED_TRACKER}"`)
  const bundledOn = bundledSetting === 'on' || (bundledSetting === '' && upstreams.length === 0)
  if (!bundledOn && upstreams.length === 0)
    throw new ConfigError('No tracker: set TRACKER_URL, TRACKERS_FILE, or leave BUNDLED_TRACKER on')

  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 4173, 0, 65535),
    distDir: resolve(env.DIST_DIR || 'dist'),
    proxyTimeoutMs: int(env, 'PROXY_TIMEOUT_MS', 30_000, 1),
    issueCap: int(env, 'ISSUE_CAP', 10_000, 1),
    log: env.LOG !== 'off',
    upstreams,
    bundled: bundledOn
      ? {
          dataDir: resolve(env.DATA_DIR || 'data'),
          seedIssues: int(env, 'SEED_ISSUES', 600),
          adminKey: env.TRACKER_ADMIN_KEY || undefined,
          maxUploadBytes: env.UPLOAD_MAX_BYTES ? int(env, 'UPLOAD_MAX_BYTES', 0, 1) : undefined,
        }
      : null,
  }
}
