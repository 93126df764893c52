/**
 * Reads every page of a list: the first page tells the total, the rest are fetched in parallel with
 * bounded concurrency and delivered in order. Generic over the item type so every adapter can use it.
 */
export interface Page<T> {
  items: T[]
  totalCount: number
}

export interface PagingProgress {
  loaded: number
  total: number
}

export interface FetchAllOptions<T> {
  pageSize: number
  concurrency?: number
  signal?: AbortSignal
  /** Stop after this many items (the caller then pages on the server instead). */
  max?: number
  onProgress?: (p: PagingProgress) => void
  /** Each page, in offset order, as soon as it and every page before it have arrived. */
  onPage?: (items: T[], offset: number) => void
}

export async function fetchAllPages<T>(
  fetchPage: (offset: number, limit: number, signal?: AbortSignal) => Promise<Page<T>>,
  options: FetchAllOptions<T>,
): Promise<{ items: T[]; totalCount: number }> {
  const { pageSize, signal } = options
  const concurrency = Math.max(1, options.concurrency ?? 4)
  const first = await fetchPage(0, pageSize, signal)
  const cap = options.max ?? Number.POSITIVE_INFINITY
  // The latest total any page reported: issues created while paging make later pages say more.
  let total = first.totalCount
  let wanted = Math.min(total, cap)
  const pages = new Map<number, T[]>([[0, first.items]])
  let loaded = first.items.length
  let delivered = 0
  const deliver = () => {
    for (;;) {
      const offset = delivered * pageSize
      const items = pages.get(offset)
      if (!items) return
      options.onPage?.(items, offset)
      delivered += 1
    }
  }
  const progress = () => options.onProgress?.({ loaded: Math.min(loaded, wanted), total: wanted })
  deliver()
  progress()

  const offsets: number[] = []
  const plan = () => {
    const last = offsets.at(-1) ?? 0
    for (let o = last + pageSize; o < wanted; o += pageSize) offsets.push(o)
  }
  plan()
  let next = 0
  const worker = async () => {
    while (next < offsets.length) {
      signal?.throwIfAborted()
      const offset = offsets[next++]!
      const page = await fetchPage(offset, pageSize, signal)
      pages.set(offset, page.items)
      loaded += page.items.length
      total = page.totalCount
      wanted = Math.min(total, cap)
      plan()
      progress()
      deliver()
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, offsets.length) }, worker))

  // Issues created or deleted while paging shift offsets: an item can appear twice or be missed.
  // Callers that care de-duplicate by id (and refresh by delta to catch the missed).
  const items: T[] = []
  for (const offset of [0, ...offsets]) items.push(...(pages.get(offset) ?? []))
  return { items: items.slice(0, wanted), totalCount: total }
}
