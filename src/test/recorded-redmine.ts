/**
 * What route-level tests of the issue views share: recorded Redmine 5.0.4 answers behind fetch,
 * a signed-in session, and a DOM with a screenful of layout (jsdom lays nothing out).
 */
import { vi } from 'vitest'
import { clearSnapshots } from '../store/persist'
import { sampleResponse } from '../trackers/redmine/fixtures/load'
import type { FetchRoute } from './render-route'

export const KEY = '0a1ba3ed7bc1f9d60147eb6fd256d1467006ed1a'

export interface RecordedRedmineOptions {
  /** The answer to custom_fields.json (default: unmocked, so the request fails). */
  customFields?: () => Response
  /** The answer to issues.json (default: the recorded `status_id=*`, all ten fixture issues). */
  issues?: (url: URL) => Response
}

/** Connection `main` and the metadata the views ask for; unmatched requests fall through. */
export function recordedRedmine(o: RecordedRedmineOptions = {}): FetchRoute {
  return (url) => {
    const p = url.pathname
    if (p === '/api/config')
      return Response.json({
        trackers: [{ id: 'main', name: 'Redmine', type: 'redmine', base: '/t/main' }],
      })
    if (p === '/t/main/users/current.json') return sampleResponse('users_current_jsmith')
    if (p === '/t/main/issue_statuses.json') return sampleResponse('issue_statuses')
    if (p === '/t/main/trackers.json') return sampleResponse('trackers')
    if (p === '/t/main/enumerations/issue_priorities.json')
      return sampleResponse('issue_priorities')
    if (p === '/t/main/custom_fields.json' && o.customFields) return o.customFields()
    if (p === '/t/main/issues.json')
      return o.issues ? o.issues(url) : sampleResponse('f_status_all')
    return undefined
  }
}

/**
 * Gives the table's scroll container a screenful, signs jsmith in, and drops issues persisted by
 * an earlier test, so each test sees its own answers.
 */
export async function setUpTableDom() {
  await clearSnapshots('main')
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: 700 }),
  )
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(700)
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1200)
  // TanStack Virtual 3.14 sizes its scroller from clientWidth/clientHeight.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(700)
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200)
  localStorage.clear()
  localStorage.setItem(
    'trackboard.session.main',
    JSON.stringify({ apiKey: KEY, userName: 'John Smith' }),
  )
  vi.stubGlobal('matchMedia', () => ({ matches: false }))
}
