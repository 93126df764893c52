/**
 * Board moves by mouse on the bundled tracker, checked through the tracker's own API. Each test
 * creates its issues with a unique word in the subject and opens the board filtered to that word
 * (`q=`), so the board holds only those cards and stays the same size whatever the seed holds.
 */
import type { Page } from '@playwright/test'
import {
  boardMessage,
  cardIn,
  cell,
  openBoardAs,
  pointerDrag,
  workflowRead,
} from '../support/board'
import { expect, test } from '../support/test'

test.use({ viewport: { width: 1920, height: 1080 } })

type DemoUser = { login: string; apiKey: string }
type Issue = {
  id: number
  status: { id: number; name: string }
  assigned_to?: { id: number; name: string }
  journals?: {
    user: { name: string }
    details: { name: string; old_value: string; new_value: string }[]
  }[]
}

let keys: Record<string, string> | undefined
/** The demo users' API keys, as the server's config lists them. */
async function demoKey(page: Page, login: string): Promise<string> {
  if (!keys) {
    const config = await (await page.request.get('/api/config')).json()
    const users = config.trackers[0].demoUsers as DemoUser[]
    keys = Object.fromEntries(users.map((u) => [u.login, u.apiKey]))
  }
  return keys![login]!
}

/** The bundled tracker's API as admin, straight to the tracker (not through the app). */
async function api<T>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`/t/local${path}`, {
    method,
    headers: {
      'X-Redmine-API-Key': await demoKey(page, 'admin'),
      'Content-Type': 'application/json',
    },
    data: data === undefined ? undefined : JSON.stringify(data),
  })
  expect(res.ok(), `${method} ${path}: HTTP ${res.status()}`).toBe(true)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

const getIssue = async (page: Page, id: number) =>
  (await api<{ issue: Issue }>(page, 'GET', `/issues/${id}.json?include=journals`)).issue

async function statusIds(page: Page): Promise<Record<string, number>> {
  const { issue_statuses } = await api<{ issue_statuses: { id: number; name: string }[] }>(
    page,
    'GET',
    '/issue_statuses.json',
  )
  return Object.fromEntries(issue_statuses.map((s) => [s.name, s.id]))
}

/** Creates issues in demo whose subjects share a unique word; deletes them after `body`. */
async function withIssues(
  page: Page,
  assignees: (number | undefined)[],
  body: (ids: number[], word: string) => Promise<void>,
) {
  const word = `pointer${Date.now().toString(36)}`
  const { project } = await api<{ project: { id: number } }>(page, 'GET', '/projects/demo.json')
  const ids: number[] = []
  try {
    for (const [n, assigned_to_id] of assignees.entries()) {
      const { issue } = await api<{ issue: { id: number } }>(page, 'POST', '/issues.json', {
        issue: { project_id: project.id, subject: `e2e ${word} ${n}`, assigned_to_id },
      })
      ids.push(issue.id)
    }
    await body(ids, word)
  } finally {
    for (const id of ids) await api(page, 'DELETE', `/issues/${id}.json`)
  }
}

test('a card dragged with the mouse to another status changes it on the tracker, with a journal', async ({
  page,
}) => {
  const status = await statusIds(page)
  await withIssues(page, [undefined], async ([id], word) => {
    // Manager in demo: New -> In Progress is allowed
    await openBoardAs(page, await demoKey(page, 'dlopper'), `/local/projects/demo/board?q=${word}`)
    await pointerDrag(page, cardIn(page, /^New/, id!), cell(page, 'all', status['In Progress']!), {
      id: id!,
      over: 'In Progress',
    })
    await expect(page.getByText(`Moved #${id} to In Progress.`).first()).toBeAttached()
    await expect(cardIn(page, /^In Progress/, id!)).toBeVisible()
    await expect(cardIn(page, /^New/, id!)).toHaveCount(0)

    const after = await getIssue(page, id!)
    expect(after.status.name).toBe('In Progress')
    expect(after.journals?.at(-1)).toMatchObject({
      user: { name: 'Dave Lopper' },
      details: [
        expect.objectContaining({
          name: 'status_id',
          old_value: String(status.New),
          new_value: String(status['In Progress']),
        }),
      ],
    })
  })
})

