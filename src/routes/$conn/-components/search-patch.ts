/**
 * How a view's own controls (filters, sort, columns, board settings) change the URL: in place (no
 * history entry per click), and without the router's scroll reset, which would jump the page to
 * the top on every filter change and force a layout before the new rows are painted.
 */
export const SEARCH_PATCH = { replace: true, resetScroll: false } as const
