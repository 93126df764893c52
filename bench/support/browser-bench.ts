/**
 * What the browser benchmarks share: Debian's chromium launch options, a free port, a build of the
 * app into its own folder, the real server with the bundled tracker seeded, and medians.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEFAULT_ADMIN_KEY } from '../../server/tracker/seed/fixture'

export const root = resolve(import.meta.dirname, '../..')

export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      const port = typeof a === 'object' && a ? a.port : 0
      s.close(() => res(port))
    })
    s.on('error', rej)
  })
}

export function build(outDir: string): void {
  const gen = spawnSync('npx', ['tsr', 'generate'], { cwd: root, stdio: 'inherit' })
  if (gen.status !== 0) throw new Error('tsr generate failed')
  const b = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (b.status !== 0) throw new Error('vite build failed')
}

export async function startServer(
  dist: string,
  dataDir: string,
  port: number,
  seed: number,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      SEED_ISSUES: String(seed),
      DATA_DIR: dataDir,
      DIST_DIR: dist,
      PORT: String(port),
      BUNDLED_TRACKER: 'on',
      TRACKER_URL: '',
      TRACKERS_FILE: '',
      LOG: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/config`)
      if (r.ok) return child
    } catch {
      // not up yet: seeding 10,000 issues takes a while
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  child.kill()
  throw new Error('server did not come up')
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN
}
export const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(0).padStart(6)} ms   (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`

export const CONN = 'local'
const ADMIN = { headers: { 'X-Redmine-API-Key': DEFAULT_ADMIN_KEY } }

/**
 * Builds the app (unless SKIP_BUILD; BENCH_DIST reuses a build), starts the real server with the
 * bundled tracker seeded with `seed` issues in a temp dir, runs `body` with its base URL, and
 * cleans up whatever happens.
 */
