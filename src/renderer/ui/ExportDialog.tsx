import { useEffect, useId, useRef, useState, type JSX } from 'react'
import { useModalKeys } from './common/modal'
import type { ExportFormat, ExportInput } from '../../shared/contract'
import { ANNOTATION_KINDS, CLAIM_STATUSES, CLAIM_STATUS_LABELS, type AnnotationKind, type ClaimStatus } from '../../shared/domain'
import { call } from '../api'
import { downloadFiles } from './download'
import { KIND_LABELS } from './labels'

/** Each export format as an editor reads it, in the order the dialog lists them. */
export const EXPORT_CHOICES: readonly { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'html', label: 'Annotated HTML copy', hint: 'for the desk' },
  { format: 'pdf', label: 'PDF', hint: 'printable' },
  { format: 'md', label: 'Markdown with footnotes', hint: '' },
  { format: 'docx', label: 'Word with comments', hint: 'for the writer' },
  { format: 'w3c', label: 'W3C Web Annotation JSON-LD', hint: 'for other tools' },
  { format: 'claimreview', label: 'ClaimReview JSON-LD', hint: 'for the public (checked claims)' },
  { format: 'brat', label: 'brat standoff (.txt + .ann)', hint: '' },
  { format: 'csv', label: 'CSV fact-check log', hint: '' }
]

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item)
}

/** The request for what the editor chose; a filter that keeps everything is left out. */
export function exportRequest(
  id: number,
  format: ExportFormat,
  kinds: readonly AnnotationKind[],
  statuses: readonly ClaimStatus[],
  includeInternal: boolean,
  includeUnapproved = false
): ExportInput {
  return {
    id,
    format,
    kinds: kinds.length === ANNOTATION_KINDS.length ? undefined : ANNOTATION_KINDS.filter((k) => kinds.includes(k)),
    statuses: statuses.length === CLAIM_STATUSES.length ? undefined : CLAIM_STATUSES.filter((s) => statuses.includes(s)),
    includeInternal,
    ...(includeUnapproved ? { includeUnapproved } : {})
  }
}

/**
 * Export…: the article as a copy for the desk, the writer, the public or another tool. The
 * store makes the bytes (`exportArticle`); this dialog only chooses and hands them to
 * download.ts. It closes once the files are handed over; an error stays in it, in words.
 */
export function ExportDialog({
  articleId,
  onClose,
  onExported
}: {
  articleId: number
  onClose: () => void
  /** Told the names of the files handed to the browser, and how many claims were left out as not approved (for a toast); optional. */
  onExported?: (fileNames: string[], unapprovedLeftOut: number) => void
}): JSX.Element {
  const [format, setFormat] = useState<ExportFormat>('html')
  const [kinds, setKinds] = useState<AnnotationKind[]>([...ANNOTATION_KINDS])
  const [statuses, setStatuses] = useState<ClaimStatus[]>([...CLAIM_STATUSES])
  const [includeInternal, setIncludeInternal] = useState(false)
  const [includeUnapproved, setIncludeUnapproved] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const dialog = useRef<HTMLDivElement>(null)
  const open = useRef(true)
  const ids = useId()
  useModalKeys(dialog, onClose)
  useEffect(() => {
    open.current = true
    return () => {
      open.current = false
    }
  }, [])

  const noKinds = kinds.length === 0
  const noClaimStatuses = kinds.includes('claim') && statuses.length === 0 && kinds.length === 1

  async function run(): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      const { files, unapprovedLeftOut } = await call('exportArticle', exportRequest(articleId, format, kinds, statuses, includeInternal, includeUnapproved))
      // Closed while the store worked: the editor no longer wants the file.
      if (!open.current) return
      downloadFiles(files)
      onExported?.(files.map((f) => f.fileName), unapprovedLeftOut)
      onClose()
    } catch (err) {
      if (!open.current) return
      setError((err as Error).message)
      setBusy(false)
    }
  }

  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal export-dialog" role="dialog" aria-modal="true" aria-labelledby={`${ids}-title`} aria-busy={busy}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!busy) void run()
        }}
      >
        <h2 id={`${ids}-title`}>Export</h2>
        <fieldset className="choices" disabled={busy}>
          <legend>Format</legend>
          {EXPORT_CHOICES.map((c) => (
            <label key={c.format} className="choice">
              <input
                type="radio"
                name={`${ids}-format`}
                value={c.format}
                checked={format === c.format}
                autoFocus={format === c.format}
                onChange={() => {
                  setFormat(c.format)
                  setError(null)
                }}
              />
              <span>
                {c.label}
                {c.hint && <span className="muted"> — {c.hint}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choices inline-choices" disabled={busy}>
          <legend>Include</legend>
          {ANNOTATION_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds(toggle(kinds, k, e.target.checked))} />
              <span className={`dot dot-${k}`} aria-hidden="true" />
              {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices inline-choices" disabled={busy || !kinds.includes('claim')}>
          <legend>Claims with the status</legend>
          {CLAIM_STATUSES.map((s) => (
            <label key={s} className="choice">
              <input type="checkbox" checked={statuses.includes(s)} onChange={(e) => setStatuses(toggle(statuses, s, e.target.checked))} />
              {CLAIM_STATUS_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={includeInternal}
            disabled={busy}
            aria-describedby={`${ids}-internal`}
            onChange={(e) => setIncludeInternal(e.target.checked)}
          />
          Include the desk’s comments and history
        </label>
        <p id={`${ids}-internal`} className="muted small export-note">
          Leave off for a public copy.
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={includeUnapproved}
            disabled={busy}
            aria-describedby={`${ids}-unapproved`}
            onChange={(e) => setIncludeUnapproved(e.target.checked)}
          />
          Include verdicts not approved yet
        </label>
        <p id={`${ids}-unapproved`} className="muted small export-note">
          A public copy (HTML, PDF, Markdown, Word, ClaimReview) publishes only verdicts an editor approved, and says so.
        </p>
        {(noKinds || noClaimStatuses) && (
          <p className="muted small" role="status">
            {noKinds ? 'Choose at least one kind of annotation to export.' : 'Choose at least one claim status to export.'}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {busy && (
          <div className="export-progress">
            <div className="progress-track" role="progressbar" aria-label="Exporting" aria-valuetext="Exporting…">
              <div className="progress-sweep" />
            </div>
            <span className="small muted">Exporting…</span>
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || noKinds || noClaimStatuses}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
      </div>
    </div>
  )
}
