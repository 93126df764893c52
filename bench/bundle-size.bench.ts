/**
 * Bundle size: builds the app and prints each JS/CSS chunk's raw and gzipped size, the total, and
 * what the first page load needs (the entry chunk and what index.html links). For comparison, the
 * closest open-source peer ships 246 KB of gzipped JS in one chunk.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' })

const dir = 'dist/assets'
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const rows = readdirSync(dir)
  .filter((f) => /\.(js|css)$/.test(f))
  .map((f) => {
    const raw = readFileSync(join(dir, f))
    return { file: f, raw: statSync(join(dir, f)).size, gz: gzipSync(raw, { level: 9 }).length }
  })
  .sort((a, b) => b.gz - a.gz)

const html = readFileSync('dist/index.html', 'utf8')
const initial = rows.filter((r) => html.includes(r.file))
console.log('chunk'.padEnd(48), 'raw'.padStart(10), 'gzip'.padStart(10))
for (const r of rows) console.log(r.file.padEnd(48), kb(r.raw).padStart(10), kb(r.gz).padStart(10))
const js = rows.filter((r) => r.file.endsWith('.js'))
console.log(`\nJS chunks: ${js.length}, all JS gzipped: ${kb(js.reduce((s, r) => s + r.gz, 0))}`)
console.log(
  `first load (linked from index.html), gzipped: ${kb(initial.reduce((s, r) => s + r.gz, 0))}`,
)
console.log('peer (React SPA over Redmine): 246 KB gzipped JS in one chunk')
