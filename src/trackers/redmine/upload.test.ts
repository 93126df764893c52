import { describe, expect, it } from 'vitest'
import { createRedmineAdapter } from './adapter'
import { sampleBody } from './fixtures/load'
import type { XhrLike } from './upload'

/** A fake XMLHttpRequest that records the call and answers with a recorded Redmine response. */
class FakeXhr implements XhrLike {
  method = ''
  url = ''
  headers: Record<string, string> = {}
  sent: Blob | null = null
  status = 0
  responseText = ''
  aborted = false
  upload: XhrLike['upload'] = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  constructor(private readonly answer: (x: FakeXhr) => void) {}
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: Blob) {
    this.sent = body
    queueMicrotask(() => this.answer(this))
  }
  abort() {
    this.aborted = true
    this.onabort?.()
  }
}

const key = 'feedface0123456789'
const noop = () => {}
function withXhr(answer: (x: FakeXhr) => void) {
  const made: FakeXhr[] = []
  const a = createRedmineAdapter({
    id: 'main',
    base: '/t/main',
    credentials: { kind: 'apiKey', key },
    name: 'Redmine',
    xhr: () => {
      const x = new FakeXhr(answer)
      made.push(x)
      return x
    },
  })
  return { a, made }
}

describe('upload through XMLHttpRequest', () => {
  it('posts octet-stream with the key in a header and reports byte progress', async () => {
    const { a, made } = withXhr((x) => {
      x.upload.onprogress?.({ loaded: 4, total: 10 })
      x.upload.onprogress?.({ loaded: 10, total: 10 })
      x.status = 201
      x.responseText = sampleBody('upload_201')
      x.onload?.()
    })
    const seen: number[] = []
    const file = new Blob(['0123456789'])
    const up = await a.uploadFile(file, 'crash log #1.txt', (p) => seen.push(p.loaded))
    const x = made[0]!
    expect(x.method).toBe('POST')
    expect(x.url).toBe('/t/main/uploads.json?filename=crash%20log%20%231.txt')
    expect(x.url).not.toContain(key)
    expect(x.headers['X-Redmine-API-Key']).toBe(key)
    expect(x.headers['Content-Type']).toBe('application/octet-stream')
    expect(x.sent).toBe(file)
    expect(seen).toEqual([0, 4, 10, 10])
    expect(up).toEqual({
      token: '2.2b8662df03a5e234a436f48db92a645a52ce9df560ee21e9009b25933bb6098f',
      filename: 'crash log #1.txt',
      contentType: 'application/octet-stream',
    })
  })

  it('maps a refused upload (Redmine 406 to a wrong Content-Type) to an error', async () => {
    const { a } = withXhr((x) => {
      x.status = 406
      x.responseText = sampleBody('upload_text_plain')
      x.onload?.()
    })
    await expect(a.uploadFile(new Blob(['x']), 'x.txt', noop)).rejects.toMatchObject({
      kind: 'server',
      status: 406,
    })
  })

  it('maps a 403 and a network failure', async () => {
    const denied = withXhr((x) => {
      x.status = 403
      x.onload?.()
    }).a
    await expect(denied.uploadFile(new Blob(['x']), 'x.txt', noop)).rejects.toMatchObject({
      kind: 'forbidden',
    })
    const down = withXhr((x) => x.onerror?.()).a
    await expect(down.uploadFile(new Blob(['x']), 'x.txt', noop)).rejects.toMatchObject({
      kind: 'network',
    })
  })

  it('aborts the request when the signal fires', async () => {
    const ctl = new AbortController()
    const { a, made } = withXhr(() => ctl.abort())
    await expect(a.uploadFile(new Blob(['x']), 'x.txt', noop, ctl.signal)).rejects.toThrow()
    expect(made[0]!.aborted).toBe(true)
  })

  it('uses fetch when nobody listens for progress', async () => {
    const urls: string[] = []
    const made: FakeXhr[] = []
    const a = createRedmineAdapter({
      id: 'main',
      base: '/t/main',
      credentials: { kind: 'apiKey', key },
      fetch: async (url) => {
        urls.push(url)
        return new Response(sampleBody('upload_201'), { status: 201 })
      },
      xhr: () => {
        const x = new FakeXhr(() => {})
        made.push(x)
        return x
      },
    })
    expect((await a.uploadFile(new Blob(['x']), 'x.txt')).token).toMatch(/^2\./)
    expect(urls).toEqual(['/t/main/uploads.json?filename=x.txt'])
    expect(made).toHaveLength(0)
  })
})
