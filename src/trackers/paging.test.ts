import { describe, expect, it } from 'vitest'
import { fetchAllPages, type Page } from './paging'

function source(total: number, delays: Record<number, number> = {}) {
  let inFlight = 0
  let maxInFlight = 0
  const offsets: number[] = []
  const fetchPage = async (offset: number, limit: number): Promise<Page<number>> => {
    offsets.push(offset)
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    await new Promise((r) => setTimeout(r, delays[offset] ?? 1))
    inFlight--
    const items = Array.from(
      { length: Math.max(0, Math.min(limit, total - offset)) },
      (_, i) => offset + i,
    )
    return { items, totalCount: total }
  }
  return { fetchPage, offsets, max: () => maxInFlight }
}

describe('fetchAllPages', () => {
  it('reads every page once, with bounded concurrency, in order', async () => {
    const s = source(950)
    const r = await fetchAllPages(s.fetchPage, { pageSize: 100, concurrency: 3 })
    expect(r.totalCount).toBe(950)
    expect(r.items).toEqual(Array.from({ length: 950 }, (_, i) => i))
    expect([...s.offsets].sort((a, b) => a - b)).toEqual([
      0, 100, 200, 300, 400, 500, 600, 700, 800, 900,
    ])
    expect(s.max()).toBe(3)
  })

  it('delivers pages in offset order even when later pages arrive first', async () => {
    const s = source(400, { 100: 30 })
    const seen: number[] = []
    const progress: number[] = []
    await fetchAllPages(s.fetchPage, {
      pageSize: 100,
      concurrency: 4,
      onPage: (_items, offset) => seen.push(offset),
      onProgress: (p) => progress.push(p.loaded),
    })
    expect(seen).toEqual([0, 100, 200, 300])
    expect(progress.at(-1)).toBe(400)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('stops at max', async () => {
    const s = source(10_000)
    const r = await fetchAllPages(s.fetchPage, { pageSize: 100, max: 250 })
    expect(r.items).toHaveLength(250)
    expect(s.offsets).toHaveLength(3)
  })

  it('stops when aborted', async () => {
    const s = source(2000, { 0: 1 })
    const ctl = new AbortController()
    const p = fetchAllPages(s.fetchPage, {
      pageSize: 100,
      concurrency: 1,
      signal: ctl.signal,
      onPage: (_i, offset) => offset === 100 && ctl.abort(),
    })
    await expect(p).rejects.toThrow()
    expect(s.offsets.length).toBeLessThan(20)
  })
})
