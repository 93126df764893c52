import { SWIMLANE_FIELDS, type SwimlaneField } from '../../../domain/board-lanes'
import { CARD_ORDERS, type CardOrder } from '../../../domain/board-order'
import type { BoardSettings } from '../../../domain/board-search'

const LANE_LABEL: Record<SwimlaneField, string> = {
  none: 'None',
  assignee: 'Assignee',
  tracker: 'Tracker',
  priority: 'Priority',
  version: 'Version',
  category: 'Category',
  parent: 'Parent',
}
const ORDER_LABEL: Record<CardOrder, string> = {
  priority: 'Priority',
  updated: 'Recently updated',
  due: 'Due date',
  id: 'Id',
}

export function BoardToolbar({
  settings,
  onChange,
}: {
  settings: BoardSettings
  onChange: (patch: Partial<BoardSettings>) => void
}) {
  const field = 'flex items-center gap-1 text-sm'
  const select =
    'rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900'
  return (
    <div
      className="mb-3 flex flex-wrap items-center gap-4"
      role="group"
      aria-label="Board settings"
    >
      <label className={field}>
        Swimlanes
        <select
          className={select}
          value={settings.swimlane}
          // Lane keys mean nothing under another field (user 3 is not tracker 3): start expanded.
          onChange={(e) =>
            onChange({ swimlane: e.target.value as SwimlaneField, collapsedLanes: [] })
          }
        >
          {SWIMLANE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {LANE_LABEL[f]}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Card order
        <select
          className={select}
          value={settings.order}
          onChange={(e) => onChange({ order: e.target.value as CardOrder })}
        >
          {CARD_ORDERS.map((f) => (
            <option key={f} value={f}>
              {ORDER_LABEL[f]}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        <input
          type="checkbox"
          checked={settings.collapseClosed}
          onChange={(e) => onChange({ collapseClosed: e.target.checked })}
        />
        Collapse closed
      </label>
      <label className={field}>
        <input
          type="checkbox"
          checked={settings.hideEmpty}
          onChange={(e) => onChange({ hideEmpty: e.target.checked })}
        />
        Hide empty columns
      </label>
      <label className={field}>
        <input
          type="checkbox"
          checked={settings.wipBlock}
          onChange={(e) => onChange({ wipBlock: e.target.checked })}
        />
        WIP limits block drops
      </label>
    </div>
  )
}
