import clsx from 'clsx'
import type { ReactNode } from 'react'
import { focusRing } from '../../../components/ui/button'

/** Props for one entry of the switch: the current view is marked for people and assistive tech. */
export function viewItemProps(active: boolean) {
  return {
    className: clsx(
      `rounded px-2.5 py-1 text-sm ${focusRing}`,
      active && 'bg-white font-semibold shadow-sm dark:bg-slate-700',
    ),
    ...(active ? { 'aria-current': 'page' as const } : {}),
  }
}

/** "Table | Board" as a pair of links: each view is its own URL. */
export function ViewSwitch({ children }: { children: ReactNode }) {
  return (
    <nav
      aria-label="View"
      className="inline-flex gap-1 rounded-md bg-slate-100 p-0.5 dark:bg-slate-800"
    >
      {children}
    </nav>
  )
}
