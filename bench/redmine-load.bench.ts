/**
 * Loading a large project from a real Redmine: headless chromium against the built app served by
 * the real server, proxying to the Redmine 5 at REDMINE_URL (default http://127.0.0.1:3300) whose
 * private project `perf` holds about 5,000 issues (../shared/redmine/redmine-perf-seed.sh).
 * Run: npx tsx bench/redmine-load.bench.ts
 *   env: RUNS=3, REDMINE_STATE=/tmp/redmine-state (its `env` file gives REDMINE_API_KEY, the admin
 *   key: only admin sees `perf`), PROJECT=perf, PORT=4361, SKIP_BUILD=1 with BENCH_DIST to reuse
 *   a build.
 *
 * Prints medians over RUNS, each run a fresh browser profile (no IndexedDB), of: time to the first
 * rows, time to every issue loaded, and, measured in the same run right after, what Redmine needs
 * to serve the same pages one after another (the app's own query, straight to Redmine) and one
 * page's round trip. Redmine under thin serves one request at a time, so the sequential time is
 * the floor for "all loaded" and one round trip the floor for "first rows" (counted from when the
 * app asks for the first page; also printed: from that page's answer to the rows painted).
 * Asserts nothing.
 */
import { chromium, type Browser } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ALL_ROWS,
  benchContext,
  build,
  FIRST_ROW,
  fmt,
  LAUNCH,
  median,
  root,
  timeUntilShown,
} from './support/browser-bench'

const RUNS = Number(process.env.RUNS ?? 3)
const PROJECT = process.env.PROJECT ?? 'perf'
const PORT = Number(process.env.PORT ?? 4361)
const CONN = 'main'
const PAGE = 100

