import type { Context } from 'hono'
import type { Store } from './db/store'
import type { UserRow } from './db/schema'

/** What every route handler receives through `c.env`. */
export interface TrackerEnv {
  store: Store
  /** Absolute URL of the tracker's root, e.g. `http://host/t/local` (no trailing slash). */
  base: string
  maxUploadBytes: number
}

export interface TrackerVars {
  user: UserRow | null
}

export type HonoEnv = { Bindings: TrackerEnv; Variables: TrackerVars }
export type Ctx = Context<HonoEnv>

/** Redmine's error responses: empty body, `Content-Type: application/json`, Content-Length 0. */
export function empty(status: 401 | 403 | 404 | 406 | 412 | 422): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Length': '0',
  }
  if (status === 401) headers['WWW-Authenticate'] = 'Basic realm="Redmine API"'
  return new Response(null, { status, headers })
}

export function json(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...extra },
  })
}

export function errors(messages: string[]): Response {
  return json({ errors: messages }, 422)
}

export function noContent(): Response {
  return new Response(null, { status: 204 })
}

/** 401 for anonymous, 403 for a logged-in user: Redmine's deny_access. */
export function deny(user: UserRow | null): Response {
  return empty(user ? 403 : 401)
}

/** Parsed JSON request body: `noop` when the Content-Type is not JSON (Redmine ignores the body). */
export type Body =
  { kind: 'json'; value: Record<string, unknown> } | { kind: 'noop' } | { kind: 'bad' }

export async function readJsonBody(c: Ctx): Promise<Body> {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^application\/json\b/i.test(type)) return { kind: 'noop' }
  const text = await c.req.text()
  if (text.trim() === '') return { kind: 'json', value: {} }
  try {
    const value: unknown = JSON.parse(text)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'bad' }
    return { kind: 'json', value: value as Record<string, unknown> }
  } catch {
    return { kind: 'bad' }
  }
}

/** Redmine answers malformed JSON with 400 and an empty text/html body. */
export function badRequest(): Response {
  return new Response(null, {
    status: 400,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': '0' },
  })
}

export function parseId(s: string | undefined): number | null {
  if (s === undefined || !/^\d{1,15}$/.test(s)) return null
  return Number(s)
}
