import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router'
import { act, render, screen, waitFor, within } from '@testing-library/react'
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
import { boardSearchObject } from '../../../domain/board-search'
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

function renderBoard(tracker: TrackerAdapter) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const search = boardSearchObject.parse({})
  const rootRoute = createRootRoute({
    component: () => (
      <TrackerProvider tracker={tracker}>
        <BoardView project="demo" search={search} onSearchChange={() => undefined} />
      </TrackerProvider>
    ),
  })
  const router = createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: ['/'] }),
  })
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
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
    console.log(
      'AFTER SPACE',
      document.activeElement?.outerHTML.slice(0, 200),
      [...document.querySelectorAll('[aria-live]')].map((e) => e.textContent),
    )
    await user.keyboard('{ArrowRight}')
    console.log(
      'AFTER RIGHT',
      [...document.querySelectorAll('[aria-live]')].map((e) => e.textContent),
    )
    await user.keyboard(' ')
    console.log(
      'AFTER DROP',
      [...document.querySelectorAll('[aria-live]')].map((e) => e.textContent),
    )

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
