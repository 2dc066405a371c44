import { useEffect, useState, type JSX } from 'react'
import { flushSync } from 'react-dom'
import {
  ANNOTATION_KINDS,
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
  SOURCE_TYPES,
  type AnnotationChange,
  type AnnotationKind,
  type ClaimStatus,
  type Evidence,
  type SourceType
} from '../../../shared/domain'
import type { AnnotationRecord } from '../../editor/annotations'
import { changeText } from '../../../shared/change-text'
import { KIND_LABELS, SOURCE_TYPE_LABELS } from '../labels'
import { useSaveState, type SaveState } from '../SaveIndicator'
import type { AnnotationActions } from './actions'
import { DraftField } from './DraftField'
import { Thread } from './Thread'
import type { ThreadClient } from './thread-client'
import { SpeakerLink } from '../speakers/SpeakerLink'
import { CheckedBefore } from '../search/CheckedBefore'
import { statusPatch } from '../../../shared/signoff'
import { ClaimDesk } from '../desk/ClaimDesk'
import { myId, personById } from '../desk/roster'

interface Props {
  record: AnnotationRecord
  text: string
  all: readonly AnnotationRecord[]
  actions: AnnotationActions
  /** Reads an annotation's recorded history from the store. */
  loadHistory: (id: string) => Promise<AnnotationChange[]>
  saves: SaveState
  /** The article's threads: the annotation's comments. */
  threads: ThreadClient
  /** Who the user is (their own comments they may edit or delete). */
  userName: string
}

function excerpt(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s
}

