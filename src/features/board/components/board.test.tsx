import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
  stripSearchParams,
  useNavigate,
} from '@tanstack/react-router'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyMove, planMove } from '../../../domain/apply-move'
import {
  sampleDetail,
  samplePriorities,
  sampleIssues,
  sampleStatuses,
  status,
} from '../../../domain/board-fixtures'
import {
  boardSearchDefaults,
  boardSearchObject,
  type BoardSearch,
} from '../../../domain/board-search'
import { TrackerProvider } from '../../../lib/tracker-context'
import type { Issue, IssueDetail, IssuePatch, TrackerAdapter } from '../../../trackers/tracker'
import { BoardView } from './board-view'

/**
 * A fake Redmine: issues #1-#10 of the recorded fixture; a status change outside `workflow`
 * is answered with success and ignored, as real Redmine 5.0.4 does (204, status kept).
 */
function fakeTracker(workflow: Record<number, number[]>) {
  let issues = sampleIssues()
  const detailBase: IssueDetail = sampleDetail('issue_full_1')
  const statuses = sampleStatuses()
  const detail = (i: Issue): IssueDetail => ({
    ...detailBase,
    ...i,
    allowedStatuses: (workflow[i.status.id] ?? []).map((id) =>
      status(statuses.find((s) => s.id === id)!.name),
    ),
  })
  const t = {
    id: 'main',
    type: 'redmine',
    capabilities: {
      upload: true,
      workflow: true,
      readOnly: false,
      deltaSync: true,
      maxPageSize: 100,
      basicAuth: true,
      textFormat: 'textile',
    },
    listStatuses: vi.fn(async () => statuses),
    listPriorities: vi.fn(async () => samplePriorities()),
    currentUser: vi.fn(async () => ({ id: 5, name: 'John Smith' })),
    listIssues: vi.fn(async (q: { status: unknown; offset: number; limit: number }) => {
      const list = issues.filter((i) => q.status === 'all' || !i.status.isClosed)
      return {
        issues: list.slice(q.offset, q.offset + q.limit),
        totalCount: list.length,
        offset: q.offset,
        limit: q.limit,
      }
    }),
    getIssue: vi.fn(async (id: number) => detail(issues.find((i) => i.id === id)!)),
    updateIssue: vi.fn(async (id: number, patch: IssuePatch) => {
      const issue = issues.find((i) => i.id === id)!
      const to = statuses.find((s) => s.id === patch.statusId)
      if (to && (workflow[issue.status.id] ?? []).includes(to.id)) {
        const move = planMove(issue, { status: status(to.name) })!
        issues = applyMove(issues, move)
      }
    }),
  }
  return {
    tracker: t as unknown as TrackerAdapter,
    fake: t,
  }
}

/**
 * The board on a root route whose search is validated by the board's own schema and written back
 * to the (memory) URL the way the app's board routes do, so tests can read what the URL keeps.
 */
function renderBoard(tracker: TrackerAdapter, url = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const rootRoute = createRootRoute({
    validateSearch: boardSearchObject,
    search: { middlewares: [stripSearchParams(boardSearchDefaults)] },
    component: function Root() {
      // The test router is not the app's registered one: its search types are not inferred.
      const search = rootRoute.useSearch() as BoardSearch
      const navigate = useNavigate()
      return (
        <TrackerProvider tracker={tracker}>
          <BoardView
            project="demo"
            search={search}
            onSearchChange={(patch) =>
              void navigate({
                to: '/',
                search: ((prev: BoardSearch) => ({ ...prev, ...patch })) as never,
                replace: true,
              })
            }
          />
        </TrackerProvider>
      )
    },
  })
  const router = createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: [url] }),
  })
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { router, ...utils }
}

// jsdom has no layout: give each board cell a column-sized box and each card a box inside it,
// so dnd-kit's collision detection and our keyboard grid see a real board.
function boxOf(el: Element): DOMRect {
  const cell = el.closest('[data-status-index]')
  const col = Number(cell?.getAttribute('data-status-index') ?? -1)
  if (col < 0) return new DOMRect(0, 0, 0, 0)
  if (el === cell) return new DOMRect(col * 300, 0, 280, 600)
  return new DOMRect(col * 300 + 10, 10, 260, 60)
}

beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return boxOf(this)
  })
  Element.prototype.scrollIntoView = () => undefined
})
afterEach(() => vi.restoreAllMocks())

const region = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name},`) })
const card = (id: number) => screen.getByRole('button', { name: new RegExp(`^#${id} `) })

// Default workflow of a Developer (from default-workflows.csv): New -> In Progress etc.
const developer = { 1: [2, 3, 4, 5], 2: [3, 4, 5], 3: [2, 4, 5], 4: [2, 3, 5] }

