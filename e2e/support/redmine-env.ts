/** Keys and URL of the real Redmine brought up by scripts/real-redmine.sh. */
import { existsSync, readFileSync, statSync } from 'node:fs'

function fromStateFile(): Record<string, string> {
  const file = `${process.env.REDMINE_STATE ?? '/tmp/redmine-state'}/env`
  if (!existsSync(file)) return {}
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  )
}

const state = fromStateFile()
const read = (name: string): string => {
  const v = process.env[name] ?? state[name]
  if (!v) throw new Error(`${name} is not set: run scripts/real-redmine.sh first`)
  return v
}

export const redmine = {
  url: () => read('REDMINE_URL'),
  adminKey: () => read('REDMINE_API_KEY'),
  jsmithKey: () => read('REDMINE_JSMITH_API_KEY'),
  dlopperKey: () => read('REDMINE_DLOPPER_API_KEY'),
}

/** Calls the real Redmine directly (not through the app) as admin, to set up and check data. */
export async function redmineApi<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${redmine.url()}${path}`, {
    method,
    headers: {
      'X-Redmine-API-Key': redmine.adminKey(),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** Redmine's Rails log (scripts/real-redmine.sh links it into the state dir), if readable here. */
export function redmineLog(): { since: () => string } | undefined {
  const file =
    process.env.REDMINE_LOG ?? `${process.env.REDMINE_STATE ?? '/tmp/redmine-state'}/production.log`
  if (!existsSync(file)) return undefined
  const start = statSync(file).size
  return {
    since: () => {
      const all = readFileSync(file)
      return all.subarray(Math.min(start, all.length)).toString('utf8')
    },
  }
}
