import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sampleJson } from '../trackers/redmine/fixtures/load'
import { recordedRedmine, setUpTableDom } from '../test/recorded-redmine'
import { renderRoute } from '../test/render-route'
import { ISSUE_CAP_STORAGE_KEY } from './cap'

configure({ asyncUtilTimeout: 5000 })

/** 120 issues in Redmine's wire format (ids 120 down to 1), built from a recorded one. */
const template = (sampleJson('f_status_all') as { issues: Record<string, unknown>[] }).issues[0]!
const wire = Array.from({ length: 120 }, (_, k) => ({
  ...template,
  id: 120 - k,
  subject: `Paged issue ${120 - k}`,
}))

/** A Redmine with 120 issues in project demo: answers paging and `sort=id` like the real one. */
function redmine(path: string) {
  return renderRoute(path, {
    fetch: recordedRedmine({
      issues: (url) => {
        const q = url.searchParams
        const offset = Number(q.get('offset') ?? 0)
        const limit = Number(q.get('limit') ?? 25)
        const rows = q.get('sort') === 'id' ? [...wire].reverse() : wire
        return Response.json({
          issues: rows.slice(offset, offset + limit),
          total_count: rows.length,
          offset,
          limit,
        })
      },
    }),
  })
}

beforeEach(async () => {
  await setUpTableDom()
  localStorage.setItem(ISSUE_CAP_STORAGE_KEY, '50')
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const rowIds = () =>
  screen
    .getAllByRole('link')
    .map((a) => /^#(\d+) /.exec(a.getAttribute('aria-label') ?? '')?.[1])
    .filter(Boolean)
    .map(Number)

const issueRequests = (calls: { url: URL }[]) =>
  calls.filter((c) => c.url.pathname === '/t/main/issues.json').map((c) => c.url.searchParams)

describe('a scope above the issue cap', () => {
  it('is paged on the server with a pager, and says which filters the tracker skips', async () => {
    const user = userEvent.setup()
    const { calls } = redmine('/main/projects/demo/issues?status=all&q=Paged')
    const pages = await screen.findByRole('navigation', { name: 'Issue pages' })
    await waitFor(() => expect(within(pages).getByText(/Page 1 of 2/)).toBeInTheDocument())
    // One page of 100 (the table renders only the rows in view).
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('100 issues on this page'),
    )
    expect(rowIds()[0]).toBe(120)
    expect(screen.getByRole('note')).toHaveTextContent(
      /120 issues, more than the 50 Trackboard loads in full/,
    )
    expect(screen.getByRole('note')).toHaveTextContent(
      'Not applied by the tracker: Text search in descriptions (subjects only)',
    )
    // Only the first page of the scope and the first server page: never all 120.
    const asked = issueRequests(calls)
    expect(asked.every((q) => q.get('offset') === '0')).toBe(true)
    expect(asked.at(-1)?.get('subject')).toBe('~Paged')
    expect(asked.at(-1)?.get('sort')).toBe('id:desc')

    const previous = within(pages).getByRole('button', { name: 'Previous page' })
    expect(previous).toBeDisabled()
    await user.click(within(pages).getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(within(pages).getByText(/Page 2 of 2/)).toBeInTheDocument())
    await waitFor(() => expect(rowIds()).toHaveLength(20))
    expect(rowIds()[0]).toBe(20)
    expect(issueRequests(calls).at(-1)?.get('offset')).toBe('100')
    expect(within(pages).getByRole('button', { name: 'Next page' })).toBeDisabled()

    await user.click(previous)
    await waitFor(() => expect(within(pages).getByText(/Page 1 of 2/)).toBeInTheDocument())
    await waitFor(() => expect(rowIds()[0]).toBe(120))
  })

  it('sorts on the server and starts again at page 1 when the sort changes', async () => {
    const user = userEvent.setup()
    const { calls } = redmine('/main/projects/demo/issues?status=all')
    const pages = await screen.findByRole('navigation', { name: 'Issue pages' })
    await user.click(await within(pages).findByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(within(pages).getByText(/Page 2 of 2/)).toBeInTheDocument())
    await user.click(screen.getByRole('button', { name: '#' }))
    await waitFor(() => expect(within(pages).getByText(/Page 1 of 2/)).toBeInTheDocument())
    await waitFor(() => expect(rowIds()[0]).toBe(1))
    const last = issueRequests(calls).at(-1)!
    expect(last.get('sort')).toBe('id')
    expect(last.get('offset')).toBe('0')
  })

  it('on the board, says it shows only the first page instead of passing it off as the scope', async () => {
    redmine('/main/projects/demo/board?status=all')
    const note = await screen.findByRole('note', undefined, { timeout: 5_000 })
    expect(note).toHaveTextContent(
      /120 issues, more than the 50 Trackboard loads in full, so the board shows only the first 100/,
    )
  })

  it('below the cap loads everything and shows no pager', async () => {
    localStorage.setItem(ISSUE_CAP_STORAGE_KEY, '500')
    redmine('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('120 of 120 issues'))
    expect(screen.queryByRole('navigation', { name: 'Issue pages' })).not.toBeInTheDocument()
  })
})
