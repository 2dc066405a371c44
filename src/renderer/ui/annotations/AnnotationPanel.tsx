import { memo, useMemo, useRef, useState, type JSX, type MouseEvent as ReactMouseEvent } from 'react'
import { ANNOTATION_KINDS, CLAIM_STATUSES, CLAIM_STATUS_LABELS, type AnnotationChange, type AnnotationKind, type ClaimStatus } from '../../../shared/domain'
import { sourceName } from '../../editor/annotations/label'
import type { AnnotationRecord } from '../../editor/annotations'
import { RowList } from '../common/RowList'
import { KIND_LABELS, SHORTCUTS } from '../labels'
import type { SaveState } from '../SaveIndicator'
import { shortcut } from '../shortcuts'
import type { AnnotationActions } from './actions'
import { AnnotationDetails } from './AnnotationDetails'
import type { AnnotationTexts } from './useAnnotations'
import type { ThreadClient } from './thread-client'

interface Props {
  list: readonly AnnotationRecord[]
  orphans: AnnotationRecord[]
  selected: AnnotationRecord | undefined
  selectedText: string
  actions: AnnotationActions
  loadHistory: (id: string) => Promise<AnnotationChange[]>
  saves: SaveState
  threads: ThreadClient
  texts: AnnotationTexts
  userName: string
  onPreferences: () => void
  /** The kinds shown, in the list and in the text. */
  kinds: ReadonlySet<AnnotationKind>
  onKinds: (kinds: ReadonlySet<AnnotationKind>) => void
}

