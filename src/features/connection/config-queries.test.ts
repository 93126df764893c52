import { afterEach, describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { configQueries, inlineConfig } from './config-queries'

const tracker = {
  id: 'main',
  name: 'Our Redmine',
  type: 'redmine',
  base: '/t/main',
  loading: { concurrency: 2, issueCap: 10000 },
}

function writeBlock(text: string): void {
  const el = document.createElement('script')
  el.id = 'trackboard-config'
  el.type = 'application/json'
  el.textContent = text
  document.head.append(el)
}

describe('the config written into index.html', () => {
  afterEach(() => {
    document.getElementById('trackboard-config')?.remove()
    vi.unstubAllGlobals()
  })

  it('gives the connections without asking /api/config', async () => {
    writeBlock(JSON.stringify({ trackers: [tracker] }))
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    const client = new QueryClient()
    const connections = await client.ensureQueryData(configQueries.connections())
    expect(connections).toEqual([tracker])
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('is ignored when absent or malformed, and then the server is asked', async () => {
    expect(inlineConfig()).toBeUndefined()
    writeBlock('{"trackers": [ {')
    expect(inlineConfig()).toBeUndefined()
    document.getElementById('trackboard-config')!.textContent = '{"trackers":[{"id":1}]}'
    expect(inlineConfig()).toBeUndefined()
    const fetchSpy = vi.fn(async () => Response.json({ trackers: [tracker] }))
    vi.stubGlobal('fetch', fetchSpy)
    const client = new QueryClient()
    expect(await client.ensureQueryData(configQueries.connections())).toEqual([tracker])
    expect(fetchSpy).toHaveBeenCalledWith('/api/config', expect.anything())
  })
})
