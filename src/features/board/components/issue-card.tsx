import { useDraggable } from '@dnd-kit/core'
import { Link } from '@tanstack/react-router'
import clsx from 'clsx'
import { memo, useRef, type MouseEvent, type PointerEvent } from 'react'
import type { ConnectionId, Issue } from '../../../trackers/tracker'
import { initials, isOverdue } from '../card-style'

export interface CardInfo {
  conn: ConnectionId
  color: string
  today: string
  /** Subtasks among the loaded issues; null when unknown. */
  subtasks: number | null
}

/** The pointer travel (px) that starts a drag (the PointerSensor's activation distance). */
export const DRAG_DISTANCE = 6

export function dragId(id: number): string {
  return `issue|${id}`
}

/**
 * What a card shows; also rendered in the DragOverlay. Memoized on primitive props: dnd-kit
 * re-renders every draggable on drag start and end, and the body (with its Link) need not follow.
 */
export const CardBody = memo(function CardBody({
  issue,
  overlay = false,
  ...info
}: { issue: Issue; overlay?: boolean } & CardInfo) {
  const overdue = isOverdue(issue, info.today)
  return (
    <div
      className="relative flex flex-col gap-1 rounded-md border border-slate-200 border-l-4 bg-white p-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900"
      style={{ borderLeftColor: info.color }}
    >
      <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        <span className="font-mono">#{issue.id}</span>
        <span>{issue.tracker.name}</span>
        <span className="sr-only">priority {issue.priority.name}</span>
        {issue.assignee && (
          <span
            className="ml-auto rounded-full bg-indigo-100 px-1.5 py-0.5 font-semibold text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100"
            title={issue.assignee.name}
            aria-label={`assigned to ${issue.assignee.name}`}
          >
            {initials(issue.assignee.name)}
          </span>
        )}
      </div>
      {overlay ? (
        // The picture under the pointer while dragging: no second link to the issue (and no
        // router work on pickup).
        <span className="font-medium text-slate-900 dark:text-slate-100">{issue.subject}</span>
      ) : (
        <Link
          to="/$conn/issues/$id"
          params={{ conn: info.conn, id: issue.id }}
          className="font-medium text-slate-900 after:absolute after:inset-0 hover:underline dark:text-slate-100"
          draggable={false}
          // Hovering cards while dragging must not preload issue pages (chunk + fetch per card).
          preload={false}
        >
          {issue.subject}
        </Link>
      )}
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        {issue.dueDate && (
          <span className={clsx(overdue && 'font-semibold text-red-700 dark:text-red-400')}>
            {overdue ? 'Overdue: ' : 'Due '}
            {issue.dueDate}
          </span>
        )}
        {issue.attachmentCount !== null && issue.attachmentCount > 0 && (
          <span aria-label={`${issue.attachmentCount} attachments`}>📎{issue.attachmentCount}</span>
        )}
        {info.subtasks !== null && info.subtasks > 0 && (
          <span aria-label={`${info.subtasks} subtasks`}>⑂{info.subtasks}</span>
        )}
        {issue.doneRatio > 0 && (
          <span className="ml-auto flex items-center gap-1" aria-label={`${issue.doneRatio}% done`}>
            <span className="h-1.5 w-12 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
              <span
                className="block h-full bg-emerald-500"
                style={{ width: `${issue.doneRatio}%` }}
              />
            </span>
          </span>
        )}
      </div>
    </div>
  )
})

/** Props are the issue plus primitives, so memo skips every card a move did not touch. */
export const IssueCard = memo(function IssueCard({ issue, ...info }: { issue: Issue } & CardInfo) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: dragId(issue.id),
    data: { issue },
  })
  // A drag cancelled with Escape still ends in a click on the card's link when the button comes
  // up (dnd-kit only swallows the click after a drop): a mouse click far from where the button
  // went down is a drag, never a request to open the issue.
  const down = useRef<{ x: number; y: number } | null>(null)
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    down.current = { x: e.clientX, y: e.clientY }
    listeners?.onPointerDown?.(e)
  }
  const onClickCapture = (e: MouseEvent) => {
    const from = down.current
    down.current = null
    if (
      e.detail > 0 &&
      from &&
      Math.hypot(e.clientX - from.x, e.clientY - from.y) >= DRAG_DISTANCE
    ) {
      e.preventDefault()
      e.stopPropagation()
    }
  }
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onPointerDown={onPointerDown}
      onClickCapture={onClickCapture}
      data-card={issue.id}
      aria-roledescription="draggable issue"
      aria-label={`#${issue.id} ${issue.subject}`}
      className={clsx(
        'touch-manipulation rounded-md outline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-600',
        isDragging && 'opacity-30',
      )}
    >
      <CardBody issue={issue} {...info} />
    </div>
  )
})
