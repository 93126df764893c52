/**
 * `npm start`: builds the app when dist/ is missing or older than its sources, then starts the
 * server. So `npm install && npm start` works on a fresh machine.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'

function newest(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))))
}

const index = 'dist/index.html'
const stale =
  !existsSync(index) ||
  statSync(index).mtimeMs < Math.max(newest('src'), newest('index.html'), newest('public'))
if (stale && process.env.SKIP_BUILD !== '1') {
  console.log('Building the app (dist/ is missing or out of date)...')
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
}

const { main } = await import('../server/main')
await main()
