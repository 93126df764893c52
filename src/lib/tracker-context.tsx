import { createContext, useContext, type ReactNode } from 'react'
import type { TrackerAdapter } from '../trackers/tracker'

const TrackerContext = createContext<TrackerAdapter | null>(null)

/** Provided by the `/$conn` layout route once the user is signed in to that connection. */
export function TrackerProvider({
  tracker,
  children,
}: {
  tracker: TrackerAdapter
  children: ReactNode
}) {
  return <TrackerContext.Provider value={tracker}>{children}</TrackerContext.Provider>
}

export function useTracker(): TrackerAdapter {
  const t = useContext(TrackerContext)
  if (!t) throw new Error('useTracker() used outside a signed-in connection')
  return t
}
