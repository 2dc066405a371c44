import { useEffect, useId, useRef, useState, type JSX } from 'react'
import type { PlacementCounts } from '../../shared/contract'
import { MAX_TEXT_LENGTH } from '../../shared/limits'
import { call } from '../api'
import { useModalKeys } from './common/modal'

const ACCEPT = '.json,.jsonld,.ann'
const MAX_FILE_CHARS = MAX_TEXT_LENGTH * 4

/** "3 placed exactly, 1 placed approximately, 0 not found in the text": what the import did. */
export function placementSummary(counts: PlacementCounts): string {
  return `${counts.exact} placed exactly, ${counts.fuzzy} placed approximately, ${counts.orphaned} not found in the text`
}

/**
 * Import annotations…: a W3C Web Annotation JSON (Copydesk's own or Hypothesis's) or a brat
 * .ann file, read here as text and placed by the store on article `articleId`. Once the
 * store has them, every way out (Done, Escape) goes through `onImported`, because the open
 * article must be reloaded to show them.
 */
export function ImportAnnotationsDialog({
  articleId,
  onClose,
  onImported
}: {
  articleId: number
  onClose: () => void
  onImported: (counts: PlacementCounts) => void
}): JSX.Element {
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<PlacementCounts | null>(null)
  const dialog = useRef<HTMLDivElement>(null)
  const done = useRef<HTMLButtonElement>(null)
  const open = useRef(true)
  const ids = useId()
  useModalKeys(dialog, () => (result ? onImported(result) : onClose()))
  useEffect(() => {
    open.current = true
    return () => {
      open.current = false
    }
  }, [])
  useEffect(() => {
    if (result) done.current?.focus()
  }, [result])

  async function run(): Promise<void> {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const content = await file.text()
      if (content.length > MAX_FILE_CHARS) throw new Error(`“${file.name}” is too large to be an annotation file.`)
      const counts = await call('importAnnotations', { articleId, fileName: file.name, content })
      if (open.current) setResult(counts)
    } catch (err) {
      if (open.current) setError((err as Error).message)
    } finally {
      if (open.current) setBusy(false)
    }
  }

  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal import-annotations-dialog" role="dialog" aria-modal="true" aria-labelledby={`${ids}-title`} aria-busy={busy}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (result) onImported(result)
          else if (!busy) void run()
        }}
      >
        <h2 id={`${ids}-title`}>Import annotations</h2>
        <p className="muted small" id={`${ids}-explain`}>
          W3C Web Annotation JSON (Copydesk's own or Hypothesis's) or brat .ann. The annotations are added to this article: placed
          exactly where their words are, approximately where the text has changed a little, and listed under “Not found in the text”
          otherwise.
        </p>
        {!result && (
          <label className="field">
            <span>Annotation file</span>
            <input
              type="file"
              accept={ACCEPT}
              autoFocus
              disabled={busy}
              aria-describedby={`${ids}-explain`}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null)
                setError(null)
              }}
            />
          </label>
        )}
        {busy && (
          <div className="export-progress">
            <div className="progress-track" role="progressbar" aria-label="Importing" aria-valuetext="Importing…">
              <div className="progress-sweep" />
            </div>
            <span className="small muted">Importing…</span>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <div className="import-result" role="status">
            <p>
              <strong>{file?.name}</strong>: {placementSummary(result)}
              {result.skipped.length > 0 && `; ${result.skipped.length} skipped`}.
            </p>
            {result.skipped.length > 0 && (
              <details>
                <summary>Why {result.skipped.length === 1 ? 'one was' : 'some were'} skipped</summary>
                <ul className="small">
                  {result.skipped.map((reason, i) => (
                    <li key={i}>{reason}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
        <div className="modal-actions">
          {result ? (
            <button ref={done} type="submit" className="primary">
              Done
            </button>
          ) : (
            <>
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={busy || !file}>
                {busy ? 'Importing…' : 'Import'}
              </button>
            </>
          )}
        </div>
      </form>
      </div>
    </div>
  )
}
