/** A tiny HTTP client for the contract suite: one request, the whole response read once. */

export type Who = 'admin' | 'jsmith' | 'dlopper'
export type As = Who | 'anonymous' | 'badkey'

export interface Req {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  /** Whose API key goes in `X-Redmine-API-Key` (default admin). Keys never go in URLs. */
  as?: As
  /** JSON body; sent with `Content-Type: application/json` unless `headers` says otherwise. */
  body?: unknown
  /** A raw body (uploads, malformed JSON). */
  raw?: string | Uint8Array
  headers?: Record<string, string>
  /** Basic auth instead of a key. */
  basic?: [string, string]
}

export interface Res {
  status: number
  headers: Headers
  bytes: Uint8Array
  text: string
  /** The body parsed as JSON; throws with the body text when it is not JSON. */
  json(): unknown
}

export async function send(baseUrl: string, keys: Record<Who, string>, req: Req): Promise<Res> {
  const headers: Record<string, string> = {}
  const as = req.as ?? 'admin'
  if (req.basic)
    headers.Authorization = `Basic ${Buffer.from(req.basic.join(':')).toString('base64')}`
  else if (as === 'badkey') headers['X-Redmine-API-Key'] = 'not-a-valid-key-0000000000000000'
  else if (as !== 'anonymous') headers['X-Redmine-API-Key'] = keys[as]
  let body: string | Uint8Array<ArrayBuffer> | undefined =
    typeof req.raw === 'string' || req.raw === undefined ? req.raw : new Uint8Array(req.raw)
  if (req.body !== undefined) {
    body = JSON.stringify(req.body)
    headers['Content-Type'] = 'application/json'
  }
  Object.assign(headers, req.headers)
  const res = await fetch(baseUrl + req.path, {
    method: req.method ?? 'GET',
    headers,
    body,
    redirect: 'manual',
  })
  const bytes = new Uint8Array(await res.arrayBuffer())
  const text = new TextDecoder().decode(bytes)
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    text,
    json() {
      try {
        return JSON.parse(text) as unknown
      } catch {
        throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`)
      }
    },
  }
}
