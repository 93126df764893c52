/**
 * The two targets of the contract suite: the bundled tracker (started in-process over a temp dir)
 * and a real Redmine 5.0.4 at REDMINE_URL. Both get their API keys the same way: Basic auth on
 * /users/current.json with the fixture's passwords.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalTrackerServer } from '../tracker/index'
import { send, type Who } from './http'

export type TargetName = 'bundled' | 'redmine'

export interface Target {
  name: TargetName
  url: string
  keys: Record<Who, string>
  close(): Promise<void>
}

const passwords: Record<Who, string> = {
  admin: 'admin',
  jsmith: 'password123',
  dlopper: 'password123',
}
const envKeys: Record<Who, string> = {
  admin: 'REDMINE_API_KEY',
  jsmith: 'REDMINE_JSMITH_API_KEY',
  dlopper: 'REDMINE_DLOPPER_API_KEY',
}

/** The targets named in CONTRACT_TARGETS (comma list, default `bundled`). */
export function targetNames(env = process.env.CONTRACT_TARGETS): TargetName[] {
  const names = (env ?? 'bundled')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const n of names)
    if (n !== 'bundled' && n !== 'redmine') throw new Error(`unknown contract target "${n}"`)
  return names as TargetName[]
}

/** Why a target cannot run here, or null when it can. */
export function unavailable(name: TargetName): string | null {
  if (name === 'redmine' && !process.env.REDMINE_URL)
    return 'REDMINE_URL is unset (source /tmp/redmine-state/env or run scripts/contract.sh)'
  return null
}

async function keyByBasicAuth(url: string, who: Who): Promise<string | null> {
  const res = await send(
    url,
    { admin: '', jsmith: '', dlopper: '' },
    {
      path: '/users/current.json',
      basic: [who, passwords[who]],
    },
  )
  if (res.status !== 200) return null
  const body = res.json() as { user?: { api_key?: unknown } }
  return typeof body.user?.api_key === 'string' ? body.user.api_key : null
}

async function resolveKeys(url: string, useEnv: boolean): Promise<Record<Who, string>> {
  const who: Who[] = ['admin', 'jsmith', 'dlopper']
  const found = await Promise.all(who.map((w) => keyByBasicAuth(url, w)))
  const keys = {} as Record<Who, string>
  who.forEach((w, i) => {
    const key = found[i] ?? (useEnv ? process.env[envKeys[w]] : undefined)
    if (!key) throw new Error(`no API key for ${w}: Basic auth failed and ${envKeys[w]} is unset`)
    keys[w] = key
  })
  return keys
}

export async function openTarget(name: TargetName): Promise<Target> {
  if (name === 'redmine') {
    const url = (process.env.REDMINE_URL ?? '').replace(/\/+$/, '')
    return { name, url, keys: await resolveKeys(url, true), close: async () => {} }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tb-contract-'))
  const server = await startLocalTrackerServer({ dataDir, seedIssues: 50 })
  return {
    name,
    url: server.url,
    keys: await resolveKeys(server.url, false),
    async close() {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
