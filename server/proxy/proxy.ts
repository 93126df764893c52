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
  'set-cookie2',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'alt-svc',
  'strict-transport-security',
  'location',
])

/** Hop-by-hop headers: the fixed set plus any the upstream names in its `Connection` header. */
function responseHeaders(upstream: Headers): Headers {
  const dropped = new Set(DROPPED_RESPONSE_HEADERS)
  for (const name of (upstream.get('connection') ?? '').split(','))
    if (name.trim()) dropped.add(name.trim().toLowerCase())
  // fetch decodes compressed bodies, so the encoding and length would no longer describe them.
  if (upstream.has('content-encoding')) {
    dropped.add('content-encoding')
    dropped.add('content-length')
  }
  const out = new Headers()
  upstream.forEach((value, name) => {
    if (!dropped.has(name.toLowerCase())) out.append(name, value)
  })
  return out
}

/** "30 s" for whole seconds, else milliseconds. */
export function describeTimeout(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}

export interface ProxyOptions {
  timeoutMs: number
  fetch?: typeof fetch
}

const jsonError = (c: Context, status: 400 | 404 | 502 | 504, error: string) =>
  c.json({ error }, status)

/** A Location inside the upstream becomes our `/t/<id>/...` path; any other is dropped. */
export function rewriteLocation(location: string, upstream: Upstream, id: string): string | null {
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
  return `/t/${id}${target.pathname.slice(prefix.length) || '/'}${target.search}`
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
    // The timeout counts from the last sign of progress (a request or response chunk): a large
    // upload or download on a slow link is not cut off while bytes flow; a stalled tracker is.
    let timedOut = false
    let done = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const arm = () => {
      clearTimeout(timer)
      if (done) return
      timer = setTimeout(() => {
        timedOut = true
        ctl.abort(
          new Error(
            `Proxy: no progress from tracker "${id}" for ${describeTimeout(options.timeoutMs)}`,
          ),
        )
      }, options.timeoutMs)
      timer.unref()
    }
    const finish = () => {
      done = true
      clearTimeout(timer)
    }
    const progress = (flush?: () => void) =>
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          arm()
          out.enqueue(chunk)
        },
        flush,
      })
    arm()
    const body = hasBody && c.req.raw.body ? c.req.raw.body.pipeThrough(progress()) : undefined

    let res: Response
    try {
      res = await doFetch(target, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: ctl.signal,
        // Stream the request body (uploads can be large) instead of buffering it.
        ...(body ? { duplex: 'half' } : {}),
      } as RequestInit)
    } catch {
      finish()
      if (timedOut)
        return jsonError(
          c,
          504,
          `The tracker did not answer within ${describeTimeout(options.timeoutMs)}`,
        )
      if (c.req.raw.signal.aborted) return jsonError(c, 502, 'The request was cancelled')
      return jsonError(c, 502, 'Cannot reach the tracker at its configured address')
    } finally {
      c.req.raw.signal.removeEventListener('abort', onClientAbort)
    }

    const out = responseHeaders(res.headers)
    const location = res.headers.get('location')
    if (location) {
      const rewritten = rewriteLocation(location, upstream, id)
      if (rewritten) out.set('location', rewritten)
    }
    const noBody = res.status === 204 || res.status === 304 || method === 'HEAD'
    if (noBody || !res.body) {
      finish()
      await res.body?.cancel()
      return new Response(null, { status: res.status, headers: out })
    }
    // A tracker that stops sending mid-body is cut off too (the client sees a broken response).
    arm()
    return new Response(res.body.pipeThrough(progress(finish)), {
      status: res.status,
      headers: out,
    })
  }
}
