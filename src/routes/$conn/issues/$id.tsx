import { useQuery } from '@tanstack/react-query'
import { createFileRoute, Link } from '@tanstack/react-router'
import { queryOptions } from '@tanstack/react-query'
import { ErrorMessage, Spinner } from '../../../components/ui/feedback'
import { TrackerText } from '../../../components/ui/tracker-text'
import { IssueHistory } from '../../-components/issue-history'
import type { TrackerAdapter } from '../../../trackers/tracker'
import { useDocumentTitle } from '../../../lib/use-document-title'

const issueDetail = (t: TrackerAdapter, id: number) =>
  queryOptions({
    queryKey: ['c', t.id, 'issues', 'detail', id] as const,
    queryFn: ({ signal }) => t.getIssue(id, signal),
  })

export const Route = createFileRoute('/$conn/issues/$id')({
  params: {
    parse: (p) => ({ id: Number.parseInt(p.id, 10) }),
    stringify: (p) => ({ id: String(p.id) }),
  },
  component: IssuePage,
})

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-sm">{value || '—'}</dd>
    </div>
  )
}

function IssuePage() {
  const { id } = Route.useParams()
  const { tracker } = Route.useRouteContext()
  const q = useQuery(issueDetail(tracker, id))
  useDocumentTitle(q.data ? `#${id} ${q.data.subject}` : `#${id}`)
  if (q.isPending) return <Spinner label={`Loading issue #${id}`} />
  if (q.isError) return <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />
  const issue = q.data
  const format = tracker.capabilities.textFormat
  return (
    <article className="mx-auto max-w-4xl space-y-6">
      <header>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {issue.tracker.name} #{issue.id} ·{' '}
          <Link
            to="/$conn/projects/$project/issues"
            params={{ conn: tracker.id, project: String(issue.project.id) }}
            className="underline"
          >
            {issue.project.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{issue.subject}</h1>
      </header>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field label="Status" value={issue.status.name} />
        <Field label="Priority" value={issue.priority.name} />
        <Field label="Assignee" value={issue.assignee?.name} />
        <Field label="Author" value={issue.author.name} />
        <Field label="Category" value={issue.category?.name} />
        <Field label="Target version" value={issue.version?.name} />
        <Field label="Due date" value={issue.dueDate} />
        <Field label="Done" value={`${issue.doneRatio}%`} />
      </dl>
      <section aria-labelledby="desc">
        <h2 id="desc" className="mb-2 font-semibold">
          Description
        </h2>
        {issue.description ? (
          <TrackerText className="text-sm" source={issue.description} format={format} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No description.</p>
        )}
      </section>
      {issue.attachments.length > 0 && (
        <section aria-labelledby="files">
          <h2 id="files" className="mb-2 font-semibold">
            Files
          </h2>
          <ul className="text-sm">
            {issue.attachments.map((a) => (
              <li key={a.id}>
                {a.filename}{' '}
                <span className="text-slate-600 dark:text-slate-400">({a.filesize} bytes)</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="history">
        <h2 id="history" className="mb-2 font-semibold">
          History
        </h2>
        <IssueHistory tracker={tracker} issue={issue} />
      </section>
    </article>
  )
}
