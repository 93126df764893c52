import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useDeferredValue, useMemo, useState } from 'react'
import { focusRing } from '../../../components/ui/button'
import { EmptyState, ErrorMessage } from '../../../components/ui/feedback'
import { inputClass } from '../../../components/ui/input'
import type { TrackerAdapter } from '../../../trackers/tracker'
import { buildProjectTree, visibleProjects } from '../project-tree'
import { projectQueries } from '../queries'

function Skeleton() {
  return (
    <ul aria-hidden className="space-y-2">
      {Array.from({ length: 6 }, (_, i) => (
        <li key={i} className="h-10 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />
      ))}
    </ul>
  )
}

const linkClass = `rounded px-2 py-1 text-sm text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800 ${focusRing}`

export function ProjectList({ tracker }: { tracker: TrackerAdapter }) {
  const query = useQuery(projectQueries.list(tracker))
  const [search, setSearch] = useState('')
  const deferred = useDeferredValue(search)
  const tree = useMemo(() => buildProjectTree(query.data ?? []), [query.data])
  const rows = useMemo(() => visibleProjects(tree, deferred), [tree, deferred])

  return (
    <section aria-labelledby="projects-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 id="projects-heading" className="text-xl font-semibold">
          Projects
        </h1>
        <label className="w-full max-w-xs text-sm">
          <span className="sr-only">Search projects</span>
          <input
            type="search"
            placeholder="Search projects"
            className={inputClass}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
      </div>
      {query.isPending ? (
        <Skeleton />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState title="No projects yet">
          You are not a member of any project on this tracker.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={`No project matches “${search}”`} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {rows.map(({ project, depth }) => (
            <li
              key={project.id}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2"
              style={{ paddingLeft: `${0.75 + depth * 1.5}rem` }}
            >
              <div className="min-w-0 flex-1">
                <span className="font-medium">{project.name}</span>{' '}
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {project.identifier}
                </span>
                {!project.isPublic && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                    Private
                  </span>
                )}
                {project.description && (
                  <p className="truncate text-sm text-slate-600 dark:text-slate-400">
                    {project.description}
                  </p>
                )}
              </div>
              <nav aria-label={`${project.name} views`} className="flex gap-1">
                <Link
                  to="/$conn/projects/$project/issues"
                  params={{ conn: tracker.id, project: project.identifier }}
                  className={linkClass}
                  aria-label={`${project.name} issues`}
                >
                  Issues
                </Link>
                <Link
                  to="/$conn/projects/$project/board"
                  params={{ conn: tracker.id, project: project.identifier }}
                  className={linkClass}
                  aria-label={`${project.name} board`}
                >
                  Board
                </Link>
              </nav>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
