/**
 * Board-only view settings in the URL, on top of the shared issue search (filters, scope).
 * Every field falls back to its default on bad input.
 */
import { z } from 'zod'
import { SWIMLANE_FIELDS } from './board-lanes'
import { CARD_ORDERS } from './board-order'
import { fallback, issueSearchObject } from './issue-search'

export const boardSearchObject = issueSearchObject.extend({
  swimlane: fallback(z.enum(SWIMLANE_FIELDS), 'none'),
  /** Status id -> WIP limit. */
  wip: fallback(z.record(z.string().regex(/^\d+$/), z.coerce.number().int().positive()), {}),
  /** Full columns refuse drops. */
  wipBlock: fallback(z.boolean(), false),
  order: fallback(z.enum(CARD_ORDERS), 'priority'),
  collapseClosed: fallback(z.boolean(), true),
  hideEmpty: fallback(z.boolean(), false),
  /** Keys of the swimlanes shown collapsed (header only); cleared when the lane field changes. */
  collapsedLanes: fallback(z.array(z.string().max(100)).max(500), []),
})

export type BoardSearch = z.infer<typeof boardSearchObject>

export const boardSearchDefaults: BoardSearch = boardSearchObject.parse({})

/** The board settings part of a search (what BoardView needs besides the issues). */
export type BoardSettings = Pick<
  BoardSearch,
  'swimlane' | 'wip' | 'wipBlock' | 'order' | 'collapseClosed' | 'hideEmpty' | 'collapsedLanes'
>

export function boardSettings(s: BoardSearch): BoardSettings {
  const { swimlane, wip, wipBlock, order, collapseClosed, hideEmpty, collapsedLanes } = s
  return { swimlane, wip, wipBlock, order, collapseClosed, hideEmpty, collapsedLanes }
}