function redmineEnv(): { url: string; key: string } {
  const file = join(process.env.REDMINE_STATE ?? '/tmp/redmine-state', 'env')
  const vars: Record<string, string> = {}
  if (existsSync(file))
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = /^(\w+)=(.*)$/.exec(line.trim())
      if (m) vars[m[1]!] = m[2]!.replace(/^['"]|['"]$/g, '')
    }
  const url = process.env.REDMINE_URL ?? vars.REDMINE_URL ?? 'http://127.0.0.1:3300'
  const key = process.env.REDMINE_API_KEY ?? vars.REDMINE_API_KEY
  if (!key) throw new Error(`no admin key: set REDMINE_API_KEY or provide ${file}`)
  return { url: url.replace(/\/$/, ''), key }
}

async function startProxy(dist: string, redmine: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      TRACKER_URL: redmine,
      BUNDLED_TRACKER: 'off',
      TRACKERS_FILE: '',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DIST_DIR: dist,
      LOG: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/config`)).ok) return child
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  child.kill()
  throw new Error('server did not come up')
}

/** The app's own list query (sort and include as the store asks), page by page. */
const pageUrl = (redmine: string, offset: number) =>
  `${redmine}/issues.json?project_id=${PROJECT}&status_id=*&sort=id:desc&include=attachments` +
  `&offset=${offset}&limit=${PAGE}`

async function sequential(redmine: string, key: string) {
  const headers = { 'X-Redmine-API-Key': key }
  const t0 = performance.now()
  const first = (await (await fetch(pageUrl(redmine, 0), { headers })).json()) as {
    total_count: number
  }
  const oneTrip = performance.now() - t0
  for (let offset = PAGE; offset < first.total_count; offset += PAGE)
    await (await fetch(pageUrl(redmine, offset), { headers })).arrayBuffer()
  return { total: first.total_count, oneTrip, all: performance.now() - t0 }
}

interface AppRun {
  first: number
  all: number
  status: string
  /** When the first issues page was asked for and answered, from navigation start. */
  firstPage: { start: number; end: number } | null
  requestsBeforeFirstPage: number
}

async function appLoad(browser: Browser, base: string, key: string): Promise<AppRun> {
  const context = await benchContext(browser, {
    viewport: { width: 1400, height: 900 },
    whens: [FIRST_ROW, ALL_ROWS],
    conn: CONN,
    apiKey: key,
  })
  try {
    const page = await context.newPage()
    const url = `${base}/${CONN}/projects/${PROJECT}/issues?status=all`
    const first = (await timeUntilShown(page, url, FIRST_ROW)).painted
    const all = (await timeUntilShown(page, null, ALL_ROWS)).painted
    const status = (await page.textContent('[role="status"]')) ?? ''
    const timing = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({
        name: e.name,
        start: e.startTime,
        end: e.startTime + e.duration,
      })),
    )
    const api = timing.filter((r) => r.name.includes(`/t/`))
    const firstIssues = api.find((r) => r.name.includes('/issues.json'))
    return {
      first,
      all,
      status: status.trim(),
      firstPage: firstIssues ? { start: firstIssues.start, end: firstIssues.end } : null,
      requestsBeforeFirstPage: firstIssues
        ? api.filter((r) => r.start < firstIssues.start).length
        : -1,
    }
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  let env: { url: string; key: string }
  try {
    env = redmineEnv()
  } catch (e) {
    // `npm run bench` runs every benchmark: without a real Redmine this one has nothing to do.
    console.log(`skipped: ${(e as Error).message}`)
    return
  }
  const { url: redmine, key } = env
  const count = await fetch(`${redmine}/issues.json?project_id=${PROJECT}&status_id=*&limit=1`, {
    headers: { 'X-Redmine-API-Key': key },
  })
    .then((r) => r.json() as Promise<{ total_count: number }>)
    .catch(() => null)
  if (!count || count.total_count === 0) {
    console.log(`skipped: project ${PROJECT} not found or empty on ${redmine} (seeded?)`)
    return
  }
  const check = { total: count.total_count }
  const tmp = mkdtempSync(join(tmpdir(), 'tb-redmine-bench-'))
  const dist = process.env.BENCH_DIST ?? join(tmp, 'dist')
  let server: ChildProcess | null = null
  const browser = await chromium.launch(LAUNCH)
  try {
    if (!process.env.SKIP_BUILD) build(dist)
    server = await startProxy(dist, redmine)
    const base = `http://127.0.0.1:${PORT}`
    const first: number[] = []
    const all: number[] = []
    const seq: number[] = []
    const trip: number[] = []
    const pageStart: number[] = []
    const afterAsk: number[] = []
    const afterAnswer: number[] = []
    const ratios: number[] = []
    let last: AppRun | null = null
    for (let run = 0; run < RUNS; run++) {
      last = await appLoad(browser, base, key)
      first.push(last.first)
      all.push(last.all)
      if (last.firstPage) {
        pageStart.push(last.firstPage.start)
        afterAsk.push(last.first - last.firstPage.start)
        afterAnswer.push(last.first - last.firstPage.end)
      }
      const s = await sequential(redmine, key)
      seq.push(s.all)
      trip.push(s.oneTrip)
      ratios.push(last.all / s.all)
    }
    console.log(
      `\nreal Redmine (${redmine}), project "${PROJECT}" (${check.total} issues), ${RUNS} runs,` +
        ' headless chromium, 2 shared cores',
    )
    console.log(`app: first rows visible                 ${fmt(first)}`)
    console.log(`app: all issues loaded                  ${fmt(all)}`)
    console.log(`  status line when done: ${last?.status}`)
    console.log(
      `  first issues page asked at             median ${median(pageStart).toFixed(0).padStart(6)} ms` +
        ` (after ${last?.requestsBeforeFirstPage} other tracker requests in the last run)`,
    )
    console.log(`  first rows after that page was asked   ${fmt(afterAsk)}`)
    console.log(`  first rows painted after its answer    ${fmt(afterAnswer)}`)
    console.log(`Redmine: one page round trip            ${fmt(trip)}`)
    console.log(`Redmine: all pages one after another    ${fmt(seq)}`)
    console.log(
      `ratios (medians): first rows / round trip ${(median(first) / median(trip)).toFixed(2)},` +
        ` first rows after asked / round trip ${(median(afterAsk) / median(trip)).toFixed(2)},` +
        ` all loaded / sequential ${(median(all) / median(seq)).toFixed(2)}`,
    )
    // Redmine's own speed drifts from run to run: each run's app load against the sequential
    // pages measured right after it.
    console.log(
      `all loaded / sequential, per run: ${ratios.map((r) => r.toFixed(2)).join(', ')}` +
        ` (median ${median(ratios).toFixed(2)})`,
    )
  } finally {
    await browser.close()
    server?.kill()
    rmSync(tmp, { recursive: true, force: true })
  }
}

await main()
