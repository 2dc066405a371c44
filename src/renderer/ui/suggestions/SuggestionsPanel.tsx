import { useEffect, useId, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react'
import type { SuggestionItem } from '../../editor/suggestions/plugin'
import { RowList } from '../common/RowList'
import { KIND_LABELS, SHORTCUTS } from '../labels'
import { shortcut } from '../shortcuts'
import type { SuggestionsControl } from './useSuggestions'

type KindFilter = 'all' | SuggestionItem['kind']
const KINDS = ['quote', 'attribution', 'claim'] as const
const PLURAL: Record<SuggestionItem['kind'], string> = { quote: 'quotes', attribution: 'attributions', claim: 'claims' }

/** Why Copydesk proposes it: a quote's speaker, an attribution's source and cue, a claim's signals. */
export function suggestionDetail(s: SuggestionItem): string {
  if (s.kind === 'quote') return s.speaker ? `Speaker: ${s.speaker.text}` : 'Speaker not found'
  if (s.kind === 'attribution') return [s.sourceName ? `Source: ${s.sourceName}` : 'No source', s.cue ? `cue “${s.cue.text}”` : ''].filter(Boolean).join(' · ')
  return s.reasons.join(', ')
}

const percent = (score: number): string => `${Math.round(score * 100)}%`

/** Keys that work the queue while focus is in the panel (not in a field): see the hint above the list. */
const QUEUE_KEYS: Record<string, 'accept' | 'dismiss' | 'next' | 'previous'> = { a: 'accept', d: 'dismiss', n: 'next', j: 'next', p: 'previous', k: 'previous' }

/**
 * The suggestions as a review queue: one under review at a time, shown whole and drawn in
 * the text, accepted or dismissed with a key or a click; the rest listed below it, each with
 * its whole sentence. A confidence threshold and a kind filter narrow the queue; every
 * suggestion of a kind can be accepted or dismissed at once. Nothing becomes an annotation
 * until the editor accepts it.
 */
export function SuggestionsPanel({ control }: { control: SuggestionsControl }): JSX.Element {
  const { items, status, current, accept, dismiss, review, step } = control
  const [kind, setKind] = useState<KindFilter>('all')
  const ids = useId()
  const shown = useMemo(() => (kind === 'all' ? items : items.filter((i) => i.kind === kind)), [items, kind])
  const byKind = useMemo(() => Object.fromEntries(KINDS.map((k) => [k, items.filter((i) => i.kind === k)])) as Record<SuggestionItem['kind'], SuggestionItem[]>, [items])
  const at = shown.findIndex((s) => s.key === current)
  const under = at >= 0 ? shown[at] : null
  // Starting the review from its button (which then goes away) puts focus on Accept, where the keys work.
  const acceptButton = useRef<HTMLButtonElement>(null)
  const [starting, setStarting] = useState(false)
  useEffect(() => {
    if (!starting || !under) return
    setStarting(false)
    acceptButton.current?.focus()
  }, [starting, under])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const t = e.target as HTMLElement
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return
    const what = QUEUE_KEYS[e.key.toLowerCase()]
    if (!what) return
    e.preventDefault()
    if (what === 'next' || what === 'previous') step(what === 'next' ? 1 : -1, shown)
    else if (under) (what === 'accept' ? accept : dismiss)([under])
    else step(1, shown)
  }

  return (
    <div className="panel-body suggestions" onKeyDown={onKeyDown}>
      <div className="panel-head">
        <p className="muted small">Proposed by Copydesk from the text; nothing is annotated until you accept.</p>
        <div className="sug-controls">
          <label className="check">
            <input type="checkbox" checked={control.inText} onChange={(e) => control.setInText(e.target.checked)} />
            Show all in the text
          </label>
          <label className="field inline threshold">
            <span id={`${ids}-t`}>At least</span>
            <input
              type="range"
              min={0}
              max={95}
              step={5}
              value={Math.round(control.threshold * 100)}
              aria-labelledby={`${ids}-t`}
              aria-valuetext={`${Math.round(control.threshold * 100)}% confidence`}
              onChange={(e) => control.setThreshold(Number(e.target.value) / 100)}
            />
            <output>{percent(control.threshold)}</output>
          </label>
        </div>
        <label className="field inline">
          <span>Show</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as KindFilter)}>
            <option value="all">All kinds ({items.length})</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}s ({byKind[k].length})
              </option>
            ))}
          </select>
        </label>
        <table className="bulk">
          <caption className="visually-hidden">Every suggestion of a kind</caption>
          <tbody>
            {(kind === 'all' ? KINDS : [kind]).map((k) => (
              <tr key={k}>
                <th scope="row">
                  <span className={`kind-chip chip-${k} chip-suggested`}>{KIND_LABELS[k]}s</span> <span className="count">{byKind[k].length}</span>
                </th>
                <td>
                  <button type="button" aria-label={`Accept all ${PLURAL[k]}`} disabled={!byKind[k].length} onClick={() => accept(byKind[k])}>
                    Accept all
                  </button>
                </td>
                <td>
                  <button type="button" aria-label={`Dismiss all ${PLURAL[k]}`} disabled={!byKind[k].length} onClick={() => dismiss(byKind[k])}>
                    Dismiss all
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {status === 'working' && (
          <p className="muted small" role="status">
            Looking for quotes, attributions and claims…
          </p>
        )}
      </div>
      {shown.length === 0 ? (
        status !== 'working' && <p className="muted panel-empty">{items.length ? 'No suggestion of this kind.' : 'No suggestions for this article at this confidence.'}</p>
      ) : (
        <section className="review" aria-label="Under review">
          {under ? (
            <>
              <p className="review-head">
                <span className={`kind-chip chip-${under.kind} chip-suggested`}>{KIND_LABELS[under.kind]}?</span>
                <span className="muted small">
                  {at + 1} of {shown.length} · {percent(under.score)} · {suggestionDetail(under)}
                </span>
              </p>
              <blockquote className="review-text">{under.text}</blockquote>
              <div className="review-actions">
                <button ref={acceptButton} type="button" className="primary" onClick={() => accept([under])} title={`Accept (A, or ${shortcut(SHORTCUTS.acceptSuggestion.keys)} in the text)`}>
                  Accept
                </button>
                <button type="button" onClick={() => dismiss([under])} title={`Dismiss (D, or ${shortcut(SHORTCUTS.dismissSuggestion.keys)} in the text)`}>
                  Dismiss
                </button>
                <span className="review-steps">
                  <button type="button" className="quiet" onClick={() => step(-1, shown)} title="Previous (P)" aria-label="Previous suggestion">
                    ↑
                  </button>
                  <button type="button" className="quiet" onClick={() => step(1, shown)} title="Next (N)" aria-label="Next suggestion">
                    ↓
                  </button>
                </span>
              </div>
            </>
          ) : (
            <div className="review-actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setStarting(true)
                  review(shown[0])
                }}
              >
                Review the first of {shown.length}
              </button>
            </div>
          )}
          <p className="muted small">Keys here: A accept · D dismiss · N next · P previous.</p>
        </section>
      )}
      <RowList
        label="Suggestion list"
        items={shown}
        keyOf={(s) => s.key}
        estimate={84}
        className="sug-list"
        scrollTo={at >= 0 ? at : undefined}
        render={(s, _i, row) => (
          <button type="button" className="sug-item" aria-current={s.key === current ? 'true' : undefined} onClick={() => review(s)} {...row}>
            <span className="ann-head">
              <span className={`kind-chip chip-${s.kind} chip-suggested`}>{KIND_LABELS[s.kind]}?</span>
              <span className="ann-summary">
                {percent(s.score)} · {suggestionDetail(s)}
              </span>
            </span>
            <span className="ann-text">{s.text}</span>
          </button>
        )}
      />
    </div>
  )
}
