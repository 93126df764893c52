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

  it('follows a total that grows between pages (issues created while paging)', async () => {
    let total = 250
    const offsets: number[] = []
    const fetchPage = async (offset: number, limit: number): Promise<Page<number>> => {
      offsets.push(offset)
      const page = { items: range(offset, Math.min(limit, total - offset)), totalCount: total }
      total = 350 // a hundred issues are created after the first request
      await new Promise((r) => setTimeout(r, 1))
      return page
    }
    const progress: { loaded: number; total: number }[] = []
    const r = await fetchAllPages(fetchPage, {
      pageSize: 100,
      concurrency: 2,
      onProgress: (p) => progress.push(p),
    })
    expect([...offsets].sort((a, b) => a - b)).toEqual([0, 100, 200, 300])
    expect(r.totalCount).toBe(350)
    expect(r.items).toEqual(range(0, 350))
    expect(progress[0]).toEqual({ loaded: 100, total: 250 })
    expect(progress.at(-1)).toEqual({ loaded: 350, total: 350 })
  })

  it('copes with a total that shrinks between pages (issues deleted while paging)', async () => {
    let total = 300
    const fetchPage = async (offset: number, limit: number): Promise<Page<number>> => {
      const page = {
        items: range(offset, Math.max(0, Math.min(limit, total - offset))),
        totalCount: total,
      }
      total = 150
      await new Promise((r) => setTimeout(r, 1))
      return page
    }
    const seen: number[] = []
    const r = await fetchAllPages(fetchPage, {
      pageSize: 100,
      concurrency: 1,
      onPage: (_items, offset) => seen.push(offset),
    })
    expect(seen).toEqual([0, 100, 200])
    expect(r.totalCount).toBe(150)
    expect(r.items).toEqual(range(0, 150))
  })

  it('reads a single page without further requests', async () => {
    const s = source(42)
    const r = await fetchAllPages(s.fetchPage, { pageSize: 100 })
    expect(r.items).toHaveLength(42)
    expect(s.offsets).toEqual([0])
  })
})

function range(from: number, length: number): number[] {
  return Array.from({ length }, (_, i) => from + i)
}
