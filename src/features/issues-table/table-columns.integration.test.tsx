/**
 * The TanStack-based table through the real route tree: header sorting and shift-click
 * multi-sorting, column order and visibility from the URL, and resizing, all kept in the URL.
 */
import { configure, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderRoute } from '../../test/render-route'
import { redmine, rowIds, rowLinks, setUpTableDom } from './test-support'

configure({ asyncUtilTimeout: 5000 })

beforeEach(setUpTableDom)
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const header = (name: string) =>
  screen.getAllByRole('columnheader').find((h) => h.textContent?.replace(/[▲▼\d]/g, '') === name)!
const headerNames = () =>
  screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼\d]/g, ''))
const sortButton = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}`) })
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o))

describe('the table columns', () => {
  it('sorts by a header, flips on a second click, and shows the state in aria-sort', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(header('#')).toHaveAttribute('aria-sort', 'descending')
    expect(rowIds()).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])

    await user.click(sortButton('Subject'))
    expect(router.state.location.search).toMatchObject({ sort: ['subject'] })
    await waitFor(() => expect(rowIds()).toEqual([2, 10, 7, 5, 6, 9, 4, 1, 8, 3]))
    expect(header('Subject')).toHaveAttribute('aria-sort', 'ascending')
    expect(header('#')).toHaveAttribute('aria-sort', 'none')

    await user.click(sortButton('Subject'))
    expect(router.state.location.search).toMatchObject({ sort: ['subject.desc'] })
    await waitFor(() => expect(rowIds()).toEqual([3, 8, 1, 4, 9, 6, 5, 7, 10, 2]))
    expect(header('Subject')).toHaveAttribute('aria-sort', 'descending')
  })

  it('adds and flips further sort keys with shift-click', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    await user.click(sortButton('Priority'))
    // Low first; ties by id descending.
    await waitFor(() => expect(rowIds().slice(0, 3)).toEqual([6, 5, 3]))

    await user.keyboard('{Shift>}')
    await user.click(sortButton('Subject'))
    expect(router.state.location.search).toMatchObject({ sort: ['priority', 'subject'] })
    await waitFor(() => expect(rowIds().slice(0, 3)).toEqual([5, 6, 3]))
    await user.click(sortButton('Subject'))
    await user.keyboard('{/Shift}')
    expect(router.state.location.search).toMatchObject({ sort: ['priority', 'subject.desc'] })
    await waitFor(() => expect(rowIds().slice(0, 3)).toEqual([3, 6, 5]))
    expect(header('Priority')).toHaveAttribute('aria-sort', 'ascending')
    expect(header('Subject')).toHaveAttribute('aria-sort', 'descending')

    // A plain click sorts by that column alone again.
    await user.click(sortButton('Priority'))
    expect(router.state.location.search).toMatchObject({ sort: ['priority.desc'] })
    expect(header('Subject')).toHaveAttribute('aria-sort', 'none')
  })

  it('orders and hides columns from the URL, and the chooser shows them again', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute(
      `/main/projects/demo/issues?status=all&columns=${q(['updated', 'status'])}`,
    )
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(headerNames()).toEqual(['Selected', '#', 'Subject', 'Updated', 'Status'])

    await user.click(screen.getByText('Columns'))
    await user.click(screen.getByRole('checkbox', { name: 'Status' }))
    expect(router.state.location.search).toMatchObject({ columns: ['updated'] })
    expect(headerNames()).toEqual(['Selected', '#', 'Subject', 'Updated'])
    expect(screen.queryByRole('cell', { name: 'Rejected' })).not.toBeInTheDocument()

    await user.click(screen.getByRole('checkbox', { name: 'Priority' }))
    expect(headerNames()).toEqual(['Selected', '#', 'Subject', 'Priority', 'Updated'])
    expect(screen.getAllByRole('cell', { name: 'Low' })).toHaveLength(3)
  })

  it('resizes a column by dragging its edge, keeps the width in the URL, and resets it', async () => {
    redmine()
    const { router, container } = renderRoute(
      `/main/projects/demo/issues?status=all&widths=${q({ priority: 150 })}`,
    )
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(header('Priority').style.width).toBe('150px')
    // The default width until resized.
    expect(header('Status').style.width).toBe('112px')

    const edge = container.querySelector('[data-resize-handle="status"]')!
    fireEvent.mouseDown(edge, { clientX: 500 })
    fireEvent.mouseMove(document, { clientX: 530 })
    // While dragging, the header follows; the URL waits for the release.
    await waitFor(() => expect(header('Status').style.width).toBe('142px'))
    expect(router.state.location.search).not.toHaveProperty('widths.status')
    fireEvent.mouseMove(document, { clientX: 560 })
    fireEvent.mouseUp(document, { clientX: 560 })
    await waitFor(() =>
      expect(router.state.location.search).toMatchObject({
        widths: { priority: 150, status: 172 },
      }),
    )
    expect(header('Status').style.width).toBe('172px')

    fireEvent.doubleClick(edge)
    await waitFor(() => expect(header('Status').style.width).toBe('112px'))
    expect(router.state.location.search).toMatchObject({ widths: { priority: 150 } })
    expect(router.state.location.search).not.toHaveProperty('widths.status')
  })
})
