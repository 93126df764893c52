import { useQuery } from '@tanstack/react-query'
import { EmptyState } from '../../components/ui/feedback'
import { describeDetail, type HistoryLookups } from '../../lib/history-labels'
import { TrackerText } from '../../components/ui/tracker-text'
import { metadataQueries } from '../../store/metadata'
import type { IssueDetail, TrackerAdapter } from '../../trackers/tracker'

/** Names for the ids Redmine records in history; whatever has not loaded shows as `#id`. */
function useLookups(tracker: TrackerAdapter, project: string): HistoryLookups {
  const statuses = useQuery(metadataQueries.statuses(tracker)).data
  const priorities = useQuery(metadataQueries.priorities(tracker)).data
  const types = useQuery(metadataQueries.types(tracker)).data
  const members = useQuery(metadataQueries.members(tracker, project)).data
  const categories = useQuery(metadataQueries.categories(tracker, project)).data
  const versions = useQuery(metadataQueries.versions(tracker, project)).data
  const customFields = useQuery(metadataQueries.customFields(tracker)).data
  return {
    statuses,
    priorities,
    types,
    users: members?.map((m) => m.principal),
    categories,
    versions,
    customFields,
  }
}

export function IssueHistory({ tracker, issue }: { tracker: TrackerAdapter; issue: IssueDetail }) {
  const lookups = useLookups(tracker, String(issue.project.id))
  const format = tracker.capabilities.textFormat
  if (issue.history.length === 0) return <EmptyState title="No history yet" />
  return (
    <ol className="space-y-3">
      {issue.history.map((h) => (
        <li key={h.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <p className="text-sm">
            <span className="font-medium">{h.user.name}</span>{' '}
            <time className="text-slate-600 dark:text-slate-400" dateTime={h.createdOn}>
              {new Date(h.createdOn).toLocaleString()}
            </time>
          </p>
          {h.details.length > 0 && (
            <ul className="mt-1 space-y-0.5 text-sm text-slate-700 dark:text-slate-300">
              {h.details.map((d, i) => {
                const line = describeDetail(d, lookups)
                return (
                  <li key={i}>
                    <span className="font-medium">{line.label}</span>
                    {line.from === null ? ' set to ' : ` changed from ${line.from} to `}
                    {line.to ?? '(none)'}
                  </li>
                )
              })}
            </ul>
          )}
          {h.notes && <TrackerText className="mt-2 text-sm" source={h.notes} format={format} />}
        </li>
      ))}
    </ol>
  )
}
