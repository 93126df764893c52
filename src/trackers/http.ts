/**
 * A small fetch wrapper shared by adapters: JSON in and out, abortable, every failure mapped to one
 * TrackerError with a message a person understands. Credentials travel in headers only.
 */
import { TrackerError, type TrackerErrorKind } from './tracker'

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface HttpOptions {
  /** Path prefix (our proxy, e.g. `/t/main`) or an absolute base URL. */
  base: string
  /** Headers sent with every request (authentication). */
  headers: () => Record<string, string>
  fetch?: FetchLike
  /** Shown in messages: "Cannot reach Redmine". */
  trackerName?: string
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  query?: URLSearchParams
  json?: unknown
  body?: BodyInit
  contentType?: string
  signal?: AbortSignal
}

export class Http {
  private readonly opts: HttpOptions

  constructor(opts: HttpOptions) {
    this.opts = opts
  }

  /** Accept and authentication headers, for transports other than fetch (upload progress). */
  baseHeaders(): Record<string, string> {
    return { Accept: 'application/json', ...this.opts.headers() }
  }

  get trackerName(): string {
    return this.opts.trackerName ?? 'the tracker'
  }

  /** True when the caller supplied its own fetch (tests, server-side use). */
  get hasCustomFetch(): boolean {
    return this.opts.fetch !== undefined
  }

  url(path: string, query?: URLSearchParams): string {
    const base = this.opts.base.replace(/\/+$/, '')
    const qs = query && query.size > 0 ? `?${query.toString()}` : ''
    return `${base}${path}${qs}`
  }

  /** Sends a request and returns the parsed JSON body (undefined for an empty body). */
  async request(path: string, options: RequestOptions = {}): Promise<unknown> {
    const res = await this.send(path, options)
    const text = await res.text()
    if (!text) return undefined
    try {
      return JSON.parse(text) as unknown
    } catch (cause) {
      throw new TrackerError('server', 'The tracker sent a response that is not JSON.', {
        status: res.status,
        cause,
      })
    }
  }

  async send(path: string, options: RequestOptions = {}): Promise<Response> {
    const method = options.method ?? 'GET'
    const headers = this.baseHeaders()
    let body: BodyInit | undefined
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.json)
    } else if (options.body !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/octet-stream'
      body = options.body
    } else if (method !== 'GET' && method !== 'DELETE') {
      // Redmine treats a write without a JSON Content-Type as a silent no-op: always say it.
      headers['Content-Type'] = 'application/json'
    }
    const doFetch = this.opts.fetch ?? ((i: string, init?: RequestInit) => fetch(i, init))
    let res: Response
    try {
      res = await doFetch(this.url(path, options.query), {
        method,
        headers,
        body,
        signal: options.signal,
        credentials: 'omit',
      })
    } catch (cause) {
      if (options.signal?.aborted) throw cause
      throw new TrackerError(
        'network',
        `Cannot reach ${this.opts.trackerName ?? 'the tracker'}. Check your connection and try again.`,
        { cause },
      )
    }
    if (!res.ok) throw await errorFromResponse(res, this.opts.trackerName ?? 'the tracker')
    return res
  }
}

async function readErrorBody(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '')
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function stringList(v: unknown): string[] | null {
  if (!v || typeof v !== 'object' || !('errors' in v)) return null
  const errors = (v as { errors: unknown }).errors
  if (!Array.isArray(errors)) return null
  return errors.filter((e): e is string => typeof e === 'string')
}

/** Maps a failed response (Redmine's, or our proxy's 502/504 JSON) to a TrackerError. */
export async function errorFromResponse(res: Response, trackerName: string): Promise<TrackerError> {
  const body = await readErrorBody(res)
  const status = res.status
  const proxyError =
    body && typeof body === 'object' && 'error' in body && typeof body.error === 'string'
      ? body.error
      : null
  const make = (kind: TrackerErrorKind, message: string, messages: string[] = []) =>
    new TrackerError(kind, message, { status, messages })

  if ((status === 502 || status === 504) && proxyError) return make('network', proxyError)
  switch (status) {
    case 400:
      return make('validation', proxyError ?? `${trackerName} could not read the request.`)
    case 401:
      return make(
        'auth',
        `The API key was not accepted by ${trackerName}. Check it and sign in again.`,
      )
    case 403:
      return make('forbidden', `You do not have permission to do that on ${trackerName}.`)
    case 404:
      return make(
        'not-found',
        proxyError ?? `${trackerName} has no such record, or you cannot see it.`,
      )
    case 409:
      return make('conflict', 'Someone else changed this record; reload and try again.')
    case 412:
      return make('validation', `${trackerName} refused to act as that user.`)
    case 422: {
      const messages = stringList(body) ?? []
      // Redmine answers a stale lock_version with 422 and an empty list.
      if (messages.length === 0)
        return make('conflict', 'Someone else changed this issue; reload and try again.')
      return make('validation', messages.join(' '), messages)
    }
    default:
      if (status >= 500)
        return make(
          'server',
          proxyError ?? `${trackerName} had an internal error (HTTP ${status}).`,
        )
      return make('server', proxyError ?? `${trackerName} answered HTTP ${status}.`)
  }
}
