/** Merging a refresh into the loaded issues (pure). */
import type { Issue, IssueId } from './model'

/**
 * Applies changed issues to a list: replaces known ones, adds new ones that belong, removes those
 * that no longer belong (e.g. closed while the scope is "open"). Keeps the list's order for
 * untouched issues; added issues go first (newest). Returns the same array when nothing changed (same `updatedOn`).
 */
export function mergeChanged(
  current: readonly Issue[],
  changed: readonly Issue[],
  belongs: (i: Issue) => boolean,
): Issue[] {
  if (changed.length === 0) return current as Issue[]
  const byId = new Map<IssueId, Issue>(changed.map((i) => [i.id, i]))
  const known = new Set<IssueId>()
  const next: Issue[] = []
  let touched = false
  for (const i of current) {
    known.add(i.id)
    const c = byId.get(i.id)
    // "Updated since" includes its bound, so the newest issue comes back every time unchanged.
    if (!c || (c.updatedOn === i.updatedOn && belongs(c))) next.push(i)
    else {
      touched = true
      if (belongs(c)) next.push(c)
    }
  }
  const added = changed.filter((c) => !known.has(c.id) && belongs(c))
  if (!touched && added.length === 0) return current as Issue[]
  return [...added, ...next]
}

/** The newest `updatedOn` in a list: where the next delta refresh starts. */
export function newestUpdate(issues: readonly Issue[]): string | null {
  let max: string | null = null
  for (const i of issues) if (max === null || i.updatedOn > max) max = i.updatedOn
  return max
}
