import type { Toast } from '../use-toasts'

/** Move results, announced politely to screen readers; errors stay until dismissed. */
export function BoardToasts({
  toasts,
  onDismiss,
}: {
  toasts: Toast[]
  onDismiss: (id: number) => void
}) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          className={
            t.tone === 'error'
              ? 'flex items-start gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 shadow dark:border-red-800 dark:bg-red-950 dark:text-red-100'
              : 'flex items-start gap-2 rounded-md border border-slate-300 bg-white p-3 text-sm shadow dark:border-slate-700 dark:bg-slate-900'
          }
        >
          <p className="flex-1">{t.message}</p>
          {t.retry && (
            <button
              type="button"
              className="font-semibold underline"
              onClick={() => {
                onDismiss(t.id)
                t.retry?.()
              }}
            >
              Retry
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
