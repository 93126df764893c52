// @vitest-environment node
/**
 * The proxy against a real upstream HTTP server on loopback, driven with raw HTTP requests (a
 * client-side URL parser would normalise away the very escapes under test).
 */
import { createHash } from 'node:crypto'
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { loadConfig } from '../config'
import { describeTimeout } from './proxy'

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  bodyHash: string
  bodyLength: number
}

let upstream: Server
let upstreamUrl = ''
let seen: Seen[] = []
let proxy: ReturnType<typeof serve>
let proxyPort = 0
let releaseStream = gate()

/** A promise the test opens by hand (Promise.withResolvers needs Node 22). */
function gate(): { promise: Promise<void>; resolve(): void } {
  let resolve = () => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

function startUpstream(): Promise<void> {
  upstream = createServer((req, res) => {
    const hash = createHash('sha256')
    let length = 0
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      length += chunk.length
    })
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        bodyHash: hash.digest('hex'),
        bodyLength: length,
      })
      const path = req.url!.split('?')[0]
      if (path === '/redmine/slow.json') return void setTimeout(() => res.end('{}'), 2000)
      if (path === '/redmine/stream.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain' })
        res.write('first chunk;')
        return void releaseStream.promise.then(() => res.end('last chunk'))
      }
      if (path === '/redmine/stall.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain' })
        res.write('partial')
        return // never ends: the proxy must give up on it
      }
      if (path === '/redmine/users/current.json') {
        res.writeHead(401, {
          'Content-Type': 'application/json',
          'Content-Length': '0',
          'WWW-Authenticate': 'Basic realm="Redmine API"',
        })
        return void res.end()
      }
      if (path === '/redmine/hop.json') {
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': '2',
          Connection: 'X-Private-Hop, keep-alive',
          'X-Private-Hop': 'secret',
          'X-Kept': 'yes',
        })
        return void res.end('{}')
      }
      if (path === '/redmine/redirect-away.json') {
        res.writeHead(302, { Location: 'http://evil.example/steal' })
        return void res.end()
      }
      if (path === '/redmine/redirect-in.json') {
        res.writeHead(302, { Location: `${upstreamUrl}/redmine/issues/3.json?x=1` })
        return void res.end()
      }
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Set-Cookie': 'Redmine=secret-session; path=/',
      })
      res.end(
        JSON.stringify({ method: req.method, url: req.url, length, hash: seen.at(-1)!.bodyHash }),
      )
    })
  })
  return new Promise((resolve) =>
    upstream.listen(0, '127.0.0.1', () => {
      upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
      resolve()
    }),
  )
}

function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: proxyPort,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

beforeAll(async () => {
  await startUpstream()
  const config = loadConfig({
    TRACKER_URL: `${upstreamUrl}/redmine`,
    PROXY_TIMEOUT_MS: '500',
    LOG: 'off',
    DIST_DIR: '/nonexistent',
  })
  config.upstreams.push({ id: 'down', name: 'Down', type: 'redmine', url: 'http://127.0.0.1:9' })
  const app = createApp(config)
  await new Promise<void>((resolve) => {
    proxy = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve())
  })
  proxyPort = (proxy.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((r) => proxy.close(r))
  await new Promise((r) => upstream.close(r))
})

beforeEach(() => {
  seen = []
})