function summary(a: AnnotationRecord, byId: Map<string, AnnotationRecord>): string {
  if (a.kind === 'claim') return CLAIM_STATUS_LABELS[a.fields.status]
  if (a.kind === 'attribution') return a.fields.sourceName || 'Source not named'
  const speaker = a.fields.speakerId ? byId.get(a.fields.speakerId) : undefined
  if (speaker) return `Speaker: ${sourceName(speaker)}`
  return a.fields.speakerName ? `Speaker: ${a.fields.speakerName} (named, not linked to an attribution)` : 'No speaker'
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

/**
 * The annotations tab: every annotation in document order with filters and counts; or, when
 * one is selected, its details with the whole panel to themselves.
 */
export const AnnotationPanel = memo(function AnnotationPanel(props: Props): JSX.Element {
  const { list, selected, actions, kinds } = props
  const [status, setStatus] = useState<ClaimStatus | 'any'>('any')
  // Back in the list, the row of the annotation last opened is in view.
  const last = useRef<string | null>(null)
  if (selected) last.current = selected.id
  const byId = useMemo(() => new Map(list.map((a) => [a.id, a])), [list])
  const shown = useMemo(
    () => list.filter((a) => kinds.has(a.kind) && (status === 'any' || (a.kind === 'claim' && a.fields.status === status))),
    [list, kinds, status]
  )
  if (selected) {
    const at = list.findIndex((a) => a.id === selected.id)
    const step = (d: 1 | -1): void => {
      if (!list.length) return
      const next = list[((at < 0 ? 0 : at + d) + list.length) % list.length]
      actions.select(next.id, true)
    }
    return (
      <div className="panel-body details-pane">
        <nav className="details-nav" aria-label="Annotation">
          <button type="button" className="quiet back" onClick={() => actions.select(null)} title="Back to all annotations (Esc)">
            ← All annotations
          </button>
          {at >= 0 && (
            <span className="details-nav-steps">
              <button type="button" className="quiet" aria-label="Previous annotation" title={`Previous (${shortcut(SHORTCUTS.previous.keys)})`} onClick={() => step(-1)}>
                ↑
              </button>
              <span className="muted small">
                {at + 1} of {list.length}
              </span>
              <button type="button" className="quiet" aria-label="Next annotation" title={`Next (${shortcut(SHORTCUTS.next.keys)})`} onClick={() => step(1)}>
                ↓
              </button>
            </span>
          )}
        </nav>
        <div className="details-scroll">
          <AnnotationDetails
            record={selected}
            text={props.selectedText}
            all={list}
            actions={actions}
            loadHistory={props.loadHistory}
            saves={props.saves}
            threads={props.threads}
            userName={props.userName}
          />
        </div>
      </div>
    )
  }
  return <ListPane {...props} shown={shown} byId={byId} status={status} onStatus={setStatus} lastOpened={last.current} />
})

function ListPane({
  list,
  orphans,
  texts,
  actions,
  userName,
  onPreferences,
  kinds,
  onKinds,
  shown,
  byId,
  status,
  onStatus,
  lastOpened
}: Props & {
  shown: AnnotationRecord[]
  byId: Map<string, AnnotationRecord>
  status: ClaimStatus | 'any'
  onStatus: (s: ClaimStatus | 'any') => void
  lastOpened: string | null
}): JSX.Element {
  const counts = useMemo(() => {
    const byKind: Record<AnnotationKind, number> = { claim: 0, quote: 0, attribution: 0 }
    const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>
    for (const a of list) {
      byKind[a.kind]++
      if (a.kind === 'claim') byStatus[a.fields.status]++
    }
    return { byKind, byStatus }
  }, [list])
  const toggle = (k: AnnotationKind): void => {
    const next = new Set(kinds)
    if (next.has(k)) next.delete(k)
    else next.add(k)
    onKinds(next)
  }
  return (
    <div className="panel-body">
      {!userName && (
        <p className="notice small">
          Changes are recorded without a name.{' '}
          <button type="button" className="link-button" onClick={onPreferences}>
            Set your name
          </button>
        </p>
      )}
      <div className="panel-head">
        <fieldset className="legend">
          <legend className="visually-hidden">Show in the list and the text</legend>
          {ANNOTATION_KINDS.map((k) => (
            <label key={k} className={`legend-item legend-${k}`}>
              <input type="checkbox" checked={kinds.has(k)} onChange={() => toggle(k)} />
              <span className={`swatch cd-ann cd-ann-${k}`}>{KIND_LABELS[k]}</span>
              <span className="count">{counts.byKind[k]}</span>
            </label>
          ))}
        </fieldset>
        <label className="field inline">
          <span>Claim status</span>
          <select value={status} onChange={(e) => onStatus(e.target.value as ClaimStatus | 'any')}>
            <option value="any">Any status</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CLAIM_STATUS_LABELS[s]} ({counts.byStatus[s]})
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.length === 0 ? (
        <p className="muted panel-empty">
          Select words in the article, then press Claim, Quote or Attribution (or {shortcut(SHORTCUTS.claim.keys)}, {shortcut(SHORTCUTS.quote.keys)},{' '}
          {shortcut(SHORTCUTS.attribution.keys)}).
        </p>
      ) : shown.length === 0 ? (
        <p className="muted panel-empty">No annotation matches these filters.</p>
      ) : null}
      <RowList
        label="Annotation list"
        items={shown}
        keyOf={(a) => a.id}
        scrollTo={lastOpened ? shown.findIndex((a) => a.id === lastOpened) : undefined}
        render={(a, _i, row) => (
          <button type="button" className="ann-item" onMouseDown={keepFocus} onClick={() => actions.select(a.id, true)} {...row}>
            <span className="ann-head">
              <span className={`kind-chip chip-${a.kind}`}>{KIND_LABELS[a.kind]}</span>
              <span className="ann-summary">{summary(a, byId)}</span>
            </span>
            <span className="ann-text">“{(texts.get(a.id) ?? a.exact).replace(/\s+/g, ' ')}”</span>
          </button>
        )}
      />
      {orphans.length > 0 && (
        <section className="orphans" aria-label="Not found in the text">
          <h2>Not found in the text ({orphans.length})</h2>
          <p className="muted small">The text these marked has changed. Select the right words and re-attach, or remove them.</p>
          <ol className="ann-list">
            {orphans.map((a) => (
              <li key={a.id}>
                <button type="button" className="ann-item orphan" onClick={() => actions.select(a.id)}>
                  <span className="ann-head">
                    <span className={`kind-chip chip-${a.kind}`}>{KIND_LABELS[a.kind]}</span>
                  </span>
                  <span className="ann-text">“{a.exact.replace(/\s+/g, ' ')}”</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <p className="muted small panel-foot">
        {shortcut(SHORTCUTS.previous.keys)} / {shortcut(SHORTCUTS.next.keys)} in the text move between annotations
      </p>
    </div>
  )
}