describe('Board', () => {
  it('moves a card with the keyboard (Space, ArrowRight, Space) and verifies it', async () => {
    const { tracker, fake } = fakeTracker(developer)
    const user = userEvent.setup()
    renderBoard(tracker)
    await screen.findByRole('region', { name: /^New, 4 issues/ })
    expect(within(region('New')).getByText(/Crash when uploading/)).toBeInTheDocument()

    card(7).focus()
    await user.keyboard(' ')
    await waitFor(() => expect(fake.getIssue).toHaveBeenCalledWith(7, expect.anything()))
    await user.keyboard('{ArrowRight}')
    await user.keyboard(' ')

    await waitFor(() => expect(within(region('In Progress')).getByText('#7')).toBeInTheDocument())
    expect(fake.updateIssue).toHaveBeenCalledWith(7, { statusId: 2 }, undefined)
    await waitFor(() => expect(fake.getIssue.mock.calls.filter(([id]) => id === 7).length).toBe(2))
    expect(screen.getByRole('region', { name: /^In Progress, 3 issues/ })).toBeInTheDocument()
    expect(screen.getByText('Moved #7 to In Progress.')).toBeInTheDocument()
    expect(screen.queryByText(/was not moved/)).not.toBeInTheDocument()
  })

  it('rolls back a move the tracker answered but did not apply, and says why', async () => {
    // New -> Resolved is allowed for the client, but the server keeps New (Redmine's silent 204).
    const { tracker, fake } = fakeTracker(developer)
    let open!: () => void
    const answered = new Promise<void>((r) => (open = r))
    fake.updateIssue.mockImplementation(async () => {
      await answered // then nothing changes: a 204 that did not apply
    })
    const user = userEvent.setup()
    renderBoard(tracker)
    await screen.findByRole('region', { name: /^New, 4 issues/ })

    card(7).focus()
    await user.keyboard(' ')
    await waitFor(() => expect(fake.getIssue).toHaveBeenCalled())
    await user.keyboard('{ArrowRight}{ArrowRight}')
    await user.keyboard(' ')
    // Optimistic: shown in Resolved at once, before the tracker answers.
    await waitFor(() => expect(within(region('Resolved')).getByText('#7')).toBeInTheDocument())
    await act(async () => open())
    await waitFor(() => expect(within(region('New')).getByText('#7')).toBeInTheDocument())
    expect(within(region('Resolved')).queryByText('#7')).not.toBeInTheDocument()
    expect(
      await screen.findByText(/#7 was not moved to Resolved: the tracker kept it in New/),
    ).toBeInTheDocument()
  })

  it('refuses a drop the workflow forbids and sends nothing', async () => {
    const { tracker, fake } = fakeTracker(developer)
    const user = userEvent.setup()
    renderBoard(tracker)
    await screen.findByRole('region', { name: /^In Progress, 2 issues/ })
    card(1).focus()
    await user.keyboard(' ')
    // In Progress -> New is not in the Developer workflow: the New column is dimmed.
    await waitFor(() => expect(region('New').querySelector('[data-dimmed]')).not.toBeNull())
    await user.keyboard('{ArrowLeft}')
    await user.keyboard(' ')
    expect(
      await screen.findByText(
        /#1 cannot move from In Progress to New: the workflow does not allow/,
        {
          selector: 'p',
        },
      ),
    ).toBeInTheDocument()
    expect(fake.updateIssue).not.toHaveBeenCalled()
    expect(within(region('In Progress')).getByText('#1')).toBeInTheDocument()
  })
})

describe('Board card click', () => {
  it('opens the issue on a click, but not when the button comes up after a cancelled drag', async () => {
    const { tracker } = fakeTracker(developer)
    const { router } = renderBoard(tracker)
    await screen.findByRole('region', { name: /^New, 4 issues/ })
    const link = within(card(7)).getByRole('link')
    const at = (x: number) => ({ clientX: x, clientY: 20, detail: 1, button: 0 })

    // Pressed, dragged 40 px, Escape, released: the click that follows lands on the link.
    fireEvent.pointerDown(link, at(20))
    fireEvent.click(link, at(60))
    expect(router.state.location.pathname).toBe('/')

    fireEvent.pointerDown(link, at(20))
    fireEvent.click(link, at(22))
    await waitFor(() => expect(router.state.location.pathname).toBe('/main/issues/7'))
  })
})

describe('Board keyboard drop', () => {
  it('drops in the cell the keys chose even before dnd-kit has caught up with them', async () => {
    const { tracker, fake } = fakeTracker(developer)
    const user = userEvent.setup()
    renderBoard(tracker)
    await screen.findByRole('region', { name: /^New, 4 issues/ })
    card(7).focus()
    await user.keyboard(' ')
    await waitFor(() => expect(fake.getIssue).toHaveBeenCalledWith(7, expect.anything()))
    // Two arrows and the drop within one act: React renders nothing in between, so dnd-kit's
    // `over` still names New when Space arrives (as when a person types faster than a frame).
    act(() => {
      const el = document.activeElement!
      fireEvent.keyDown(el, { code: 'ArrowRight', key: 'ArrowRight' })
      fireEvent.keyDown(el, { code: 'ArrowRight', key: 'ArrowRight' })
      fireEvent.keyDown(el, { code: 'Space', key: ' ' })
    })
    await waitFor(() =>
      expect(fake.updateIssue).toHaveBeenCalledWith(7, { statusId: 3 }, undefined),
    )
    expect(await screen.findByText('Moved #7 to Resolved.')).toBeInTheDocument()
    await waitFor(() => expect(within(region('Resolved')).getByText('#7')).toBeInTheDocument())
  })
})

const laneButton = (name: string) =>
  screen.getByRole('button', { name: new RegExp(`^Swimlane ${name},`) })
const laneHeaders = () => [...document.querySelectorAll<HTMLElement>('[data-lane-header]')]
const cells = (r: HTMLElement) => [...r.querySelectorAll<HTMLElement>('[data-cell]')]
const laneOfCell = (c: HTMLElement) => c.getAttribute('data-cell')!.split('|')[0]
const byAssignee = '/?swimlane=assignee'

describe('Board swimlanes', () => {
  it('lays each lane out as one row across all columns: a header row, then its cells', async () => {
    const { tracker } = fakeTracker(developer)
    renderBoard(tracker, byAssignee)
    await screen.findByRole('region', { name: /^New, 4 issues/ })
    // Lanes: Dave Lopper (user 6: #8, #6, #2), John Smith (user 5: #10, #7, #1), Unassigned.
    expect(laneHeaders().map((h) => h.dataset.laneHeader)).toEqual(['6', '5', 'none'])
    expect(laneButton('Dave Lopper')).toHaveAccessibleName('Swimlane Dave Lopper, 3 issues')
    expect(laneButton('Unassigned')).toHaveAttribute('aria-expanded', 'true')
    const headerRows = laneHeaders().map((h) => Number(h.style.gridRow))
    expect(headerRows).toEqual([2, 4, 6])
    const regions = screen.getAllByRole('region')
    expect(regions).toHaveLength(6)
    for (const r of regions) {
      // Every column: one cell per lane, in lane order, each in the row under its lane's header.
      expect(cells(r).map(laneOfCell)).toEqual(['6', '5', 'none'])
      expect(cells(r).map((c) => Number(c.style.gridRow))).toEqual(headerRows.map((n) => n + 1))
      expect(r.style.gridRow).toBe('1 / span 7')
      expect(r).toHaveClass('grid-rows-subgrid')
    }
    expect(
      within(region('New')).getByRole('button', { name: /^#8 / }).closest('[data-cell]'),
    ).toHaveAttribute('data-cell', '6|1')
  })

  it('collapses a lane to its header with the count, keeps that in the URL, and expands it', async () => {
    const first = fakeTracker(developer)
    const user = userEvent.setup()
    const { router, unmount } = renderBoard(first.tracker, byAssignee)
    await screen.findByRole('region', { name: /^New, 4 issues/ })
    await user.click(laneButton('John Smith'))
    await waitFor(() => expect(laneButton('John Smith')).toHaveAttribute('aria-expanded', 'false'))
    expect(laneButton('John Smith')).toHaveAccessibleName('Swimlane John Smith, 3 issues')
    expect(screen.queryByRole('button', { name: /^#7 / })).not.toBeInTheDocument()
    for (const r of screen.getAllByRole('region'))
      expect(cells(r).map(laneOfCell)).toEqual(['6', 'none'])
    expect(router.state.location.search).toMatchObject({ collapsedLanes: ['5'] })
    const href = router.state.location.href

    // The same URL opens the board with the lane still collapsed.
    unmount()
    const second = renderBoard(fakeTracker(developer).tracker, href)
    await screen.findByRole('region', { name: /^New, 4 issues/ })
    expect(laneButton('John Smith')).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('button', { name: /^#7 / })).not.toBeInTheDocument()
    await user.click(laneButton('John Smith'))
    expect(await screen.findByRole('button', { name: /^#7 / })).toBeInTheDocument()
    expect(laneButton('John Smith')).toHaveAttribute('aria-expanded', 'true')
    expect(second.router.state.location.href).not.toContain('collapsedLanes')
  })

  it('moves a card down to the next lane shown, skipping a collapsed lane', async () => {
    const { tracker, fake } = fakeTracker(developer)
    const user = userEvent.setup()
    renderBoard(tracker, `${byAssignee}&collapsedLanes=${encodeURIComponent('["5"]')}`)
    await screen.findByRole('region', { name: /^New, 4 issues/ })
    expect(laneButton('John Smith')).toHaveAttribute('aria-expanded', 'false')
    card(8).focus()
    await user.keyboard(' ')
    await waitFor(() => expect(fake.getIssue).toHaveBeenCalledWith(8, expect.anything()))
    await user.keyboard('{ArrowDown}')
    expect(await screen.findByText('#8 is over New.')).toBeInTheDocument()
    await user.keyboard(' ')
    expect(await screen.findByText('Moved #8 to New, Unassigned.')).toBeInTheDocument()
    expect(fake.updateIssue).toHaveBeenCalledWith(8, { assigneeId: null }, undefined)
  })
})
