import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Moves a card with the keyboard as a screen-reader user would: Space to pick it up, arrows,
 * Space to drop, each step once the board has announced the previous one.
 */
export async function keyboardMove(
  page: Page,
  card: Locator,
  key: 'ArrowLeft' | 'ArrowRight',
  id: number,
  to: string,
) {
  const announced = (text: string) => page.getByText(new RegExp(`^#${id} is over ${text}`)).first()
  await card.focus()
  await page.keyboard.press('Space')
  await expect(announced('')).toBeAttached()
  await page.keyboard.press(key)
  await expect(announced(to)).toBeAttached()
  await page.keyboard.press('Space')
}

/**
 * Opens a board URL signed out: the app sends us to sign in and, once the key is accepted, back to
 * that URL (one page load instead of two).
 */
export async function openBoardAs(page: Page, key: string, url: string) {
  await page.goto(url)
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: /^Board of / })).toBeVisible()
}

export const cardIn = (page: Page, column: RegExp, id: number) =>
  page.getByRole('region', { name: column }).getByRole('button', { name: new RegExp(`^#${id} `) })

/** A drop cell: `laneKey` is the swimlane value's id (`all` without swimlanes, `none` for none). */
export const cell = (page: Page, laneKey: string | number, statusId: number) =>
  page.locator(`[data-cell="${laneKey}|${statusId}"]`)

/** A message the board shows (a toast), not one of dnd-kit's screen-reader-only announcements. */
export const boardMessage = (page: Page, text: string | RegExp) =>
  page
    .getByRole('status')
    .and(page.locator(':not([id^="DndLiveRegion"])'))
    .filter({ hasText: text })

/**
 * Waits for the app's own read of the workflow (`include=allowed_statuses`), which a drag
 * start triggers; start waiting before the drag. Observes the response, changes nothing.
 */
export function workflowRead(page: Page, id: number): Promise<void> {
  return page
    .waitForResponse((r) => {
      const u = new URL(r.url())
      return (
        r.request().method() === 'GET' &&
        u.pathname.endsWith(`/issues/${id}.json`) &&
        (u.searchParams.get('include') ?? '').includes('allowed_statuses')
      )
    })
    .then(async (r) => {
      expect(r.ok(), `workflow read of #${id}: HTTP ${r.status()}`).toBe(true)
      await r.finished()
      // Let the app's promise chain (parse, then the drag state) run before going on.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
    })
}

/**
 * Drags `card` onto `target` with the mouse as a person would: press, move past dnd-kit's 6 px
 * activation distance in small steps, glide to the target, release. `whileHeld` runs once the card
 * is picked up and before it moves towards the target (e.g. to wait for the workflow read);
 * `beforeDrop` runs over the target just before release. The drop target is confirmed by the
 * board's own announcement (`#id is over <status>`) before the button is released.
 */
export async function pointerDrag(
  page: Page,
  card: Locator,
  target: Locator,
  o: {
    id: number
    over: string
    whileHeld?: () => Promise<void>
    beforeDrop?: () => Promise<void>
  },
) {
  await card.scrollIntoViewIfNeeded()
  const from = await card.boundingBox()
  if (!from) throw new Error(`#${o.id}: the card has no box`)
  const x0 = from.x + from.width / 2
  const y0 = from.y + Math.min(from.height / 2, 20)
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  await page.mouse.move(x0 + 4, y0 + 4, { steps: 2 })
  await page.mouse.move(x0 + 12, y0 + 12, { steps: 4 })
  // Picked up: the board announces it, then at once where the card is over.
  await expect(
    page.getByText(new RegExp(`^(Picked up #${o.id} |#${o.id} is over )`)).first(),
  ).toBeAttached()
  await o.whileHeld?.()
  const to = await target.boundingBox()
  if (!to) throw new Error(`#${o.id}: the drop target has no box`)
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 24), { steps: 12 })
  await expect(page.getByText(new RegExp(`^#${o.id} is over ${o.over}\\b`)).first()).toBeAttached()
  await o.beforeDrop?.()
  await page.mouse.up()
}
