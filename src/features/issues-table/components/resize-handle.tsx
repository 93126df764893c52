import type { PointerEvent } from 'react'

/**
 * The right edge of a column header: drag it to resize the column (the new width is reported on
 * release, so the URL changes once). Not focusable: widths are a pointer nicety, nothing depends
 * on them.
 */
export function ResizeHandle({
  label,
  onResize,
}: {
  label: string
  onResize: (px: number) => void
}) {
  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    const th = e.currentTarget.parentElement
    if (!th) return
    e.preventDefault()
    const startX = e.clientX
    const startW = th.getBoundingClientRect().width
    const widthAt = (x: number) => Math.round(Math.max(40, startW + x - startX))
    const move = (ev: globalThis.PointerEvent) => {
      th.style.width = `${widthAt(ev.clientX)}px`
    }
    const up = (ev: globalThis.PointerEvent) => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      onResize(widthAt(ev.clientX))
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  return (
    <span
      aria-hidden
      title={`Drag to resize ${label}`}
      onPointerDown={onPointerDown}
      className="absolute top-0 right-0 h-full w-1.5 cursor-col-resize touch-none hover:bg-indigo-400 focus-visible:bg-indigo-500"
    />
  )
}
