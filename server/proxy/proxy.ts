/**
 * The tracker proxy: `/t/<id>/<path>` -> `<upstream url>/<path>`, so the browser never needs CORS
 * (Redmine sends none). Only configured upstreams are reachable; bodies stream both ways; cookies
 * and hop-by-hop headers are dropped; redirects are never followed and never leave the upstream.
 */
import type { Context } from 'hono'
import type { Upstream } from '../config'
import { checkProxyPath, upstreamUrl } from './path-guard'

const FORWARDED_REQUEST_HEADERS = [
  'x-redmine-api-key',
  'authorization',
  'content-type',
  'content-length',
  'accept',
  'if-none-match',
  'if-modified-since',
  'x-redmine-switch-user',
]

const DROPPED_RESPONSE_HEADERS = new Set([
  'set-cookie',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  // fetch decodes compressed bodies; the length and encoding no longer describe what we send.
  'content-encoding',
  'content-length',
  'location',
])

export interface ProxyOptions {
  timeoutMs: number
  fetch?: typeof fetch
}

const jsonError = (c: Context, status: 400 | 404 | 502 | 504, error: string) =>
  c.json({ error }, status)

function rewriteLocation(
  location: string,
  upstream: Upstream,
  requestUrl: URL,
  id: string,
): string | null {
  let target: URL
  try {
    target = new URL(location, upstream.url)
  } catch {
    return null
  }
  const base = new URL(upstream.url)
  const prefix = base.pathname.replace(/\/+$/, '')
  if (target.origin !== base.origin) return null
  if (!(target.pathname === prefix || target.pathname.startsWith(`${prefix}/`))) return null
  return `${requestUrl.origin}/t/${id}${target.pathname.slice(prefix.length) || '/'}${target.search}`
}

/** The raw request path as it came off the wire (before URL normalisation removed `..`). */
export function rawPathOf(c: Context): string {
  const incoming = (c.env as { incoming?: { url?: string } } | undefined)?.incoming
  const raw = incoming?.url ?? new URL(c.req.url).pathname + new URL(c.req.url).search
  const q = raw.indexOf('?')
  return q < 0 ? raw : raw.slice(0, q)
}

export function proxyHandler(upstreams: Upstream[], options: ProxyOptions) {
  const byId = new Map(upstreams.map((u) => [u.id, u]))
  const doFetch = options.fetch ?? fetch
  return async (c: Context): Promise<Response> => {
    const id = c.req.param('id') ?? ''
    const upstream = byId.get(id)
    if (!upstream) return jsonError(c, 404, `No tracker is configured with the id "${id}"`)

    const raw = rawPathOf(c)
    const prefix = `/t/${id}`
    if (!raw.startsWith(`${prefix}/`)) return jsonError(c, 400, 'Bad tracker path')
    const check = checkProxyPath(raw.slice(prefix.length))
    if (!check.ok) return jsonError(c, 400, `Refused path: ${check.reason}`)
    const requestUrl = new URL(c.req.url)
    const target = upstreamUrl(upstream.url, check.path, requestUrl.search)
    if (!target) return jsonError(c, 400, 'Refused path: it leaves the tracker')

    const headers = new Headers()
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const v = c.req.header(name)
      if (v !== undefined) headers.set(name, v)
    }
    headers.set('accept-encoding', 'identity')

    const method = c.req.method
    const hasBody = method !== 'GET' && method !== 'HEAD' && c.req.raw.body !== null
    const ctl = new AbortController()
    const onClientAbort = () => ctl.abort()
    c.req.raw.signal.addEventListener('abort', onClientAbort, { once: true })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      ctl.abort()
    }, options.timeoutMs)

    let res: Response
    try {
      res = await doFetch(target, {
        method,
        headers,
        body: hasBody ? c.req.raw.body : undefined,
        redirect: 'manual',
        signal: ctl.signal,
        // Stream the request body (uploads can be large) instead of buffering it.
        ...(hasBody ? { duplex: 'half' } : {}),
      } as RequestInit)
    } catch {
      if (timedOut)
        return jsonError(
          c,
          504,
          `The tracker did not answer within ${Math.round(options.timeoutMs / 1000)} s`,
        )
      return jsonError(c, 502, 'Cannot reach the tracker at its configured address')
    } finally {
      clearTimeout(timer)
      c.req.raw.signal.removeEventListener('abort', onClientAbort)
    }

    const out = new Headers()
    res.headers.forEach((value, name) => {
      if (!DROPPED_RESPONSE_HEADERS.has(name.toLowerCase())) out.append(name, value)
    })
    const location = res.headers.get('location')
    if (location) {
      const rewritten = rewriteLocation(location, upstream, requestUrl, id)
      if (rewritten) out.set('location', rewritten)
    }
    const noBody = res.status === 204 || res.status === 304 || method === 'HEAD'
    return new Response(noBody ? null : res.body, { status: res.status, headers: out })
  }
}
