/** Serves the built app: hashed assets cached for a year, index.html for every deep link. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
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

const HTML_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
}

/** Deep links: a page load (GET asking for HTML) outside the API, tracker and asset paths. */
function isPageLoad(method: string, path: string, accept: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  if (/^\/(api|t|assets)(\/|$)/.test(path)) return false
  return accept.includes('text/html')
}

/** The id of the JSON block in index.html that carries `bootData` (the app reads it by this id). */
const BOOT_DATA_ID = 'trackboard-config'

/**
 * `data` as a JSON data block for index.html: not a script the browser runs (so the CSP needs no
 * hash for it), and with `<` escaped so no value can close the element.
 */
function bootDataBlock(data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return `<script id="${BOOT_DATA_ID}" type="application/json">${json}</script>`
}

export interface StaticOptions {
  /** Written into index.html as a JSON block, so the app has it without asking (the config). */
  bootData?: unknown
}

export function staticHandler(dir: string, options: StaticOptions = {}) {
  const distDir = resolve(dir)
  const indexPath = join(distDir, 'index.html')
  const built = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null
  const csp = built ? contentSecurityPolicy(built) : null
  const html =
    built && options.bootData !== undefined
      ? // A function, so `$&` or `$'` in a value is not read as a replacement pattern.
        built.replace('</head>', () => `  ${bootDataBlock(options.bootData)}\n  </head>`)
      : built

  const sendIndex = (c: Context) => {
    if (!html || !csp)
      return c.text('The app is not built. Run `npm run build` (npm start does it for you).', 503)
    return new Response(c.req.method === 'HEAD' ? null : html, {
      headers: {
        'content-type': TYPES['.html']!,
        'cache-control': 'no-cache',
        'content-security-policy': csp,
        ...HTML_SECURITY_HEADERS,
      },
    })
  }

  return async (c: Context): Promise<Response> => {
    let path: string
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname)
    } catch {
      return c.text('Bad request', 400)
    }
    const readable = c.req.method === 'GET' || c.req.method === 'HEAD'
    if (readable && path !== '/' && !path.includes('\0')) {
      const file = normalize(join(distDir, path))
      if (file === indexPath) return sendIndex(c)
      if (file.startsWith(distDir + sep)) {
        const s = await stat(file).catch(() => null)
        if (s?.isFile()) {
          const immutable = path.startsWith('/assets/')
          const type = TYPES[extname(file)] ?? 'application/octet-stream'
          const body = c.req.method === 'HEAD' ? null : await readFile(file)
          return new Response(body, {
            headers: {
              'content-type': type,
              'content-length': String(s.size),
              'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
              ...(type.startsWith('text/html')
                ? {
                    'content-security-policy': csp ?? "default-src 'self'",
                    ...HTML_SECURITY_HEADERS,
                  }
                : { 'x-content-type-options': 'nosniff' }),
            },
          })
        }
      }
    }
    if (path === '/' && readable) return sendIndex(c)
    if (isPageLoad(c.req.method, path, c.req.header('accept') ?? '')) return sendIndex(c)
    return c.text('Not found', 404)
  }
}
