import clsx from 'clsx'
import { useMemo } from 'react'
import type { TextFormat } from '../../domain/model'
import { renderTrackerText } from '../../lib/render-text'

/** Typography for rendered tracker text (Tailwind's reset strips list bullets and heading sizes). */
const textClass = clsx(
  'space-y-2 break-words text-sm leading-relaxed',
  '[&_h1]:text-lg [&_h1]:font-semibold [&_h2]:text-base [&_h2]:font-semibold [&_h3]:font-semibold',
  '[&_ul]:list-disc [&_ol]:list-decimal [&_ul]:pl-5 [&_ol]:pl-5',
  '[&_a]:text-indigo-700 [&_a]:underline dark:[&_a]:text-indigo-300',
  '[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 dark:[&_code]:bg-slate-800',
  '[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-2 dark:[&_pre]:bg-slate-800',
  '[&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 dark:[&_blockquote]:border-slate-600',
  '[&_table]:border-collapse [&_td]:border [&_td]:border-slate-300 [&_td]:px-2 [&_th]:border [&_th]:border-slate-300 [&_th]:px-2 dark:[&_td]:border-slate-700 dark:[&_th]:border-slate-700',
)

/** Tracker text (Textile, Markdown, HTML, plain), rendered and sanitized before it reaches the DOM. */
export function TrackerText({
  source,
  format,
  className,
}: {
  source: string
  format: TextFormat
  className?: string
}) {
  const html = useMemo(() => renderTrackerText(source, format), [source, format])
  return <div className={clsx(textClass, className)} dangerouslySetInnerHTML={{ __html: html }} />
}
