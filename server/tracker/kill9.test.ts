// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_ADMIN_KEY } from './seed/fixture'

const dataDir = mkdtempSync(join(tmpdir(), 'tb-kill9-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

/** Starts dev-serve.ts in a child process on a free port; resolves with its URL. */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const script = resolve(import.meta.dirname, 'dev-serve.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, '0', '20'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((res, rej) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /LISTENING (\S+)/.exec(out)
      if (m?.[1]) res({ child, url: m[1] })
    })
    child.on('exit', (code) => rej(new Error(`tracker exited early (${code})`)))
  })
}

function exit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((r) => child.once('exit', () => r()))
}

const headers = { 'X-Redmine-API-Key': DEFAULT_ADMIN_KEY, 'Content-Type': 'application/json' }

describe('durability', () => {
  it('keeps every acknowledged write after kill -9', async () => {
    const first = await startChild()
    const created: { id: number; subject: string }[] = []
    const noted: { id: number; notes: string }[] = []
    let stop = false
    let n = 0
    const worker = async (w: number): Promise<void> => {
      while (!stop) {
        const k = n++
        try {
          if (k % 3 === 2) {
            const notes = `note ${w}-${k}`
            const res = await fetch(`${first.url}/issues/1.json`, {
              method: 'PUT',
              headers,
              body: JSON.stringify({ issue: { notes } }),
            })
            if (res.status === 204) noted.push({ id: 1, notes })
          } else {
            const subject = `burst ${w}-${k}`
            const res = await fetch(`${first.url}/issues.json`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ issue: { project_id: 'demo', subject } }),
            })
            if (res.status === 201)
              created.push({
                id: ((await res.json()) as { issue: { id: number } }).issue.id,
                subject,
              })
          }
        } catch {
          return // the server died mid-request: that write was never acknowledged
        }
      }
    }
    const workers = Array.from({ length: 6 }, (_, w) => worker(w))
    while (created.length + noted.length < 60) await new Promise((r) => setTimeout(r, 5))
    const exited = exit(first.child)
    first.child.kill('SIGKILL')
    stop = true
    await Promise.all(workers)
    await exited
    expect(first.child.signalCode).toBe('SIGKILL')

    const second = await startChild()
    try {
      for (const { id, subject } of created) {
        const res = await fetch(`${second.url}/issues/${id}.json`, { headers })
        expect(res.status).toBe(200)
        expect(((await res.json()) as { issue: { subject: string } }).issue.subject).toBe(subject)
      }
      const one = await fetch(`${second.url}/issues/1.json?include=journals`, { headers })
      const notes = new Set(
        ((await one.json()) as { issue: { journals: { notes: string }[] } }).issue.journals.map(
          (j) => j.notes,
        ),
      )
      for (const { notes: n } of noted) expect(notes.has(n)).toBe(true)
      expect(created.length + noted.length).toBeGreaterThanOrEqual(60)
    } finally {
      const done = exit(second.child)
      second.child.kill('SIGTERM')
      await done
    }
  }, 60_000)
})