describe('the tracker proxy', () => {
  it('forwards path, query and the API key header, and drops cookies both ways', async () => {
    const res = await raw('/t/main/issues.json?status_id=*&sort=id', {
      headers: { 'X-Redmine-API-Key': 'k123', Cookie: 'session=browser', 'X-Evil': '1' },
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({
      method: 'GET',
      url: '/redmine/issues.json?status_id=*&sort=id',
    })
    expect(seen[0]!.headers['x-redmine-api-key']).toBe('k123')
    expect(seen[0]!.headers.cookie).toBeUndefined()
    expect(seen[0]!.headers['x-evil']).toBeUndefined()
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it.each([
    '/t/main/../x',
    '/t/main/%2e%2e/x',
    '/t/main/%2F%2Fevil.com',
    '/t/main/a%5c..%5cb',
    '/t/main/%252e%252e/',
    '/t/main//evil.com/x',
    '/t/main/http://evil.com',
    '/t/main/..%2f..%2fetc/passwd',
    '/t/../t/main/issues.json',
  ])('refuses %s with a JSON 400 and never reaches the upstream', async (path) => {
    const res = await raw(path)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error).toMatch(/Refused path/)
    expect(seen).toHaveLength(0)
  })

  it('answers 404 JSON for a tracker that is not configured', async () => {
    const res = await raw('/t/other/issues.json')
    expect(res.status).toBe(404)
    expect(JSON.parse(res.body).error).toContain('other')
    expect(seen).toHaveLength(0)
  })

  it('does not follow a redirect, and drops a Location that leaves the tracker', async () => {
    const res = await raw('/t/main/redirect-away.json')
    expect(res.status).toBe(302)
    expect(res.headers.location).toBeUndefined()
    expect(seen).toHaveLength(1)
  })

  it('rewrites a Location inside the tracker to our own path', async () => {
    const res = await raw('/t/main/redirect-in.json')
    expect(res.status).toBe(302)
    expect(res.headers.location).toBe('/t/main/issues/3.json?x=1')
  })

  it('streams a response body back before the tracker has finished it', async () => {
    releaseStream = gate()
    const first = await new Promise<{ chunk: string; rest: Promise<string> }>((resolve, reject) => {
      request({ host: '127.0.0.1', port: proxyPort, path: '/t/main/stream.txt' }, (res) => {
        res.once('data', (c: Buffer) => {
          const chunks: Buffer[] = [c]
          res.on('data', (more: Buffer) => chunks.push(more))
          const rest = new Promise<string>((done) =>
            res.on('end', () => done(Buffer.concat(chunks).toString())),
          )
          resolve({ chunk: c.toString(), rest })
        })
      })
        .on('error', reject)
        .end()
    })
    // The upstream is still holding the response open: this chunk can only have been streamed.
    expect(first.chunk).toBe('first chunk;')
    releaseStream.resolve()
    expect(await first.rest).toBe('first chunk;last chunk')
  })

  it('passes a 401 through without the challenge that would make a browser prompt', async () => {
    const res = await raw('/t/main/users/current.json', { headers: { 'X-Redmine-API-Key': 'bad' } })
    expect(res.status).toBe(401)
    expect(res.body).toBe('')
    expect(res.headers['www-authenticate']).toBeUndefined()
    expect(res.headers['x-tracker-www-authenticate']).toBe('Basic realm="Redmine API"')
  })

  it('drops the hop-by-hop headers the tracker names, keeps the rest, and sandboxes responses', async () => {
    const res = await raw('/t/main/hop.json')
    expect(res.headers['x-private-hop']).toBeUndefined()
    expect(res.headers['x-kept']).toBe('yes')
    expect(res.headers['content-length']).toBe('2')
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('gives 504 with a JSON message when the tracker is too slow', async () => {
    const res = await raw('/t/main/slow.json')
    expect(res.status).toBe(504)
    expect(JSON.parse(res.body)).toEqual({ error: 'The tracker did not answer within 500 ms' })
  })

  it('cuts off a response body that stops flowing', async () => {
    const outcome = await new Promise<{ status: number; complete: boolean; body: string }>(
      (resolve, reject) => {
        request({ host: '127.0.0.1', port: proxyPort, path: '/t/main/stall.txt' }, (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('error', () => {})
          res.on('close', () => resolve({ status: res.statusCode!, complete: res.complete, body }))
        })
          .on('error', reject)
          .end()
      },
    )
    expect(outcome).toEqual({ status: 200, complete: false, body: 'partial' })
  })

  it('does not time out an upload whose bytes keep flowing', async () => {
    // Four gaps of 200 ms: longer in total than the 500 ms timeout, each well within it.
    const parts = [0, 1, 2, 3, 4].map((i) => Buffer.alloc(64 * 1024, i))
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: proxyPort,
          path: '/t/main/uploads.json',
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
        },
        (r) => {
          r.resume()
          r.on('end', () => resolve(r.statusCode!))
        },
      )
      req.on('error', reject)
      let i = 0
      const next = () => {
        req.write(parts[i++])
        if (i < parts.length) setTimeout(next, 200)
        else req.end()
      }
      next()
    })
    expect(res).toBe(200)
    expect(seen[0]!.bodyHash).toBe(createHash('sha256').update(Buffer.concat(parts)).digest('hex'))
  })

  it('gives 502 with a JSON message when the tracker cannot be reached', async () => {
    const res = await raw('/t/down/issues.json')
    expect(res.status).toBe(502)
    expect(JSON.parse(res.body).error).toBe('Cannot reach the tracker at its configured address')
  })

  it('streams a 10 MB upload through intact', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024)
    for (let i = 0; i < body.length; i += 4096) body.writeUInt32LE(i, i)
    const res = await raw('/t/main/uploads.json?filename=big.bin', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(body.length),
      },
      body,
    })
    expect(res.status).toBe(200)
    expect(seen[0]!.bodyLength).toBe(body.length)
    expect(seen[0]!.bodyHash).toBe(createHash('sha256').update(body).digest('hex'))
    expect(seen[0]!.headers['content-type']).toBe('application/octet-stream')
  })

  it('lists configured trackers without their addresses', async () => {
    const res = await raw('/api/config')
    const body = JSON.parse(res.body)
    expect(body.trackers[0]).toEqual({
      id: 'main',
      name: 'Redmine',
      type: 'redmine',
      base: '/t/main',
      loading: { concurrency: 2, issueCap: 10_000 },
    })
    expect(res.body).not.toContain(upstreamUrl)
  })
})

describe('describeTimeout', () => {
  it('speaks in seconds when it can', () => {
    expect(describeTimeout(30_000)).toBe('30 s')
    expect(describeTimeout(1500)).toBe('1500 ms')
  })
})
