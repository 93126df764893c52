/**
 * npm run bench: runs every bench/*.bench.ts in turn with tsx and passes their output through.
 * Benchmarks print figures; this prints which ran and how long each took, and exits non-zero only
 * when a benchmark crashed (never on its figures). Run one: `npm run bench -- server-throughput`.
 * redmine-load needs the real Redmine (REDMINE_STATE's env file, or REDMINE_URL and
 * REDMINE_API_KEY) with its `perf` project seeded, and says `skipped` without them.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

if (files.length === 0) {
  console.error(`no bench/*.bench.ts${only.length ? ` matching ${only.join(', ')}` : ''}`)
  process.exit(1)
}

const crashed: string[] = []
for (const file of files) {
  console.log(`\n===== ${file}`)
  const t0 = performance.now()
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
    cwd: join(here, '..'),
  })
  const seconds = ((performance.now() - t0) / 1000).toFixed(1)
  const ok = run.status === 0
  if (!ok) crashed.push(file)
  console.log(
    `===== ${file}: ${ok ? 'done' : `exited with ${run.status ?? run.signal}`} in ${seconds} s`,
  )
}

console.log(`\n${files.length - crashed.length} of ${files.length} benchmarks ran to the end`)
if (crashed.length > 0) {
  console.error(`crashed: ${crashed.join(', ')}`)
  process.exit(1)
}
