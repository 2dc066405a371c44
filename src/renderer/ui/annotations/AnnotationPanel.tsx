import { memo, useMemo, useState, type JSX, type MouseEvent as ReactMouseEvent } from 'react'
import { ANNOTATION_KINDS, CLAIM_STATUSES, CLAIM_STATUS_LABELS, type AnnotationChange, type AnnotationKind, type ClaimStatus } from '../../../shared/domain'
import type { AnnotationRecord } from '../../editor/annotations'
import { KIND_LABELS, SHORTCUTS } from '../labels'
import { shortcut } from '../shortcuts'
import type { AnnotationActions } from './actions'
import { AnnotationDetails } from './AnnotationDetails'
import { VirtualList } from '../VirtualList'
import type { AnnotationTexts } from './useAnnotations'
import type { SaveState } from '../SaveIndicator'

const ROW_HEIGHT = 62

interface Props {
  list: readonly AnnotationRecord[]
  orphans: AnnotationRecord[]
  selected: AnnotationRecord | undefined
  selectedText: string
  actions: AnnotationActions
  loadHistory: (id: string) => Promise<AnnotationChange[]>
  saves: SaveState
  texts: AnnotationTexts
  userName: string
  onPreferences: () => void
}

function excerpt(s: string, n = 90): string {
  const t = s.replace(/\s+/g, ' ')
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

function summary(a: AnnotationRecord, byId: Map<string, AnnotationRecord>): string {
  if (a.kind === 'claim') return CLAIM_STATUS_LABELS[a.fields.status]
  if (a.kind === 'attribution') return a.fields.sourceName || 'Source not named'
  const speaker = a.fields.speakerId ? byId.get(a.fields.speakerId) : undefined
  if (speaker?.kind === 'attribution') return `Speaker: ${speaker.fields.sourceName || speaker.exact}`
  return a.fields.speakerName ? `Speaker: ${a.fields.speakerName} (not in the text)` : 'No speaker'
}

/**
 * A row's mouse-down leaves focus where it is, as in a document outline: the click opens the
 * details and puts the text's caret on the annotation. Moving focus and the document's
 * selection from the article to the row made Chromium walk the whole article's text again
 * (about 3.5 ms of the click's first frame on a 20,000-word article). A field being edited
 * still loses focus, so what was typed in it is kept (it is saved on blur).
 */
function keepFocus(e: ReactMouseEvent): void {
  const active = document.activeElement
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return
  e.preventDefault()
}

/** The side panel: every annotation in document order, filters with counts, and the details. */
export const AnnotationPanel = memo(function AnnotationPanel({
  list,
  orphans,
  selected,
  selectedText,
  actions,
  loadHistory,
  saves,
  texts,
  userName,
  onPreferences
}: Props): JSX.Element {
  const [kinds, setKinds] = useState<Set<AnnotationKind>>(new Set(ANNOTATION_KINDS))
  const [status, setStatus] = useState<ClaimStatus | 'any'>('any')

  const counts = useMemo(() => {
    const byKind: Record<AnnotationKind, number> = { claim: 0, quote: 0, attribution: 0 }
    const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>
    for (const a of list) {
      byKind[a.kind]++
      if (a.kind === 'claim') byStatus[a.fields.status]++
    }
    return { byKind, byStatus }
  }, [list])

  const byId = useMemo(() => new Map(list.map((a) => [a.id, a])), [list])
  const shown = useMemo(
    () =>
      list.filter((a) => kinds.has(a.kind) && (status === 'any' || (a.kind === 'claim' && a.fields.status === status))),
    [list, kinds, status]
  )

  const toggle = (k: AnnotationKind): void =>
    setKinds((prev) => {
      const next = new Set(prev)
      if (next.has(k)) next.delete(k)
      else next.add(k)
      return next
    })

  return (
    <div className="panel-body">
      {selected ? (
        <AnnotationDetails
          record={selected}
          text={selectedText}
          all={list}
          actions={actions}
          loadHistory={loadHistory}
          saves={saves}
          onClose={() => actions.select(null)}
        />
      ) : null}
      {!userName && (
        <p className="notice small">
          Changes are recorded without a name.{' '}
          <button type="button" className="link-button" onClick={onPreferences}>
            Set your name
          </button>
        </p>
      )}
      <div className="panel-head">
        <div className="legend" aria-label="Legend">
          {ANNOTATION_KINDS.map((k) => (
            <label key={k} className={`legend-item legend-${k}`} title={`Show ${KIND_LABELS[k].toLowerCase()}s`}>
              <input type="checkbox" checked={kinds.has(k)} onChange={() => toggle(k)} />
              <span className={`swatch cd-ann cd-ann-${k}`}>{KIND_LABELS[k]}</span>
              <span className="count">{counts.byKind[k]}</span>
            </label>
          ))}
        </div>
        <label className="field inline">
          <span>Claim status</span>
          <select aria-label="Filter by claim status" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus | 'any')}>
            <option value="any">Any status</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CLAIM_STATUS_LABELS[s]} ({counts.byStatus[s]})
              </option>
            ))}
          </select>
        </label>
        <p className="muted small">
          {shortcut(SHORTCUTS.previous.keys)} / {shortcut(SHORTCUTS.next.keys)} move between annotations
        </p>
      </div>
      {list.length === 0 && (
        <p className="muted panel-empty">
          Select words in the article, then press Claim, Quote or Attribution (or {shortcut(SHORTCUTS.claim.keys)}, {shortcut(SHORTCUTS.quote.keys)},{' '}
          {shortcut(SHORTCUTS.attribution.keys)}).
        </p>
      )}
      <VirtualList
        label="Annotation list"
        items={shown}
        rowHeight={ROW_HEIGHT}
        keyOf={(a) => a.id}
        scrollTo={selected ? shown.findIndex((a) => a.id === selected.id) : undefined}
        render={(a) => (
          <button
            type="button"
            className={`ann-item${selected?.id === a.id ? ' is-selected' : ''}`}
            aria-current={selected?.id === a.id ? 'true' : undefined}
            onMouseDown={keepFocus}
            onClick={() => actions.select(a.id, true)}
          >
            <span className={`kind-chip chip-${a.kind}`}>{KIND_LABELS[a.kind]}</span>
            <span className="ann-summary">{summary(a, byId)}</span>
            <span className="ann-text">“{excerpt(texts.get(a.id) ?? a.exact)}”</span>
          </button>
        )}
      />
      {orphans.length > 0 && (
        <section className="orphans" aria-label="Not found in the text">
          <h3>Not found in the text ({orphans.length})</h3>
          <p className="muted small">The text these marked has changed. Select the right words and re-attach, or remove them.</p>
          <ol className="ann-list">
            {orphans.map((a) => (
              <li key={a.id}>
                <button type="button" className="ann-item orphan" onClick={() => actions.select(a.id)}>
                  <span className={`kind-chip chip-${a.kind}`}>{KIND_LABELS[a.kind]}</span>
                  <span className="ann-text">“{excerpt(a.exact)}”</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  )
})
