import type { Column } from '../columns'

/** Show or hide columns; the choice lives in the URL (`columns`). */
export function ColumnChooser({
  available,
  visible,
  onChange,
}: {
  available: readonly Column[]
  visible: readonly string[]
  onChange: (ids: string[]) => void
}) {
  const toggle = (id: string) =>
    onChange(
      visible.includes(id)
        ? visible.filter((v) => v !== id)
        : // Keep the chooser's order so a column comes back where it was.
          available.map((c) => c.id).filter((c) => c === id || visible.includes(c)),
    )
  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer rounded-md px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
        Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 max-h-80 w-56 overflow-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">Visible columns</legend>
        {available.map((c) => (
          <label key={c.id} className="flex items-center gap-2 py-0.5">
            <input type="checkbox" checked={visible.includes(c.id)} onChange={() => toggle(c.id)} />
            {c.header}
          </label>
        ))}
      </fieldset>
    </details>
  )
}
