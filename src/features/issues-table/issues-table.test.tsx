import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderRoute } from '../../test/render-route'
import { redmine, rowLinks, setUpTableDom } from './test-support'

// The first render loads the whole route tree; on 2 busy cores that can exceed a second.
configure({ asyncUtilTimeout: 5000 })

beforeEach(setUpTableDom)
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('the issue table', () => {
  it('loads the scope and shows every issue with a link named #id and subject', async () => {
    redmine()
    renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(
      screen.getByRole('link', { name: '#7 Crash when uploading a large attachment' }),
    ).toHaveAttribute('href', '/main/issues/7')
    expect(screen.getByRole('status')).toHaveTextContent('10 of 10 issues')
  })

  it('on a cold load asks for the first issues page before the metadata and the user, unless chips need names', async () => {
    const order = (calls: { url: URL }[]) =>
      calls
        .map((c) => c.url.pathname.replace('/t/main/', ''))
        .filter((p) => /^(issues|issue_statuses|trackers|enumerations|users\/current)/.test(p))
    // Nothing on disk yet for either scope (a warm load shows rows at once, then asks).
    const plain = redmine()
    const first = renderRoute('/main/projects/demo/issues?status=closed')
    await waitFor(() => expect(rowLinks().length).toBeGreaterThan(0))
    await waitFor(() => expect(order(plain)).toContain('trackers.json'))
    await waitFor(() => expect(order(plain)).toContain('users/current.json'))
    expect(order(plain)[0]).toBe('issues.json')
    first.unmount()

    const chips = redmine()
    renderRoute('/main/issues?status=open&tracker=%5B2%5D')
    await screen.findByRole('button', { name: 'Remove filter Tracker: Feature' })
    await waitFor(() => expect(order(chips)).toContain('issues.json'))
    expect(order(chips).indexOf('trackers.json')).toBeLessThan(order(chips).indexOf('issues.json'))
  })

  it('filters from the URL, shows chips, and clears them', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all&tracker=%5B2%5D')
    await waitFor(() => expect(rowLinks().length).toBeGreaterThan(0))
    expect(rowLinks().every((a) => within(a.closest('tr')!).queryByText('Feature'))).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Remove filter Tracker: Feature' }))
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(router.state.location.search).not.toHaveProperty('tracker')
  })

  it('text search narrows the rows and lives in the URL', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    await user.type(screen.getByRole('searchbox'), 'dark mode')
    await waitFor(() =>
      expect(rowLinks().map((a) => a.textContent)).toEqual([
        'Dark mode: settings toggle',
        'Dark mode',
      ]),
    )
    expect(router.state.location.search).toMatchObject({ q: 'dark mode' })
  })

  it('sorts by a header click and adds keys with shift-click', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    await user.click(screen.getByRole('button', { name: /^Priority/ }))
    expect(router.state.location.search).toMatchObject({ sort: ['priority'] })
    await user.keyboard('{Shift>}')
    await user.click(screen.getByRole('button', { name: /^Updated/ }))
    await user.keyboard('{/Shift}')
    expect(router.state.location.search).toMatchObject({ sort: ['priority', 'updatedOn'] })
    const first = rowLinks()[0]!.closest('tr')!
    expect(within(first).getByText('Low')).toBeInTheDocument()
  })

  it('groups with counts, and a malformed URL falls back to the defaults', async () => {
    redmine()
    renderRoute(
      '/main/projects/demo/issues?status=all&group=status&sort=%5B%22nonsense%22%5D&tracker=oops',
    )
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(screen.getByRole('button', { name: /^New \d+ ·/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
  })

  it('chooses columns, custom fields included, and keeps the choice in the URL', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(screen.queryByRole('columnheader', { name: /Severity/ })).not.toBeInTheDocument()
    await user.click(screen.getByText('Columns'))
    await user.click(screen.getByRole('checkbox', { name: 'Severity' }))
    await user.click(screen.getByRole('checkbox', { name: 'Tracker' }))
    expect(router.state.location.search).toMatchObject({
      columns: ['status', 'priority', 'assignee', 'updated', 'cf1'],
    })
    expect(screen.getByRole('columnheader', { name: /Severity/ })).toBeInTheDocument()
    expect(screen.queryByRole('columnheader', { name: /Tracker/ })).not.toBeInTheDocument()
    expect(screen.getAllByRole('cell', { name: 'major' }).length).toBeGreaterThan(0)
  })

  it('filters by a date range from the URL-backed date inputs', async () => {
    redmine()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    // Every fixture issue was last updated on 2026-11-23.
    fireEvent.change(screen.getByLabelText('Updated from'), { target: { value: '2026-11-24' } })
    expect(await screen.findByText('No issue matches these filters')).toBeInTheDocument()
    expect(router.state.location.search).toMatchObject({ updatedFrom: '2026-11-24' })
    fireEvent.change(screen.getByLabelText('Updated from'), { target: { value: '2026-11-23' } })
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
  })

  it('moves with j/k, opens the active issue with Enter, and / focuses the search', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    await user.keyboard('/')
    expect(screen.getByRole('searchbox')).toHaveFocus()
    screen.getByRole('region', { name: /^Issues \(j\/k/ }).focus()
    await user.keyboard('jjk')
    // Sorted by id descending: row 0 is #10, so j, j, k lands on #9.
    await user.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe('/main/issues/9'))
  })
})
