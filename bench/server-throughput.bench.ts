/**
 * Throughput of the bundled tracker vs a real Redmine 5.0.4 on GET /issues.json?limit=100.
 * Run: npx tsx bench/server-throughput.bench.ts   (env: BENCH_SECONDS=10, REDMINE_SECONDS=5)
 * The tracker runs in a child process (server/tracker/dev-serve.ts) so autocannon does not share
 * its event loop. Prints figures; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { createLocalTracker } from '../server/tracker/index'
import { DEFAULT_ADMIN_KEY } from '../server/tracker/seed/fixture'

interface CannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
}
type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  timeout: number
  headers: Record<string, string>
}) => Promise<CannonResult>
// autocannon ships no types; this is the slice used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const REDMINE_SECONDS = Number(process.env.REDMINE_SECONDS ?? 5)
const ISSUES = Number(process.env.BENCH_ISSUES ?? 10_000)
const PATH = '/issues.json?limit=100'

interface Figures {
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

async function load(
  url: string,
  key: string,
  connections: number,
  duration: number,
): Promise<Figures> {
  const r = await autocannon({
    url: url + PATH,
    connections,
    duration,
    timeout: 60,
    headers: { 'X-Redmine-API-Key': key },
  })
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  }
}

function show(label: string, f: Figures): void {
  console.log(
    `${label.padEnd(34)} ${f.rps.toFixed(1).padStart(8)} req/s   p50 ${String(f.p50).padStart(5)} ms   p99 ${String(f.p99).padStart(5)} ms   non2xx ${f.non2xx} errors ${f.errors}`,
  )
}

function startChild(
  dataDir: string,
  cache: boolean,
): Promise<{ child: ChildProcess; url: string }> {
  const script = resolve(import.meta.dirname, '../server/tracker/dev-serve.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, '0', String(ISSUES)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TRACKBOARD_RESPONSE_CACHE: cache ? '1' : '0' },
  })
  return new Promise((res, rej) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /LISTENING (\S+)/.exec(out)
      if (m?.[1]) res({ child, url: m[1] })
    })
    child.once('exit', (code) => rej(new Error(`tracker exited (${code})`)))
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    child.once('exit', () => r())
    child.kill('SIGTERM')
  })
}

const dataDir = mkdtempSync(join(tmpdir(), 'tb-bench-'))
try {
  // Seed in-process (timed), then measure a cold start: open the seeded db and answer one request.
  let t0 = performance.now()
  const seeded = await createLocalTracker({ dataDir, seedIssues: ISSUES })
  const seedMs = performance.now() - t0
  await seeded.close()
  t0 = performance.now()
  const cold = await createLocalTracker({ dataDir, seedIssues: ISSUES })
  const first = await cold.app.request(`http://bench${PATH}`, {
    headers: { 'X-Redmine-API-Key': DEFAULT_ADMIN_KEY },
  })
  await first.text()
  const coldMs = performance.now() - t0
  await cold.close()
  t0 = performance.now()
  let server = await startChild(dataDir, false)
  const res = await fetch(server.url + PATH, {
    headers: { 'X-Redmine-API-Key': DEFAULT_ADMIN_KEY },
  })
  const body = (await res.json()) as { total_count: number }
  const processColdMs = performance.now() - t0

  console.log(`seed ${ISSUES} issues: ${seedMs.toFixed(0)} ms`)
  console.log(`cold start, in-process (open seeded db + first ${PATH}): ${coldMs.toFixed(0)} ms`)
  console.log(
    `cold start, new process (node+tsx start + first response): ${processColdMs.toFixed(0)} ms`,
  )
  console.log(`GET ${PATH}: status ${res.status}, total_count ${body.total_count}`)

  // Uncached: every request runs the queries and serialises 100 issues.
  await load(server.url, DEFAULT_ADMIN_KEY, 8, 2) // warm-up
  const local1 = await load(server.url, DEFAULT_ADMIN_KEY, 1, SECONDS)
  const local32 = await load(server.url, DEFAULT_ADMIN_KEY, 32, SECONDS)
  await stopChild(server.child)
  show(`bundled, no cache, 1 conn, ${SECONDS}s`, local1)
  show(`bundled, no cache, 32 conn, ${SECONDS}s`, local32)
  // With the response cache (default): repeated reads between writes are served from memory.
  server = await startChild(dataDir, true)
  await load(server.url, DEFAULT_ADMIN_KEY, 8, 2)
  const cached1 = await load(server.url, DEFAULT_ADMIN_KEY, 1, SECONDS)
  const cached32 = await load(server.url, DEFAULT_ADMIN_KEY, 32, SECONDS)
  await stopChild(server.child)
  show(`bundled, cache, 1 conn, ${SECONDS}s`, cached1)
  show(`bundled, cache, 32 conn, ${SECONDS}s`, cached32)

  const keyFile = '/tmp/redmine-state/api_key'
  const redmineUrl = process.env.REDMINE_URL ?? 'http://127.0.0.1:3300'
  if (existsSync(keyFile)) {
    const key = readFileSync(keyFile, 'utf8').trim()
    const probe = await fetch(redmineUrl + PATH, { headers: { 'X-Redmine-API-Key': key } })
    const real = (await probe.json()) as { issues: unknown[]; total_count: number }
    // Not the same data: the ratio compares servers, not equal work per response.
    console.log(
      `redmine GET ${PATH}: ${real.issues.length} issues per response (total_count ${real.total_count}); bundled: 100`,
    )
    const r1 = await load(redmineUrl, key, 1, REDMINE_SECONDS)
    const r32 = await load(redmineUrl, key, 32, REDMINE_SECONDS)
    show(`redmine 5.0.4, 1 conn, ${REDMINE_SECONDS}s`, r1)
    show(`redmine 5.0.4, 32 conn, ${REDMINE_SECONDS}s`, r32)
    const ratio = (a: Figures, b: Figures): string => (a.rps / b.rps).toFixed(1)
    console.log(
      `ratio bundled/redmine, no cache: ${ratio(local1, r1)}x at 1, ${ratio(local32, r32)}x at 32`,
    )
    console.log(
      `ratio bundled/redmine, cache: ${ratio(cached1, r1)}x at 1, ${ratio(cached32, r32)}x at 32`,
    )
  } else {
    console.log(`no ${keyFile}: real Redmine skipped`)
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
