/**
 * `npm start`: builds the app when dist/ is missing or older than its sources, then starts the
 * server. So `npm install && npm start` works on a fresh machine. SKIP_BUILD=1 skips the check.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execFileSync } from 'node:child_process'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The newest modification time under `path` (0 when it does not exist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))))
}

const index = join(root, 'dist', 'index.html')
const sources = ['src', 'public', 'index.html'].map((p) => newest(join(root, p)))
const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(...sources)
if (stale && process.env.SKIP_BUILD !== '1') {
  console.log('Building the app (dist/ is missing or older than src/)...')
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
}

const { main } = await import('../server/main')
await main()
