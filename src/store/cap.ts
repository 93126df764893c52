/**
 * The issue cap: scopes with more issues than this are paged on the server instead of loaded.
 * Set per connection on the server (ISSUE_CAP, or `issueCap` in TRACKERS_FILE), at build time with
 * VITE_ISSUE_CAP, and per browser with the localStorage entry `trackboard.issueCap` (a positive
 * integer; for support and tests, read on every load). The browser's entry wins, then the server's.
 */
import { formatCount } from '../lib/format-count'
import type { TrackerAdapter } from '../trackers/tracker'
import { DEFAULT_CAP } from './load-issues'

export const ISSUE_CAP_STORAGE_KEY = 'trackboard.issueCap'

const positive = (v: unknown): number | null => {
  const n = Number(v)
  return Number.isInteger(n) && n > 0 ? n : null
}

export function issueCap(t?: Pick<TrackerAdapter, 'loading'>): number {
  const local =
    typeof localStorage === 'undefined' ? null : localStorage.getItem(ISSUE_CAP_STORAGE_KEY)
  return (
    positive(local) ??
    positive(t?.loading?.issueCap) ??
    positive(import.meta.env.VITE_ISSUE_CAP) ??
    DEFAULT_CAP
  )
}

/** The start of every notice about a scope too large to load: the table's pager and the board. */
export function overCapText(scopeTotal: number, cap: number): string {
  return `This scope has ${formatCount(scopeTotal)} issues, more than the ${formatCount(cap)} Trackboard loads in full`
}
