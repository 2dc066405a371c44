import { useEffect, useRef, useState, type JSX } from 'react'
import { findState, findStep, searchText, selectCurrentMatch } from '../editor/find'
import { afterQuiet } from '../editor/frame'
import { useEditorSelector, type EditorHandle } from '../editor/react'

/** Scrolls the current match to the middle of the window, if it is not on screen. */
function revealCurrent(handle: EditorHandle): void {
  const view = handle.view
  if (!view) return
  const f = findState(view.state)
  const m = f.current >= 0 ? f.matches[f.current] : null
  if (!m) return
  try {
    const box = view.coordsAtPos(m.from)
    if (box.top < 80 || box.bottom > window.innerHeight - 20) window.scrollBy({ top: box.top - window.innerHeight / 2 })
  } catch {
    // A position without a box (an empty block): nothing to scroll to.
  }
}

/**
 * Find in the article (Ctrl/⌘+F): every match highlighted in the text, the current one
 * brighter, "3 of 12". Enter goes to the next, Shift+Enter to the previous; Escape closes
 * the bar and leaves the current match selected in the text, ready to tag.
 */
export function FindBar({ handle, onClose, focusKey }: { handle: EditorHandle; onClose: () => void; focusKey: number }): JSX.Element {
  const [query, setQuery] = useState(() => {
    const view = handle.view
    if (!view || view.state.selection.empty) return ''
    const text = view.state.doc.textBetween(view.state.selection.from, view.state.selection.to, ' ')
    return text.length <= 200 && !text.includes('\n') ? text : ''
  })
  const input = useRef<HTMLInputElement>(null)
  const f = useEditorSelector(handle, findState, { query: '', matches: [], current: -1, stale: false })

  // Ctrl/⌘+F again focuses the field and selects its text.
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [focusKey])

  // Searches as the editor types; again once typing in the text pauses (new matches there).
  useEffect(() => {
    const view = handle.view
    if (!view) return
    view.dispatch(searchText(view.state.tr, query))
    revealCurrent(handle)
  }, [handle, query])
  useEffect(() => {
    const again = afterQuiet(400, () => {
      const view = handle.view
      if (view && findState(view.state).stale) view.dispatch(searchText(view.state.tr, findState(view.state).query))
    })
    return handle.subscribe(() => {
      const view = handle.view
      if (view && findState(view.state).stale) again.poke()
    })
  }, [handle])
  // Closing clears the highlights.
  useEffect(
    () => () => {
      const view = handle.view
      if (view && !view.isDestroyed && findState(view.state).query) view.dispatch(searchText(view.state.tr, ''))
    },
    [handle]
  )

  const go = (dir: 1 | -1): void => {
    const view = handle.view
    if (view && findStep(dir)(view.state, view.dispatch)) revealCurrent(handle)
  }
  const close = (select: boolean): void => {
    const view = handle.view
    if (view) {
      if (select) selectCurrentMatch(view.state, view.dispatch)
      view.focus()
    }
    onClose()
  }
  const count = !f.query ? '' : f.matches.length === 0 ? 'No matches' : `${f.current + 1} of ${f.matches.length}`
  return (
    <div className="find-bar" role="search" aria-label="Find in the article">
      <input
        ref={input}
        type="search"
        aria-label="Find in the article"
        placeholder="Find in the article"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            go(e.shiftKey ? -1 : 1)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            close(true)
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {count}
      </span>
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={!f.matches.length} onClick={() => go(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={!f.matches.length} onClick={() => go(1)}>
        ↓
      </button>
      <button type="button" className="quiet" aria-label="Close find" title="Close (Esc)" onClick={() => close(false)}>
        ×
      </button>
    </div>
  )
}
