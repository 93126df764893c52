/**
 * The issue table seen like a person sees it, and the tracker's own answer to compare it with:
 * a view link built from search params, every row id (the table is virtualized, so it is scrolled
 * through), the status line's count, the filter state shown (chips and inputs), and all pages of
 * `/issues.json` for a filter.
 */
import { expect, type Page } from '@playwright/test'

/** Search params of a view as the app's router writes them: JSON for non-strings. */
export type ViewSearch = Record<string, string | number | boolean | unknown[] | object>

/** `/<conn>/projects/<project>/issues?...`: a pasted link is a supported way to set a view. */
export function viewPath(conn: string, project: string, search: ViewSearch = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(search))
    params.set(k, typeof v === 'string' ? v : JSON.stringify(v))
  const qs = params.toString()
  return `/${conn}/projects/${project}/issues${qs ? `?${qs}` : ''}`
}

export async function signIn(page: Page, key: string): Promise<void> {
  await page.goto('/')
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
}

/**
 * Opens a view link signed out, signs in on the form it leads to, and lands on the view: one page
 * load instead of two, which matters on a busy machine.
 */
export async function openSignedIn(page: Page, key: string, path: string): Promise<void> {
  await page.goto(path)
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL((u) => sameView(u, path), { timeout: 20_000 })
}

/** Same path and the same decoded search params (the router leaves `[`, `]` unescaped). */
export function sameView(u: URL, path: string): boolean {
  const want = new URL(path, u.origin)
  const params = (x: URL) => JSON.stringify([...x.searchParams].sort())
  return u.pathname === want.pathname && params(u) === params(want)
}

const COUNT_LINE = /^([\d,]+) of ([\d,]+) issues$/

/** The status line once loading and refreshing are over: `shown` of `loaded` issues. */
export async function settledCount(page: Page): Promise<{ shown: number; loaded: number }> {
  const line = page.getByRole('status').filter({ hasText: COUNT_LINE })
  await expect(line).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled()
  const m = COUNT_LINE.exec(((await line.textContent()) ?? '').trim())
  expect(m, 'status line').not.toBeNull()
  const n = (s: string) => Number(s.replaceAll(',', ''))
  return { shown: n(m![1]!), loaded: n(m![2]!) }
}

/**
 * Every issue id in the table, ascending: scrolls the table's scroll container from top to bottom
 * collecting the rows' links (`#<id> <subject>`), since only visible rows are in the DOM.
 */
export async function tableIds(page: Page): Promise<number[]> {
  const { shown } = await settledCount(page)
  if (shown === 0) return []
  await expect(page.getByRole('table')).toBeVisible()
  const ids = await page.getByRole('table').evaluate(async (table) => {
    const frame = () =>
      new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))
    let scroller: HTMLElement | null = table.parentElement
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY))
      scroller = scroller.parentElement
    const seen = new Set<number>()
    const collect = () => {
      for (const a of table.querySelectorAll('a')) {
        const name = a.getAttribute('aria-label') ?? a.textContent ?? ''
        const m = /^#(\d+) /.exec(name.trim())
        if (m) seen.add(Number(m[1]))
      }
    }
    if (!scroller) {
      collect()
      return [...seen]
    }
    scroller.scrollTop = 0
    await frame()
    for (let guard = 0; guard < 2_000; guard++) {
      collect()
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break
      scroller.scrollTop += Math.max(40, scroller.clientHeight - 80)
      await frame()
    }
    await frame()
    collect()
    scroller.scrollTop = 0
    return [...seen]
  })
  ids.sort((a, b) => a - b)
  expect(ids.length, 'rows found by scrolling vs the status line').toBe(shown)
  return ids
}

/** What the page shows of the view's filters: the chips and the filter inputs' values. */
export async function filterState(page: Page) {
  const chips = page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')
  const value = (name: string) => page.getByLabel(name, { exact: true }).inputValue()
  return {
    chips: (await chips.allTextContents()).map((t) => t.trim()).filter(Boolean),
    search: await page.getByRole('searchbox', { name: 'Search' }).inputValue(),
    issues: await page.getByRole('combobox', { name: 'Issues' }).inputValue(),
    dates: await Promise.all(
      ['Created', 'Updated', 'Due'].flatMap((d) => [value(`${d} from`), value(`${d} to`)]),
    ),
  }
}

type IssuesPage = { issues: { id: number }[]; total_count: number }

/**
 * All ids `/issues.json?<query>` returns, every page (100 a page, Redmine's maximum), ascending.
 * `get` fetches one path from the tracker itself, with the key of the user whose view it is.
 */
export async function trackerIds(
  get: (path: string) => Promise<IssuesPage>,
  query: string,
): Promise<number[]> {
  const ids = new Set<number>()
  let total = Infinity
  for (let offset = 0; offset < total; offset += 100) {
    const page = await get(`/issues.json?${query}&limit=100&offset=${offset}`)
    total = page.total_count
    for (const i of page.issues) ids.add(i.id)
    if (page.issues.length === 0) break
  }
  expect(ids.size, `distinct ids of ${query}`).toBe(total)
  return [...ids].sort((a, b) => a - b)
}

/** The union of several filters' results (Redmine 5.0 cannot OR subject and description). */
export async function trackerIdsUnion(
  get: (path: string) => Promise<IssuesPage>,
  queries: string[],
): Promise<number[]> {
  const all = await Promise.all(queries.map((q) => trackerIds(get, q)))
  return [...new Set(all.flat())].sort((a, b) => a - b)
}

/** Requests the page sends to the tracker's issue list (`/t/<conn>/issues.json...`). */
export function issueListRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (r) => {
    if (/^\/t\/[^/]+\/issues\.json$/.test(new URL(r.url()).pathname)) urls.push(r.url())
  })
  return urls
}
