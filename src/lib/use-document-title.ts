import { useEffect } from 'react'

/** Sets the tab title to `<parts> · Trackboard` (screen readers announce it on navigation). */
export function useDocumentTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'Trackboard'].join(' · ')
  useEffect(() => {
    document.title = title
  }, [title])
}
