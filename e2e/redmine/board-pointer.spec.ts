/**
 * Board moves by mouse on a real Redmine 5, checked through Redmine's own API. Each test creates
 * its issues with a unique word in the subject, opens the board filtered to that word (`q=`) and
 * deletes the issues afterwards: other runs share this Redmine.
 */
import {
  boardMessage,
  cardIn,
  cell,
  openBoardAs,
  pointerDrag,
  workflowRead,
} from '../support/board'
import { redmine, redmineApi } from '../support/redmine-env'
import { expect, test } from '../support/test'

test.use({ viewport: { width: 1920, height: 1080 } })

type Issue = {
  id: number
  status: { id: number; name: string }
  assigned_to?: { id: number; name: string }
  journals?: {
    user: { name: string }
    details: { name: string; old_value: string | null; new_value: string | null }[]
  }[]
}

async function userId(key: string): Promise<number> {
  const res = await fetch(`${redmine.url()}/users/current.json`, {
    headers: { 'X-Redmine-API-Key': key },
  })
  expect(res.ok).toBe(true)
  return ((await res.json()) as { user: { id: number } }).user.id
}

const getIssue = async (id: number) =>
  (await redmineApi<{ issue: Issue }>('GET', `/issues/${id}.json?include=journals`)).issue

async function statusIds(): Promise<Record<string, number>> {
  const { issue_statuses } = await redmineApi<{ issue_statuses: { id: number; name: string }[] }>(
    'GET',
    '/issue_statuses.json',
  )
  return Object.fromEntries(issue_statuses.map((s) => [s.name, s.id]))
}

/** Creates issues in demo whose subjects share a unique word; deletes them after `body`. */
async function withIssues(
  assignees: (number | undefined)[],
  body: (ids: number[], word: string) => Promise<void>,
) {
  const word = `pointer${Date.now().toString(36)}`
  const { project } = await redmineApi<{ project: { id: number } }>('GET', '/projects/demo.json')
  const ids: number[] = []
  try {
    for (const [n, assigned_to_id] of assignees.entries()) {
      const { issue } = await redmineApi<{ issue: { id: number } }>('POST', '/issues.json', {
        issue: { project_id: project.id, subject: `e2e ${word} ${n}`, assigned_to_id },
      })
      ids.push(issue.id)
    }
    await body(ids, word)
  } finally {
    for (const id of ids) await redmineApi('DELETE', `/issues/${id}.json`)
  }
}

test('on a real Redmine, a card dragged with the mouse changes its status, and Redmine records it', async ({
  page,
}) => {
  const status = await statusIds()
  await withIssues([undefined], async ([id], word) => {
    // Manager in demo: New -> In Progress is allowed
    await openBoardAs(page, redmine.dlopperKey(), `/main/projects/demo/board?q=${word}`)
    await pointerDrag(page, cardIn(page, /^New/, id!), cell(page, 'all', status['In Progress']!), {
      id: id!,
      over: 'In Progress',
    })
    await expect(page.getByText(`Moved #${id} to In Progress.`).first()).toBeAttached()
    await expect(cardIn(page, /^In Progress/, id!)).toBeVisible()
    await expect(cardIn(page, /^New/, id!)).toHaveCount(0)

    const after = await getIssue(id!)
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

test('on a real Redmine, a Developer dragging a Closed card with the mouse is refused: the card stays, nothing is sent', async ({
  page,
}) => {
  const status = await statusIds()
  await withIssues([undefined], async ([id], word) => {
    await redmineApi('PUT', `/issues/${id}.json`, { issue: { status_id: status.Closed } })
    // Developer in demo: allowed_statuses of Closed is []
    await openBoardAs(
      page,
      redmine.jsmithKey(),
      `/main/projects/demo/board?status=all&collapseClosed=false&q=${word}`,
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
    expect((await getIssue(id!)).status.name).toBe('Closed')
  })
})

test('on a real Redmine, a move Redmine ignores (closed by someone else mid-drag) rolls back with a message', async ({
  page,
}) => {
  const status = await statusIds()
  await withIssues([undefined], async ([id], word) => {
    // Developer: New -> In Progress allowed, Closed -> none
    await openBoardAs(
      page,
      redmine.jsmithKey(),
      `/main/projects/demo/board?status=all&collapseClosed=false&q=${word}`,
    )
    const read = workflowRead(page, id!)
    await pointerDrag(page, cardIn(page, /^New/, id!), cell(page, 'all', status['In Progress']!), {
      id: id!,
      over: 'In Progress',
      whileHeld: () => read, // the app now knows New -> In Progress is allowed
      // The admin closes the issue while the card is in the air.
      beforeDrop: () =>
        redmineApi('PUT', `/issues/${id}.json`, { issue: { status_id: status.Closed } }),
    })
    await expect(
      boardMessage(page, `#${id} was not moved to In Progress: the tracker kept it in Closed`),
    ).toBeVisible()
    await expect(cardIn(page, /^In Progress/, id!)).toHaveCount(0)
    // After the refetch the board shows what Redmine holds.
    await expect(cardIn(page, /^Closed/, id!)).toBeVisible()
    const after = await getIssue(id!)
    expect(after.status.name).toBe('Closed')
    // Redmine answered 204 and kept Closed: the only status change on record is the admin's.
    expect(after.journals?.flatMap((j) => j.details).filter((d) => d.name === 'status_id')).toEqual(
      [expect.objectContaining({ new_value: String(status.Closed) })],
    )
  })
})

test('on a real Redmine, a card dragged into another assignee’s swimlane is reassigned (and moved to the new status)', async ({
  page,
}) => {
  const status = await statusIds()
  const [jsmith, dlopper] = await Promise.all([
    userId(redmine.jsmithKey()),
    userId(redmine.dlopperKey()),
  ])
  await withIssues([jsmith, dlopper], async ([id], word) => {
    // Manager in demo
    await openBoardAs(
      page,
      redmine.dlopperKey(),
      `/main/projects/demo/board?swimlane=assignee&q=${word}`,
    )
    const card = (laneKey: number, statusId: number) =>
      cell(page, laneKey, statusId).getByRole('button', { name: new RegExp(`^#${id} `) })
    await pointerDrag(
      page,
      card(jsmith, status.New!),
      cell(page, dlopper, status['In Progress']!),
      {
        id: id!,
        over: 'In Progress',
      },
    )
    await expect(page.getByText(`Moved #${id} to In Progress, Dave Lopper.`).first()).toBeAttached()
    await expect(card(dlopper, status['In Progress']!)).toBeVisible()
    await expect(card(jsmith, status.New!)).toHaveCount(0)

    const after = await getIssue(id!)
    expect(after.assigned_to?.id).toBe(dlopper)
    expect(after.status.name).toBe('In Progress')
  })
})
