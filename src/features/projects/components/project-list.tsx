import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo, useState } from 'react'
import { EmptyState, ErrorMessage } from '../../../components/ui/feedback'
import { inputClass } from '../../../components/ui/input'
import type { TrackerAdapter } from '../../../trackers/tracker'
import { buildProjectTree, visibleProjects } from '../project-tree'
import { projectQueries } from '../queries'
import { ProjectRow } from './project-row'

function Skeleton() {
  return (
    <div role="status" aria-label="Loading projects" className="space-y-2">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-10 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />
      ))}
    </div>
  )
}

export function ProjectList({ tracker }: { tracker: TrackerAdapter }) {
  const query = useQuery(projectQueries.list(tracker))
  const [search, setSearch] = useState('')
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set())
  const deferred = useDeferredValue(search)
  const tree = useMemo(() => buildProjectTree(query.data ?? []), [query.data])
  const rows = useMemo(
    () => visibleProjects(tree, deferred, collapsed),
    [tree, deferred, collapsed],
  )
  const searching = deferred.trim() !== ''
  const toggle = (id: number) =>
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })

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
        <ul
          aria-label="Project tree"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
        >
          {rows.map((node) => (
            <ProjectRow
              key={node.project.id}
              conn={tracker.id}
              node={node}
              expanded={
                searching || node.children.length === 0 ? null : !collapsed.has(node.project.id)
              }
              onToggle={() => toggle(node.project.id)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
