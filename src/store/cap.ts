/**
 * The issue cap: scopes with more issues than this are paged on the server instead of loaded.
 * Set at build time with VITE_ISSUE_CAP, and per browser with the localStorage entry
 * `trackboard.issueCap` (a positive integer; for support and tests, read on every load).
 */
import { DEFAULT_CAP } from './load-issues'

export const ISSUE_CAP_STORAGE_KEY = 'trackboard.issueCap'

const positive = (v: unknown): number | null => {
  const n = Number(v)
  return Number.isInteger(n) && n > 0 ? n : null
}

export function issueCap(): number {
  const local =
    typeof localStorage === 'undefined' ? null : localStorage.getItem(ISSUE_CAP_STORAGE_KEY)
  return positive(local) ?? positive(import.meta.env.VITE_ISSUE_CAP) ?? DEFAULT_CAP
}