/** Everything about one annotation, edited in place; every edit is undoable. */
export function AnnotationDetails({ record, text, all, actions, loadHistory, saves, threads, userName }: Props): JSX.Element {
  const history = useHistory(loadHistory, record.id, saves, threads)
  const attributions = all.filter((a) => a.kind === 'attribution')
  const label = (a: AnnotationRecord): string =>
    a.kind === 'attribution' && a.fields.sourceName ? a.fields.sourceName : excerpt(a.exact, 40)
  return (
    <section className={`details details-${record.kind}`} aria-label={`${KIND_LABELS[record.kind]} details`}>
      <header className="details-head">
        <h2 className="details-title">
          <span className={`kind-chip chip-${record.kind}`}>{KIND_LABELS[record.kind]}</span>
          <span className="visually-hidden"> details</span>
        </h2>
      </header>
      {record.placement === 'orphaned' ? (
        <div className="orphan-note" role="note">
          <p>
            <strong>Not found in the text.</strong> It marked: “{record.exact}”
          </p>
          <button type="button" onClick={() => actions.reattach(record.id)}>
            Re-attach to the selected text
          </button>
        </div>
      ) : (
        <blockquote className="details-quote">{text}</blockquote>
      )}

      <div className="field-row">
        <label className="field">
          <span>Kind</span>
          <select aria-label="Kind" value={record.kind} onChange={(e) => actions.retag(record.id, e.target.value as AnnotationKind)}>
            {ANNOTATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="danger" onClick={() => actions.remove(record.id)} title="Remove this annotation (Alt+Shift+X)">
          Remove
        </button>
      </div>

      {record.kind === 'claim' && (
        <>
          <label className="field">
            <span>Status</span>
            <select
              aria-label="Status"
              value={record.fields.status}
              onChange={(e) => actions.update(record.id, statusPatch(record.fields, e.target.value as ClaimStatus, myId(), new Date().toISOString()))}
            >
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CLAIM_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <DraftField label="Explanation" multiline value={record.fields.explanation} onCommit={(v) => actions.update(record.id, { explanation: v })} placeholder="Why this verdict" />
          <EvidenceList evidence={record.fields.evidence} onChange={(evidence) => actions.update(record.id, { evidence })} />
          <CheckedBefore claimId={record.id} text={record.exact} fields={record.fields} onLink={(changes) => actions.update(record.id, changes)} />
          <ClaimDesk fields={record.fields} onChange={(patch) => actions.update(record.id, patch)} />
          <SourcePicker
            label="Source"
            value={record.fields.sourceId}
            attributions={attributions}
            describe={label}
            onPick={(id) => actions.update(record.id, { sourceId: id })}
            onName={(name) => actions.speakerByName(record, name)}
            onOpen={(id) => actions.select(id, true)}
          />
        </>
      )}

      {record.kind === 'quote' && (
        <>
          <SourcePicker
            label="Speaker"
            value={record.fields.speakerId}
            attributions={attributions}
            describe={label}
            onPick={(id) => actions.update(record.id, { speakerId: id, speakerName: '' })}
            onName={(name) => actions.speakerByName(record, name)}
            onOpen={(id) => actions.select(id, true)}
            namedOnly={record.fields.speakerId ? '' : record.fields.speakerName}
          />
          <SpeakerLink record={record} all={all} />
          <label className="check">
            <input type="checkbox" checked={record.fields.checked} onChange={(e) => actions.update(record.id, { checked: e.target.checked })} />
            Checked against a recording or transcript
          </label>
          <DraftField label="Check note" value={record.fields.checkedNote} onCommit={(v) => actions.update(record.id, { checkedNote: v })} placeholder="Which recording, what it showed" />
        </>
      )}

      {record.kind === 'attribution' && (
        <>
          <DraftField label="Source name" value={record.fields.sourceName} onCommit={(v) => actions.update(record.id, { sourceName: v })} placeholder="Who or what is the source" />
          <SpeakerLink record={record} all={all} />
          <label className="field">
            <span>Source type</span>
            <select aria-label="Source type" value={record.fields.sourceType} onChange={(e) => actions.update(record.id, { sourceType: e.target.value as SourceType })}>
              {SOURCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {SOURCE_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <DraftField label="Cue" value={record.fields.cue} onCommit={(v) => actions.update(record.id, { cue: v })} placeholder="said, told, according to…" />
          <Supports record={record} all={all} onOpen={(id) => actions.select(id, true)} />
        </>
      )}

      <Thread
        key={record.id}
        client={threads}
        annotationId={record.id}
        annotationName={`${KIND_LABELS[record.kind].toLowerCase()} “${excerpt(record.exact.replace(/\s+/g, ' '), 40)}”`}
        me={{ id: null, name: userName }}
      />
      <p className="muted small">
        {record.origin === 'suggested' ? 'Accepted from a suggestion' : record.origin === 'imported' ? 'Imported' : 'Tagged'} by {record.createdBy || 'Someone'} ·{' '}
        {new Date(record.createdAt).toLocaleString()}
      </p>
      <History history={history} nameOf={(linked) => { const a = all.find((x) => x.id === linked); return a ? label(a) : personById(linked)?.name }} />
    </section>
  )
}

function SourcePicker(props: {
  label: string
  value: string | null
  attributions: AnnotationRecord[]
  describe: (a: AnnotationRecord) => string
  onPick: (id: string | null) => void
  onName: (name: string) => 'linked' | 'named'
  onOpen: (id: string) => void
  namedOnly?: string
}): JSX.Element {
  const [name, setName] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  // Every attribution of the article is an option: hundreds in a long article, ~15 ms of
  // elements, style and layout. Until the list is used it holds only the current choice;
  // the rest come when it takes focus or a press (before its popup opens).
  const [all, setAll] = useState(false)
  const linked = props.attributions.find((a) => a.id === props.value)
  const choices = all ? props.attributions : linked ? [linked] : []
  const fill = (): void => {
    if (!all) flushSync(() => setAll(true))
  }
  return (
    <div className="field">
      <span>{props.label}</span>
      <div className="picker">
        <select
          aria-label={props.label}
          value={props.value ?? ''}
          onFocus={fill}
          onMouseDown={fill}
          onKeyDown={fill}
          onChange={(e) => props.onPick(e.target.value || null)}
        >
          <option value="">{props.namedOnly ? `${props.namedOnly} (named, not linked)` : '— none —'}</option>
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {props.describe(a)}
            </option>
          ))}
        </select>
        {linked && (
          <button type="button" className="link-button" onClick={() => props.onOpen(linked.id)}>
            Go to
          </button>
        )}
      </div>
      <form
        className="picker"
        onSubmit={(e) => {
          e.preventDefault()
          if (!name.trim()) return
          const how = props.onName(name)
          setMessage(how === 'linked' ? `Tagged “${name.trim()}” as an attribution and linked it.` : `“${name.trim()}” is not in the text; kept as a named speaker, not linked.`)
          setName('')
        }}
      >
        <input aria-label={`New ${props.label.toLowerCase()} by name`} placeholder="…or type a name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Link
        </button>
      </form>
      {message && <span className="muted small">{message}</span>}
    </div>
  )
}