export async function withSeededServer(
  name: string,
  seed: number,
  body: (base: string) => Promise<void>,
): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), `tb-${name}-bench-`))
  const dist = process.env.BENCH_DIST ?? join(tmp, 'dist')
  let server: ChildProcess | null = null
  try {
    if (!process.env.SKIP_BUILD) build(dist)
    const port = await freePort()
    const t0 = performance.now()
    server = await startServer(dist, join(tmp, 'data'), port, seed)
    console.log(`server with ${seed} seeded issues up in ${(performance.now() - t0).toFixed(0)} ms`)
    await body(`http://127.0.0.1:${port}`)
  } finally {
    server?.kill()
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** How many issues (all statuses) the bundled tracker holds for a query, asked as admin. */
export async function issueCount(base: string, query = ''): Promise<number> {
  const res = await fetch(`${base}/t/${CONN}/issues.json?status_id=*&limit=1${query}`, ADMIN)
  return ((await res.json()) as { total_count: number }).total_count
}

/** The project whose issue count (all statuses) is closest to `target`. */
export async function projectNear(base: string, target: number) {
  const res = await fetch(`${base}/t/${CONN}/projects.json`, ADMIN)
  const { projects } = (await res.json()) as { projects: { id: number; identifier: string }[] }
  let best = { identifier: '', count: 0 }
  for (const p of projects) {
    const count = await issueCount(base, `&project_id=${p.id}`)
    if (Math.abs(count - target) < Math.abs(best.count - target))
      best = { identifier: p.identifier, count }
  }
  return best
}

/** When a page first showed something: ms from navigation start. */
export interface FirstFrame {
  /** The frame whose animation callbacks first saw it in the DOM (before that frame's layout). */
  frame: number
  /** The end of that frame's layout and paint on the main thread: when it is on screen. */
  painted: number
}

/** What to wait for: an element matching `selector`, and with `complete`, nothing loading. */
export interface ShownWhen {
  selector: string
  complete: boolean
}

/** The issue table's first row (its link), and the table with nothing loading any more. */
export const FIRST_ROW: ShownWhen = { selector: 'table a[aria-label^="#"]', complete: false }
export const ALL_ROWS: ShownWhen = { ...FIRST_ROW, complete: true }

const shownKey = (w: ShownWhen) => `${w.selector}|${w.complete}`
const SHOWN = '__benchShown__'

/**
 * Installed in every document of a bench context before the page's own scripts: checks once per
 * frame for each of `whens` and records the frame that first showed it and the end of that
 * frame's paint, then says so on the console. Nothing of Playwright's runs in the page meanwhile:
 * its injected script (which `waitForFunction` needs) takes 20 to 60 ms to evaluate, and did so
 * in the middle of the loads being timed.
 */
function watchShown(whens: { key: string; selector: string; complete: boolean }[], tag: string) {
  const seen: Record<string, { frame: number; painted?: number }> = {}
  ;(window as unknown as Record<string, unknown>)[tag] = seen
  const loading = () =>
    [...document.querySelectorAll('[role="status"]')].some((e) =>
      /Loading/i.test(e.textContent ?? ''),
    )
  const tick = () => {
    const now = performance.now()
    let pending = false
    for (const w of whens) {
      if (seen[w.key]) continue
      if (document.querySelector(w.selector) && !(w.complete && loading())) {
        const entry: { frame: number; painted?: number } = { frame: now }
        seen[w.key] = entry
        // A task queued from an animation frame callback runs once that frame is laid out and
        // painted.
        setTimeout(() => {
          entry.painted = performance.now()
          console.debug(`${tag} ${w.key}`)
        }, 0)
      } else pending = true
    }
    if (pending && now < 300_000) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/**
 * A browser context for a bench: its viewport, signed in to a connection (the bundled tracker's
 * as its admin, unless told), and watching every document it loads for `whens` (see `timeUntilShown`).
 */
export async function benchContext(
  browser: Browser,
  o: {
    viewport: { width: number; height: number }
    whens: ShownWhen[]
    /** The connection to sign in to, and the key (default: the bundled tracker's admin). */
    conn?: string
    apiKey?: string
  },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: o.viewport })
  // tsx keeps function names with an `__name` helper that page.evaluate bodies then call.
  await context.addInitScript('globalThis.__name = (f) => f')
  await context.addInitScript(
    ([conn, key]) =>
      localStorage.setItem(
        `trackboard.session.${conn}`,
        JSON.stringify({ apiKey: key, userName: 'Admin' }),
      ),
    [o.conn ?? CONN, o.apiKey ?? DEFAULT_ADMIN_KEY] as const,
  )
  const whens = o.whens.map((w) => ({ ...w, key: shownKey(w) }))
  await context.addInitScript(`(${watchShown.toString()})(${JSON.stringify(whens)}, '${SHOWN}')`)
  return context
}

/**
 * Navigates to `url` (unless null: the current document) and resolves when it shows `w` (one of
 * the context's `whens`), with the times the page itself recorded.
 */
export async function timeUntilShown(
  page: Page,
  url: string | null,
  w: ShownWhen,
): Promise<FirstFrame> {
  const key = shownKey(w)
  const read = () =>
    page.evaluate(
      ([tag, k]) =>
        (window as unknown as Record<string, Record<string, FirstFrame | undefined>>)[tag]?.[k],
      [SHOWN, key] as const,
    )
  const said = page.waitForEvent('console', {
    predicate: (m) => m.text() === `${SHOWN} ${key}`,
    timeout: 300_000,
  })
  if (url !== null) await page.goto(url, { waitUntil: 'commit' })
  else {
    const now = await read()
    if (now?.painted !== undefined) {
      said.catch(() => undefined)
      return now
    }
  }
  await said
  const r = await read()
  if (r?.painted === undefined) throw new Error(`no times recorded for ${key}`)
  return r
}

/**
 * Waits until the page's issue store has a snapshot on disk (its record is written in the same
 * transaction as its issues), so a reload after it is a warm start and not one racing the save.
 */
export async function waitForSavedStore(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      // Opening a database that is not there would create an empty one under the app's feet.
      if (!(await indexedDB.databases()).some((d) => d.name === 'trackboard')) return false
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('trackboard')
        r.onsuccess = () => res(r.result)
        r.onerror = () => rej(r.error)
      })
      try {
        if (!db.objectStoreNames.contains('issue-snapshots')) return false
        const keys = await new Promise<IDBValidKey[]>((res, rej) => {
          const r = db.transaction('issue-snapshots').objectStore('issue-snapshots').getAllKeys()
          r.onsuccess = () => res(r.result)
          r.onerror = () => rej(r.error)
        })
        return keys.some((k) => !/\|(head|chunk\|\d+)$/.test(String(k)))
      } finally {
        db.close()
      }
    },
    undefined,
    { polling: 200, timeout: 60_000 },
  )
}
