/**
 * Board-only view settings in the URL, on top of the shared issue search (filters, scope).
 * Every field falls back to its default on bad input.
 */
import { z } from 'zod'
import { SWIMLANE_FIELDS } from './board-lanes'
import { CARD_ORDERS } from './board-order'
import { issueSearchObject } from './issue-search'

export const boardSearchObject = issueSearchObject.extend({
  swimlane: z.enum(SWIMLANE_FIELDS).catch('none'),
  /** Status id -> WIP limit. */
  wip: z.record(z.string().regex(/^\d+$/), z.coerce.number().int().positive()).catch({}),
  /** Full columns refuse drops. */
  wipBlock: z.boolean().catch(false),
  order: z.enum(CARD_ORDERS).catch('priority'),
  collapseClosed: z.boolean().catch(true),
  hideEmpty: z.boolean().catch(false),
})

export type BoardSearch = z.infer<typeof boardSearchObject>

export const boardSearchDefaults: BoardSearch = boardSearchObject.parse({})

/** The board settings part of a search (what BoardView needs besides the issues). */
export type BoardSettings = Pick<
  BoardSearch,
  'swimlane' | 'wip' | 'wipBlock' | 'order' | 'collapseClosed' | 'hideEmpty'
>

export function boardSettings(s: BoardSearch): BoardSettings {
  const { swimlane, wip, wipBlock, order, collapseClosed, hideEmpty } = s
  return { swimlane, wip, wipBlock, order, collapseClosed, hideEmpty }
}
