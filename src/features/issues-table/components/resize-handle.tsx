import type { Header } from '@tanstack/react-table'
import type { Issue } from '../../../trackers/tracker'

/**
 * The right edge of a column header: drag it to resize the column (TanStack Table reports the
 * new width on release, so the URL changes once); double-click to go back to the default width.
 * Not focusable: widths are a pointer nicety, nothing depends on them.
 */
export function ResizeHandle({ header, label }: { header: Header<Issue, unknown>; label: string }) {
  const resize = header.getResizeHandler()
  return (
    <span
      aria-hidden
      data-resize-handle={header.column.id}
      title={`Drag to resize ${label}`}
      onMouseDown={(e) => {
        // No text selection while dragging.
        e.preventDefault()
        resize(e)
      }}
      onTouchStart={resize}
      onDoubleClick={() => header.column.resetSize()}
      className="absolute top-0 right-0 h-full w-1.5 cursor-col-resize touch-none hover:bg-indigo-400 data-[resizing]:bg-indigo-500"
      data-resizing={header.column.getIsResizing() || undefined}
    />
  )
}