test('a Developer dragging a Closed card with the mouse is refused: the card stays, nothing is sent', async ({
  page,
}) => {
  const status = await statusIds(page)
  await withIssues(page, [undefined], async ([id], word) => {
    await api(page, 'PUT', `/issues/${id}.json`, { issue: { status_id: status.Closed } })
    // Developer in demo: allowed_statuses of a Closed issue is []
    await openBoardAs(
      page,
      await demoKey(page, 'jsmith'),
      `/local/projects/demo/board?status=all&collapseClosed=false&q=${word}`,
    )
    const writes: string[] = []
    page.on('request', (r) => {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(r.method())) writes.push(`${r.method()} ${r.url()}`)
    })
    const read = workflowRead(page, id!)
    await pointerDrag(page, cardIn(page, /^Closed/, id!), cell(page, 'all', status.Feedback!), {
      id: id!,
      over: 'Feedback',
      whileHeld: () => read,
      beforeDrop: () =>
        expect(
          page.getByText(new RegExp(`^#${id} is over Feedback\\. #${id} cannot move`)).first(),
        ).toBeAttached(),
    })
    await expect(
      boardMessage(
        page,
        `#${id} cannot move from Closed to Feedback: the workflow does not allow it for you.`,
      ),
    ).toBeVisible()
    await expect(cardIn(page, /^Closed/, id!)).toBeVisible()
    await expect(cardIn(page, /^Feedback/, id!)).toHaveCount(0)
    expect(writes).toEqual([])
    expect((await getIssue(page, id!)).status.name).toBe('Closed')
  })
})

test('a move the tracker ignores (closed by someone else mid-drag) rolls back with a message', async ({
  page,
}) => {
  const status = await statusIds(page)
  await withIssues(page, [undefined], async ([id], word) => {
    // Developer in demo: New -> In Progress allowed, Closed -> nothing
    await openBoardAs(
      page,
      await demoKey(page, 'jsmith'),
      `/local/projects/demo/board?status=all&collapseClosed=false&q=${word}`,
    )
    const read = workflowRead(page, id!)
    await pointerDrag(page, cardIn(page, /^New/, id!), cell(page, 'all', status['In Progress']!), {
      id: id!,
      over: 'In Progress',
      whileHeld: () => read, // the app now knows New -> In Progress is allowed
      // Another user closes the issue while the card is in the air.
      beforeDrop: () =>
        api(page, 'PUT', `/issues/${id}.json`, { issue: { status_id: status.Closed } }),
    })
    await expect(
      boardMessage(page, `#${id} was not moved to In Progress: the tracker kept it in Closed`),
    ).toBeVisible()
    await expect(cardIn(page, /^In Progress/, id!)).toHaveCount(0)
    // After the refetch the board shows what the tracker holds.
    await expect(cardIn(page, /^Closed/, id!)).toBeVisible()
    const after = await getIssue(page, id!)
    expect(after.status.name).toBe('Closed')
    // The move was sent and ignored: the only status change on record is the admin's.
    expect(after.journals?.flatMap((j) => j.details).filter((d) => d.name === 'status_id')).toEqual(
      [expect.objectContaining({ new_value: String(status.Closed) })],
    )
  })
})

test('a card dragged into another assignee’s swimlane is reassigned (and moved to the new status)', async ({
  page,
}) => {
  const status = await statusIds(page)
  const jsmith = 5
  const dlopper = 6
  await withIssues(page, [jsmith, dlopper], async ([id], word) => {
    // Manager in demo
    await openBoardAs(
      page,
      await demoKey(page, 'dlopper'),
      `/local/projects/demo/board?swimlane=assignee&q=${word}`,
    )
    const from = cell(page, jsmith, status.New!)
    await expect(from.getByRole('button', { name: new RegExp(`^#${id} `) })).toBeVisible()
    await pointerDrag(
      page,
      from.getByRole('button', { name: new RegExp(`^#${id} `) }),
      cell(page, dlopper, status['In Progress']!),
      { id: id!, over: 'In Progress' },
    )
    await expect(page.getByText(`Moved #${id} to In Progress, Dave Lopper.`).first()).toBeAttached()
    await expect(
      cell(page, dlopper, status['In Progress']!).getByRole('button', {
        name: new RegExp(`^#${id} `),
      }),
    ).toBeVisible()
    await expect(from.getByRole('button', { name: new RegExp(`^#${id} `) })).toHaveCount(0)

    const after = await getIssue(page, id!)
    expect(after.assigned_to?.id).toBe(dlopper)
    expect(after.status.name).toBe('In Progress')
  })
})
