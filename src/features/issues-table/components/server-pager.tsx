import { Button } from '../../../components/ui/button'
import { formatCount } from '../../../lib/format-count'
import { overCapText, type ServerPaging } from '../../../store'

/**
 * For scopes above the issue cap: says the list is paged and filtered on the tracker (and which
 * filters the tracker cannot apply), with previous/next buttons and "page X of Y".
 */
export function ServerPager({ paging }: { paging: ServerPaging }) {
  const { page, pageCount, total, scopeTotal, cap, notApplied, isFetching, setPage } = paging
  return (
    <div className="space-y-2 text-sm">
      <p
        role="note"
        className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
      >
        {overCapText(scopeTotal, cap)}, so it is shown one page at a time, sorted and filtered by
        the tracker.
        {notApplied.length > 0 && (
          <>
            {' '}
            Not applied by the tracker: {notApplied.join(', ')}. These only narrow the page shown.
          </>
        )}
      </p>
      <nav aria-label="Issue pages" className="flex items-center gap-2">
        <Button onClick={() => setPage(page - 1)} disabled={page <= 1}>
          Previous page
        </Button>
        <span aria-live="polite" aria-atomic="true" aria-busy={isFetching}>
          Page {formatCount(page)} of {formatCount(pageCount)} ({formatCount(total)} issues)
        </span>
        <Button onClick={() => setPage(page + 1)} disabled={page >= pageCount}>
          Next page
        </Button>
      </nav>
    </div>
  )
}
