/**
 * `test` for every spec: records each URL the page requests and fails the test if one of them
 * carries an API key (Redmine keys are 40 hex digits; the app must send them only in the
 * X-Redmine-API-Key header), or a key-like query parameter.
 */
import { test as base, expect } from '@playwright/test'

const KEY_LIKE = /(^|[^0-9a-f])[0-9a-f]{40}([^0-9a-f]|$)/i
const KEY_PARAM = /[?&](key|api_key|apikey|password)=/i

/** The URLs in `urls` that carry a key: a known one, anything key-shaped, or a key parameter. */
export function urlsWithKeys(urls: readonly string[], known: readonly string[] = []): string[] {
  return urls.filter(
    (u) => KEY_LIKE.test(u) || KEY_PARAM.test(u) || known.some((k) => k && u.includes(k)),
  )
}

export const test = base.extend<{ requestedUrls: string[] }>({
  requestedUrls: [
    async ({ page }, use) => {
      const urls: string[] = []
      page.on('request', (r) => urls.push(r.url()))
      await use(urls)
      expect(urlsWithKeys(urls), 'request URLs carrying an API key').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
