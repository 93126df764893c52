/**
 * Scroll-container sizes for @tanstack/react-virtual, read after layout only. The library's own
 * observer reads `clientHeight` as the list mounts: inside React's commit, that forces a layout
 * of the whole page before the frame's own (about 25 ms for the issue table on a warm start).
 * This one waits for the ResizeObserver's first entry, which comes after the frame's layout; until
 * then the virtualizer uses its `initialRect`, which the caller estimates from the window.
 */
import type { Rect, Virtualizer } from '@tanstack/react-virtual'

export function observeRectAfterLayout<S extends Element, I extends Element>(
  instance: Virtualizer<S, I>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement
  if (!element || typeof ResizeObserver === 'undefined') return undefined
  const observer = new ResizeObserver(([entry]) => {
    if (!entry) return
    // The content box: what clientWidth/clientHeight give without scrollbars and padding.
    const { width, height } = entry.contentRect
    cb({ width: Math.round(width), height: Math.round(height) })
  })
  observer.observe(element, { box: 'content-box' })
  return () => observer.disconnect()
}

/** The height of `fraction` of the window minus `minus` px: a CSS size the container will have. */
export const windowHeight = (fraction: number, minus = 0): number =>
  typeof window === 'undefined'
    ? 700
    : Math.max(0, Math.round(window.innerHeight * fraction - minus))
