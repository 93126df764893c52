/**
 * A small cache of GET response bodies, keyed by credentials + URL + UTC day (relative date
 * filters), dropped whole whenever the data version changes (every committed write bumps it).
 * Reads between writes return identical bytes, so this never serves stale data.
 * Disable with TRACKBOARD_RESPONSE_CACHE=0.
 */
export class ResponseCache {
  #entries = new Map<string, { status: number; headers: [string, string][]; body: ArrayBuffer }>()
  #version = -1
  #bytes = 0
  readonly enabled: boolean

  constructor(
    private readonly maxEntries = 256,
    private readonly maxBodyBytes = 1024 * 1024,
    private readonly maxTotalBytes = 32 * 1024 * 1024,
  ) {
    this.enabled = process.env.TRACKBOARD_RESPONSE_CACHE !== '0'
  }

  key(req: Request, url: URL): string {
    const h = req.headers
    return [
      h.get('x-redmine-api-key') ?? '',
      h.get('authorization') ?? '',
      h.get('x-redmine-switch-user') ?? '',
      url.href,
      new Date().toISOString().slice(0, 10),
    ].join('\n')
  }

  get(key: string, version: number): Response | null {
    if (!this.enabled) return null
    if (version !== this.#version) {
      this.#entries.clear()
      this.#bytes = 0
      this.#version = version
      return null
    }
    const hit = this.#entries.get(key)
    return hit
      ? new Response(hit.body.slice(0), { status: hit.status, headers: hit.headers })
      : null
  }

  async put(key: string, version: number, res: Response): Promise<Response> {
    if (!this.enabled || res.status !== 200 || version !== this.#version) return res
    const type = res.headers.get('Content-Type') ?? ''
    if (!type.startsWith('application/json')) return res
    const body = await res.arrayBuffer()
    const headers = [...res.headers.entries()]
    if (body.byteLength <= this.maxBodyBytes) {
      if (
        this.#entries.size >= this.maxEntries ||
        this.#bytes + body.byteLength > this.maxTotalBytes
      ) {
        this.#entries.clear()
        this.#bytes = 0
      }
      this.#entries.set(key, { status: res.status, headers, body })
      this.#bytes += body.byteLength
    }
    return new Response(body, { status: res.status, headers })
  }
}
