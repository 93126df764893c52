/** Serves the built app: hashed assets cached for a year, index.html for every deep link. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Context } from 'hono'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** CSP for the app: scripts only from us, plus the one inline theme script, by its hash. */
export function contentSecurityPolicy(indexHtml: string): string {
  const hashes = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  )
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ')
}

export function staticHandler(distDir: string) {
  const indexPath = join(distDir, 'index.html')
  const html = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null
  const csp = html ? contentSecurityPolicy(html) : null

  const sendIndex = (c: Context) => {
    if (!html || !csp)
      return c.text('The app is not built. Run `npm run build` (npm start does it for you).', 503)
    return c.body(html, 200, {
      'content-type': TYPES['.html']!,
      'cache-control': 'no-cache',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
    })
  }

  return async (c: Context): Promise<Response> => {
    const path = decodeURIComponent(new URL(c.req.url).pathname)
    if (path !== '/' && !path.includes('\0')) {
      const file = normalize(join(distDir, path))
      if (file.startsWith(distDir + sep)) {
        const s = await stat(file).catch(() => null)
        if (s?.isFile()) {
          const immutable = path.startsWith('/assets/')
          return c.body(await readFile(file), 200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            'x-content-type-options': 'nosniff',
          })
        }
      }
      if (path.startsWith('/assets/')) return c.text('Not found', 404)
    }
    const accept = c.req.header('accept') ?? ''
    if (
      c.req.method === 'GET' &&
      (accept.includes('text/html') || accept === '' || accept.includes('*/*'))
    )
      return sendIndex(c)
    return c.text('Not found', 404)
  }
}
