// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { checkProxyPath, upstreamUrl } from './path-guard'

describe('checkProxyPath', () => {
  it.each([
    '/issues.json',
    '/projects/demo/issues.json',
    '/attachments/download/1/crash%20log.txt',
    '/uploads.json',
    '/projects/',
  ])('lets %s through', (p) => {
    expect(checkProxyPath(p)).toEqual({ ok: true, path: p })
  })

  it.each([
    ['/../x', 'dot segments'],
    ['/a/./b', 'dot segments'],
    ['/%2e%2e/x', 'dot segments'],
    ['/%2E%2e/etc/passwd', 'dot segments'],
    ['/a%2fb', 'encoded slashes'],
    ['/%2F%2Fevil.com', 'encoded slashes'],
    ['/a%5c..%5cb', 'encoded slashes'],
    ['/%252e%252e/', 'encoded slashes'],
    ['/a%00b', 'encoded slashes'],
    ['//evil.com/x', 'protocol-relative'],
    ['/x//evil.com', 'empty path segments'],
    ['/http://evil.com', 'absolute URLs'],
    ['/http:evil.com', 'absolute URLs'],
    ['/a\\b', 'backslashes'],
    ['/%E0%A4%A', 'malformed'],
    ['/a%0d%0aSet-Cookie:x', 'control characters'],
    ['issues.json', 'must start with /'],
  ])('refuses %s (%s)', (p, reason) => {
    const r = checkProxyPath(p)
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.reason).toContain(reason)
  })
})

describe('upstreamUrl', () => {
  it('joins under the upstream prefix', () => {
    expect(upstreamUrl('http://r.example/redmine/', '/issues.json', '?limit=1')?.href).toBe(
      'http://r.example/redmine/issues.json?limit=1',
    )
  })
  it('refuses anything that would leave the prefix', () => {
    expect(upstreamUrl('http://r.example/redmine', '/../admin', '')).toBeNull()
  })
})
