/** Work-in-progress limits per column (status id -> limit). */

export type WipLimits = Record<string, number>

export interface WipState {
  count: number
  limit: number | null
  /** More cards than the limit. */
  over: boolean
  /** Exactly at the limit: one more card would go over. */
  full: boolean
}

export function wipState(count: number, limit: number | null | undefined): WipState {
  const l = limit !== undefined && limit !== null && limit > 0 ? limit : null
  return { count, limit: l, over: l !== null && count > l, full: l !== null && count >= l }
}

/** Whether a drop into a column is refused by its limit (only when limits block drops). */
export function wipBlocksDrop(
  target: WipState,
  { blocking, sameColumn }: { blocking: boolean; sameColumn: boolean },
): boolean {
  return blocking && !sameColumn && target.full
}
