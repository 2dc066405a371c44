import { useEffect, useRef, useState, type JSX } from 'react'

/**
 * A text field that edits a value in the editor's history: it keeps a draft while the user
 * types and commits it when typing pauses or the field loses focus, so one burst of typing
 * is one undo step, not one per key.
 */
export function DraftField({
  label,
  value,
  onCommit,
  multiline = false,
  placeholder,
  type = 'text'
}: {
  label: string
  value: string
  onCommit: (v: string) => void
  multiline?: boolean
  placeholder?: string
  type?: string
}): JSX.Element {
  const [draft, setDraft] = useState(value)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef({ value, draft, onCommit })
  latest.current = { value, draft, onCommit }

  // Undo/redo or another editor changed the value: show it unless the user is mid-edit.
  useEffect(() => {
    if (!timer.current) setDraft(value)
  }, [value])

  const commit = (): void => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const { value: v, draft: d, onCommit: c } = latest.current
    if (d !== v) c(d)
  }
  useEffect(() => () => commit(), [])

  const change = (v: string): void => {
    setDraft(v)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(commit, 800)
  }
  const common = {
    'aria-label': label,
    // Nothing of its own to undo: Ctrl/⌘+Z there undoes the article's last change (see article/keys.ts).
    'data-article-undo': draft === value ? 'true' : undefined,
    value: draft,
    placeholder,
    onBlur: commit,
    onChange: (e: { target: { value: string } }) => change(e.target.value)
  }
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} {...common} />}
    </label>
  )
}
