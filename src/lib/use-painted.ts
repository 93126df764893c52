import { useEffect, useState } from 'react'

/**
 * False until the component's first frame is painted, then true for good: for work the first
 * screen does not need (requests that would queue ahead of the one it waits for, on a tracker
 * that serves one request at a time).
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    if (painted) return
    // A task queued from an animation frame callback runs once that frame is painted.
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0))
    return () => cancelAnimationFrame(frame)
  }, [painted])
  return painted
}
