/** Light, dark, or following the system; saved in localStorage (index.html applies it before paint). */
export type ThemeChoice = 'system' | 'light' | 'dark'
export const THEME_KEY = 'trackboard.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

export function readTheme(): ThemeChoice {
  const v = localStorage.getItem(THEME_KEY)
  return v === 'light' || v === 'dark' ? v : 'system'
}

function paint(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && matchMedia(DARK_QUERY).matches)
  const root = document.documentElement
  root.classList.toggle('dark', dark)
  // Native controls (select menus, scrollbars) follow the chosen theme, not only the system's.
  root.style.colorScheme = dark ? 'dark' : 'light'
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') localStorage.removeItem(THEME_KEY)
  else localStorage.setItem(THEME_KEY, choice)
  paint(choice)
}

/** Repaints when the system theme changes while the choice is "system". Returns the unsubscribe. */
export function followSystemTheme(): () => void {
  const mq = matchMedia(DARK_QUERY)
  const onChange = () => {
    if (readTheme() === 'system') paint('system')
  }
  mq.addEventListener('change', onChange)
  paint(readTheme())
  return () => mq.removeEventListener('change', onChange)
}
