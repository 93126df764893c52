/**
 * Bulk edit through the real route tree over recorded Redmine 5.0.4 responses: select rows (click,
 * shift-click range), set a status for all, and see which issue the workflow did not change.
 */
import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '../../test/render-route'
import { sampleResponse } from '../../trackers/redmine/fixtures/load'

// The first render loads the whole route tree; on 2 busy cores that can exceed a second.
configure({ asyncUtilTimeout: 5000 })

const KEY = '0a1ba3ed7bc1f9d60147eb6fd256d1467006ed1a'

function redmine() {
  return mockFetch((url, init) => {
    const p = url.pathname
    if (p === '/api/config')
      return Response.json({
        trackers: [{ id: 'main', name: 'Redmine', type: 'redmine', base: '/t/main' }],
      })
    const samples: Record<string, string> = {
      '/t/main/users/current.json': 'users_current_jsmith',
      '/t/main/issue_statuses.json': 'issue_statuses',
      '/t/main/trackers.json': 'trackers',
      '/t/main/enumerations/issue_priorities.json': 'issue_priorities',
      '/t/main/issues.json': 'f_status_all',
    }
    if (samples[p]) return sampleResponse(samples[p])
    const show = /^\/t\/main\/issues\/(\d+)\.json$/.exec(p)
    if (show && init.method === 'PUT') return new Response(null, { status: 204 })
    // Re-reads: #1 is In Progress; #7 stayed New (the workflow ignored the change, as in NOTES.md).
    if (show) return sampleResponse(`issue_full_${show[1]}`)
    return undefined
  })
}

beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(700)
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200)
  localStorage.setItem(
    'trackboard.session.main',
    JSON.stringify({ apiKey: KEY, userName: 'John Smith' }),
  )
  vi.stubGlobal('matchMedia', () => ({ matches: false }))
})
afterEach(() => {
  localStorage.clear()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('bulk edit', () => {
  it('selects a range, sets a status for all, and lists the issue the workflow kept', async () => {
    const calls = redmine()
    const user = userEvent.setup()
    renderRoute('/main/projects/demo/issues?status=all')
    await user.click(await screen.findByRole('checkbox', { name: 'Select #7' }))
    await user.keyboard('{Shift>}')
    await user.click(screen.getByRole('checkbox', { name: 'Select #5' }))
    await user.keyboard('{/Shift}')
    const bar = screen.getByRole('region', { name: 'Bulk edit' })
    expect(bar).toHaveTextContent('3 selected')
    expect(screen.getByRole('checkbox', { name: 'Select #6' })).toBeChecked()

    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select #7' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select #1' }))
    const bar2 = screen.getByRole('region', { name: 'Bulk edit' })
    expect(bar2).toHaveTextContent('2 selected')
    await user.selectOptions(within(bar2).getByLabelText('Set status'), 'In Progress')
    await user.click(within(bar2).getByRole('button', { name: 'Apply to 2' }))

    await waitFor(() => expect(bar2).toHaveTextContent('1 changed, 1 failed'))
    const failed = within(bar2).getByRole('list', { name: 'Issues not changed' })
    expect(failed).toHaveTextContent('#7: Not applied by the tracker')
    expect(failed).toHaveTextContent('status is still New')
    expect(failed).not.toHaveTextContent('#1')
    const puts = calls.filter((c) => c.init.method === 'PUT')
    expect(puts.map((c) => c.url.pathname).sort()).toEqual([
      '/t/main/issues/1.json',
      '/t/main/issues/7.json',
    ])
    expect(JSON.parse(String(puts[0]!.init.body))).toMatchObject({ issue: { status_id: 2 } })
  })
})
