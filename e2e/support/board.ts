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

export const cardIn = (page: Page, column: RegExp, id: number) =>
  page.getByRole('region', { name: column }).getByRole('button', { name: new RegExp(`^#${id} `) })
