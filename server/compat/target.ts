/**
 * A server under contract test: the bundled tracker (started in a temp dir) or a real Redmine
 * (REDMINE_URL). Both are reached over real HTTP, and keys are obtained the same way on both:
 * Basic auth on /users/current.json with the fixture's passwords.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalTrackerServer } from '../tracker/index'

export type Who = 'admin' | 'jsmith' | 'dlopper' | 'anonymous' | 'badkey'

export interface Reply {
  status: number
  headers: Headers
  text: string
  /** The parsed body; undefined when it is empty or not JSON. */
  json: unknown
}

export interface RequestOptions {
  as?: Who
  json?: unknown
  body?: BodyInit
  headers?: Record<string, string>
}

export interface Target {
  name: 'bundled' | 'redmine'
  url: string
  keys: Record<'admin' | 'jsmith' | 'dlopper', string>
  req(method: string, path: string, options?: RequestOptions): Promise<Reply>
  close(): Promise<void>
}

const PASSWORDS = { admin: 'admin', jsmith: 'password123', dlopper: 'password123' } as const

async function reply(res: Response): Promise<Reply> {
  const text = await res.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}

async function connect(
  name: Target['name'],
  url: string,
  close: () => Promise<void>,
): Promise<Target> {
  const keys = {} as Target['keys']
  for (const [login, password] of Object.entries(PASSWORDS) as [keyof typeof PASSWORDS, string][]) {
    const res = await fetch(`${url}/users/current.json`, {
      headers: { Authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}` },
    })
    if (res.status !== 200)
      throw new Error(`${name}: cannot sign in as ${login} (HTTP ${res.status})`)
    keys[login] = ((await res.json()) as { user: { api_key: string } }).user.api_key
  }
  const req: Target['req'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers }
    const as = o.as ?? 'admin'
    if (as === 'badkey') headers['X-Redmine-API-Key'] = '0000000000000000000000000000000000000000'
    else if (as !== 'anonymous') headers['X-Redmine-API-Key'] = keys[as]
    let body = o.body
    if (o.json !== undefined) {
      body = JSON.stringify(o.json)
      headers['Content-Type'] ??= 'application/json'
    }
    return reply(await fetch(`${url}${path}`, { method, headers, body, redirect: 'manual' }))
  }
  return { name, url, keys, req, close }
}

export async function openTarget(name: Target['name']): Promise<Target> {
  if (name === 'redmine') {
    const url = process.env.REDMINE_URL
    if (!url) throw new Error('REDMINE_URL is not set')
    return connect('redmine', url.replace(/\/+$/, ''), async () => {})
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tb-contract-'))
  const server = await startLocalTrackerServer({ dataDir, seedIssues: 50 })
  return connect('bundled', server.url, async () => {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
}

/** Test data a case creates, removed afterwards. */
export async function createIssue(
  t: Target,
  fields: Record<string, unknown>,
  as: Who = 'admin',
): Promise<number> {
  const projects = (await t.req('GET', '/projects/demo.json')).json as { project: { id: number } }
  const r = await t.req('POST', '/issues.json', {
    as,
    json: { issue: { project_id: projects.project.id, subject: 'contract test issue', ...fields } },
  })
  if (r.status !== 201) throw new Error(`create issue: HTTP ${r.status} ${r.text}`)
  return (r.json as { issue: { id: number } }).issue.id
}
