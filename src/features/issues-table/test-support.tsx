/** What the table's integration tests share: a recorded Redmine behind fetch, and a laid-out DOM. */
import { screen } from '@testing-library/react'
import { recordedRedmine } from '../../test/recorded-redmine'
import { mockFetch } from '../../test/render-route'
import { sampleJson } from '../../trackers/redmine/fixtures/load'

export { KEY, setUpTableDom } from '../../test/recorded-redmine'

export interface RedmineOptions {
  /** The answer to custom_fields.json (default: unmocked, so the request fails). */
  customFields?: () => Response
  /** Rewrites the recorded issue list (all ten fixture issues). */
  issues?: (body: { issues: Record<string, unknown>[] }) => void
}

/** The recorded Redmine 5.0.4 answers the table needs; unmatched requests fail with a 599. */
export function redmine(o: RedmineOptions = {}) {
  const rewrite = o.issues
  return mockFetch(
    recordedRedmine({
      customFields: o.customFields,
      issues: rewrite
        ? () => {
            const body = sampleJson('f_status_all') as { issues: Record<string, unknown>[] }
            rewrite(body)
            return Response.json(body)
          }
        : undefined,
    }),
  )
}

/** The rows' subject links (`#id subject`), in order. */
export const rowLinks = () =>
  screen.getAllByRole('link').filter((a) => /^#\d+ /.test(a.getAttribute('aria-label') ?? ''))

export const rowIds = () =>
  rowLinks().map((a) => Number(/^#(\d+)/.exec(a.getAttribute('aria-label')!)![1]))
