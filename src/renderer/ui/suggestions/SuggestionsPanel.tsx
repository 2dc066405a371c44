import { useMemo, useState, type JSX } from 'react'
import type { SuggestionItem } from '../../editor/suggestions/plugin'
import { KIND_LABELS, SHORTCUTS } from '../labels'
import { shortcut } from '../shortcuts'
import { VirtualList } from '../VirtualList'

const ROW_HEIGHT = 92

function excerpt(s: string, n = 110): string {
  const t = s.replace(/\s+/g, ' ')
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

function detail(s: SuggestionItem): string {
  if (s.kind === 'quote') return s.speaker ? `Speaker: ${s.speaker.text}` : 'Speaker not found'
  if (s.kind === 'attribution') return [s.sourceName ? `Source: ${s.sourceName}` : 'No source', s.cue ? `cue “${s.cue.text}”` : ''].filter(Boolean).join(' · ')
  return s.reasons.join(', ')
}

/** Suggestions to accept or dismiss; nothing becomes an annotation until the editor says so. */
export function SuggestionsPanel({
  items,
  status,
  onAccept,
  onDismiss,
  onShow
}: {
  items: readonly SuggestionItem[]
  status: 'idle' | 'working' | 'off'
  onAccept: (items: SuggestionItem[]) => void
  onDismiss: (items: SuggestionItem[]) => void
  onShow: (item: SuggestionItem) => void
}): JSX.Element {
  const [kind, setKind] = useState<'all' | SuggestionItem['kind']>('all')
  const shown = useMemo(() => (kind === 'all' ? items : items.filter((i) => i.kind === kind)), [items, kind])
  const byKind = (k: SuggestionItem['kind']): SuggestionItem[] => items.filter((i) => i.kind === k)
  return (
    <div className="panel-body" aria-label="Suggestions">
      <div className="panel-head">
        <p className="muted small">
          Proposed by Copydesk from the text; nothing is annotated until you accept. {shortcut(SHORTCUTS.acceptSuggestion.keys)} accepts and{' '}
          {shortcut(SHORTCUTS.dismissSuggestion.keys)} dismisses the suggestion at the cursor.
        </p>
        {status === 'working' && (
          <p className="muted small" role="status">
            Looking for quotes, attributions and claims…
          </p>
        )}
        <div className="accept-all">
          {(['quote', 'attribution', 'claim'] as const).map((k) => (
            <button key={k} type="button" disabled={!byKind(k).length} onClick={() => onAccept(byKind(k))}>
              Accept all {KIND_LABELS[k].toLowerCase()}s ({byKind(k).length})
            </button>
          ))}
        </div>
        <label className="field inline">
          <span>Show</span>
          <select aria-label="Show suggestions of kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="all">All kinds</option>
            <option value="quote">Quotes</option>
            <option value="attribution">Attributions</option>
            <option value="claim">Claims</option>
          </select>
        </label>
      </div>
      {items.length === 0 && status !== 'working' && <p className="muted panel-empty">No suggestions for this article.</p>}
      <VirtualList
        label="Suggestion list"
        items={shown}
        rowHeight={ROW_HEIGHT}
        keyOf={(s) => s.key}
        render={(s) => (
          <div className="sug-item">
            <button type="button" className="sug-show" onClick={() => onShow(s)} aria-label={`${KIND_LABELS[s.kind]}: ${excerpt(s.text, 60)}`}>
              <span className={`kind-chip chip-${s.kind} chip-suggested`}>{KIND_LABELS[s.kind]}?</span>
              <span className="ann-summary">{Math.round(s.score * 100)}% · {detail(s)}</span>
              <span className="ann-text">“{excerpt(s.text)}”</span>
            </button>
            <div className="sug-actions">
              <button type="button" className="primary" aria-label={`Accept ${KIND_LABELS[s.kind].toLowerCase()} “${excerpt(s.text, 40)}”`} onClick={() => onAccept([s])}>
                Accept
              </button>
              <button type="button" aria-label={`Dismiss ${KIND_LABELS[s.kind].toLowerCase()} “${excerpt(s.text, 40)}”`} onClick={() => onDismiss([s])}>
                Dismiss
              </button>
            </div>
          </div>
        )}
      />
    </div>
  )
}
