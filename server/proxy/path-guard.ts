/**
 * Decides whether a path under /t/<id>/ may be forwarded. The proxy must only ever reach its
 * configured upstream: no dot segments, no encoded slashes or backslashes, no double encoding,
 * no scheme or `//host` tricks, no control characters.
 */
export type PathCheck = { ok: true; path: string } | { ok: false; reason: string }

const FORBIDDEN_ENCODINGS = /%(2f|5c|25|00)/i

export function checkProxyPath(rawPath: string): PathCheck {
  if (rawPath === '' || rawPath[0] !== '/') return { ok: false, reason: 'path must start with /' }
  if (rawPath.startsWith('//'))
    return { ok: false, reason: 'protocol-relative paths are not allowed' }
  if (rawPath.includes('\\')) return { ok: false, reason: 'backslashes are not allowed' }
  if (FORBIDDEN_ENCODINGS.test(rawPath))
    return {
      ok: false,
      reason: 'encoded slashes, backslashes, percent signs or NUL are not allowed',
    }
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return { ok: false, reason: 'malformed percent-encoding' }
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded))
    return { ok: false, reason: 'control characters are not allowed' }
  const segments = decoded.split('/').slice(1)
  for (const [i, s] of segments.entries()) {
    if (s === '.' || s === '..') return { ok: false, reason: 'dot segments are not allowed' }
    // Only a trailing slash may leave an empty segment (`//host` tricks need one elsewhere).
    if (s === '' && i < segments.length - 1)
      return { ok: false, reason: 'empty path segments are not allowed' }
    if (i === 0 && /^[a-z][a-z0-9+.-]*:/i.test(s))
      return { ok: false, reason: 'absolute URLs are not allowed' }
  }
  return { ok: true, path: rawPath }
}

/**
 * Joins the upstream base URL and a checked path, then verifies the result stayed on the
 * upstream's origin and under its path prefix.
 */
export function upstreamUrl(base: string, path: string, search: string): URL | null {
  const b = new URL(base)
  const prefix = b.pathname.replace(/\/+$/, '')
  const target = new URL(`${b.origin}${prefix}${path}${search}`)
  if (target.origin !== b.origin) return null
  if (!(target.pathname === prefix || target.pathname.startsWith(`${prefix}/`))) return null
  return target
}
