import { Link } from '@tanstack/react-router'
import { focusRing } from '../../../components/ui/button'
import { boardSearchDefaults } from '../../../domain/board-search'
import type { ConnectionId } from '../../../trackers/tracker'
import type { ProjectNode } from '../project-tree'

const linkClass = `rounded px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800 ${focusRing}`

/** One project in the tree: expand toggle, name, private mark, links to its issues and board. */
export function ProjectRow({
  conn,
  node,
  expanded,
  onToggle,
}: {
  conn: ConnectionId
  node: ProjectNode
  /** null when the toggle does not apply (no subprojects, or a search is showing matches). */
  expanded: boolean | null
  onToggle: () => void
}) {
  const { project, depth } = node
  return (
    <li
      className="flex items-center gap-2 px-2 py-1.5 hover:bg-slate-50 dark:hover:bg-slate-900"
      style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}
    >
      {expanded === null ? (
        <span aria-hidden className="w-6 shrink-0" />
      ) : (
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${project.name}`}
          className={`flex h-6 w-6 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700 ${focusRing}`}
        >
          <svg
            aria-hidden
            viewBox="0 0 16 16"
            className={`h-3.5 w-3.5 motion-safe:transition-transform ${expanded ? 'rotate-90' : ''}`}
          >
            <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
      )}
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-baseline gap-2">
          <span className="truncate font-medium">{project.name}</span>
          <span className="hidden shrink-0 text-xs text-slate-600 sm:inline dark:text-slate-400">
            {project.identifier}
          </span>
          {!project.isPublic && (
            <span className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
              Private
            </span>
          )}
          {node.children.length > 0 && expanded === false && (
            <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
              {node.children.length} subproject{node.children.length === 1 ? '' : 's'}
            </span>
          )}
        </div>
        {project.description && (
          <p className="truncate text-xs text-slate-600 dark:text-slate-400">
            {project.description}
          </p>
        )}
      </div>
      <nav aria-label={`${project.name} views`} className="flex shrink-0 gap-1">
        <Link
          to="/$conn/projects/$project/issues"
          params={{ conn, project: project.identifier }}
          className={linkClass}
          aria-label={`${project.name} issues`}
        >
          Issues
        </Link>
        <Link
          to="/$conn/projects/$project/board"
          params={{ conn, project: project.identifier }}
          search={boardSearchDefaults}
          className={linkClass}
          aria-label={`${project.name} board`}
        >
          Board
        </Link>
      </nav>
    </li>
  )
}