function Supports({ record, all, onOpen }: { record: AnnotationRecord; all: readonly AnnotationRecord[]; onOpen: (id: string) => void }): JSX.Element {
  const linked = all.filter(
    (a) => (a.kind === 'quote' && a.fields.speakerId === record.id) || (a.kind === 'claim' && a.fields.sourceId === record.id)
  )
  return (
    <div className="field">
      <span>Supports</span>
      {linked.length === 0 ? (
        <p className="muted small">No quote or claim is linked to this source yet.</p>
      ) : (
        <ul className="supports" aria-label="Linked quotes and claims">
          {linked.map((a) => (
            <li key={a.id}>
              <button type="button" className="link-button" onClick={() => onOpen(a.id)}>
                <span className={`dot dot-${a.kind}`} aria-hidden="true" />
                {KIND_LABELS[a.kind]}: “{excerpt(a.exact, 50)}”
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function EvidenceList({ evidence, onChange }: { evidence: Evidence[]; onChange: (e: Evidence[]) => void }): JSX.Element {
  const [url, setUrl] = useState('')
  const [note, setNote] = useState('')
  return (
    <div className="field">
      <span>Evidence</span>
      <ul className="evidence" aria-label="Evidence">
        {evidence.map((e, i) => (
          <li key={i}>
            <span className="evidence-what">
              {/^https?:\/\//i.test(e.url) ? (
                <a href={e.url} target="_blank" rel="noopener noreferrer" title={e.url}>
                  {e.url}
                </a>
              ) : (
                e.url && <span>{e.url}</span>
              )}
              {e.note && <span className="muted">{e.url ? ' — ' : ''}{e.note}</span>}
            </span>
            <button type="button" className="quiet" aria-label={`Remove evidence ${i + 1}`} onClick={() => onChange(evidence.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="evidence-add"
        aria-label="Add evidence"
        onSubmit={(e) => {
          e.preventDefault()
          if (!url.trim() && !note.trim()) return
          onChange([...evidence, { url: url.trim(), note: note.trim() }])
          setUrl('')
          setNote('')
        }}
      >
        <input aria-label="Evidence link" placeholder="https://… or a document" value={url} onChange={(e) => setUrl(e.target.value)} />
        <input aria-label="Evidence note" placeholder="What it shows" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" disabled={!url.trim() && !note.trim()}>
          Add evidence
        </button>
      </form>
    </div>
  )
}

function History({ history, nameOf }: { history: AnnotationChange[] | null; nameOf: (id: string) => string | undefined }): JSX.Element {
  return (
    <div className="field">
      <span>History</span>
      {history === null ? (
        <p className="muted small">Loading…</p>
      ) : history.length === 0 ? (
        <p className="muted small">Not saved yet.</p>
      ) : (
        <ol className="history" aria-label="History">
          {history.map((h) => (
            <li key={h.id}>
              <span className="muted small">{new Date(h.at).toLocaleString()}</span> <strong>{h.who || 'Someone'}</strong> {changeText(h, nameOf)}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

/** Loads an annotation's recorded history, again after each save and each change to its thread. */
function useHistory(load: (id: string) => Promise<AnnotationChange[]>, id: string | null, saves: SaveState, threads: ThreadClient): AnnotationChange[] | null {
  const savedVersion = useSaveState(saves).saves
  const [threadVersion, setThreadVersion] = useState(0)
  const [history, setHistory] = useState<AnnotationChange[] | null>(null)
  useEffect(() => (id ? threads.subscribe(id, () => setThreadVersion((n) => n + 1)) : undefined), [id, threads])
  useEffect(() => {
    if (!id) return
    let live = true
    // After the frame that shows the details: the request is not what the user waits for.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        load(id).then(
          (h) => live && setHistory(h),
          () => live && setHistory([])
        )
      }, 0)
    })
    return () => {
      live = false
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [id, savedVersion, threadVersion, load])
  return history
}
