/** What the table's integration tests share: a recorded Redmine behind fetch, and a laid-out DOM. */
import { screen } from '@testing-library/react'
import { vi } from 'vitest'
import { clearSnapshots } from '../../store/persist'
import { mockFetch } from '../../test/render-route'
import { sampleJson, sampleResponse } from '../../trackers/redmine/fixtures/load'

export const KEY = '0a1ba3ed7bc1f9d60147eb6fd256d1467006ed1a'

export interface RedmineOptions {
  /** The answer to custom_fields.json (default: unmocked, so the request fails). */
  customFields?: () => Response
  /** Rewrites the recorded issue list (all ten fixture issues). */
  issues?: (body: { issues: Record<string, unknown>[] }) => void
}

/** The recorded Redmine 5.0.4 answers the table needs; unmatched requests fail with a 599. */
export function redmine(o: RedmineOptions = {}) {
  return mockFetch((url) => {
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
    if (p === '/t/main/issues.json') {
      if (!o.issues) return sampleResponse('f_status_all')
      const body = sampleJson('f_status_all') as { issues: Record<string, unknown>[] }
      o.issues(body)
      return Response.json(body)
    }
    return undefined
  })
}

/**
 * jsdom lays nothing out: give the table's scroll container a screenful, and sign in. Issues
 * persisted by an earlier test are dropped, so each test sees its own answers.
 */
export async function setUpTableDom() {
  await clearSnapshots('main')
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: 700 }),
  )
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(700)
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1200)
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(700)
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200)
  localStorage.clear()
  localStorage.setItem(
    'trackboard.session.main',
    JSON.stringify({ apiKey: KEY, userName: 'John Smith' }),
  )
  vi.stubGlobal('matchMedia', () => ({ matches: false }))
}

/** The rows' subject links (`#id subject`), in order. */
export const rowLinks = () =>
  screen.getAllByRole('link').filter((a) => /^#\d+ /.test(a.getAttribute('aria-label') ?? ''))

export const rowIds = () =>
  rowLinks().map((a) => Number(/^#(\d+)/.exec(a.getAttribute('aria-label')!)![1]))
