import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalTracker, type LocalTracker, type LocalTrackerOptions } from './index'

/** Test helper: a tracker over a fresh temp dataDir, driven in-process through `app.request`. */
export interface TestTracker {
  tracker: LocalTracker
  dataDir: string
  keys: Record<string, string>
  req(
    method: string,
    path: string,
    opts?: { as?: string | null; body?: unknown; headers?: Record<string, string>; raw?: BodyInit },
  ): Promise<Response>
  getJson<T = Record<string, unknown>>(path: string, as?: string | null): Promise<T>
  close(): Promise<void>
}

export async function makeTracker(opts: Partial<LocalTrackerOptions> = {}): Promise<TestTracker> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tb-tracker-'))
  const tracker = await createLocalTracker({ seedIssues: 40, ...opts, dataDir })
  const keys = Object.fromEntries(tracker.demoUsers.map((u) => [u.login, u.apiKey]))
  const req: TestTracker['req'] = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) }
    const as = o.as === undefined ? 'admin' : o.as
    if (as !== null) headers['X-Redmine-API-Key'] = keys[as] ?? as
    let body: BodyInit | undefined = o.raw
    if (o.body !== undefined) {
      body = JSON.stringify(o.body)
      headers['Content-Type'] ??= 'application/json'
    }
    return Promise.resolve(
      tracker.app.request(`http://tracker.test${path}`, { method, headers, body }),
    )
  }
  return {
    tracker,
    dataDir,
    keys,
    req,
    async getJson<T>(path: string, as?: string | null): Promise<T> {
      const res = await req('GET', path, { as })
      if (res.status !== 200) throw new Error(`GET ${path} -> ${res.status}`)
      return (await res.json()) as T
    },
    async close() {
      await tracker.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface IssueList {
  issues: {
    id: number
    status: { id: number }
    project: { id: number }
    assigned_to?: { id: number }
  }[]
  total_count: number
  offset: number
  limit: number
}

export function ids(list: IssueList): number[] {
  return list.issues.map((i) => i.id)
}
