import { memo, type JSX } from 'react'
import { redo, redoDepth, undo, undoDepth } from 'prosemirror-history'
import type { Command } from 'prosemirror-state'
import { ANNOTATION_KINDS } from '../../shared/domain'
import { tagSelection } from '../editor/annotation-keys'
import { useEditorSelector, type EditorHandle } from '../editor/react'
import { KIND_LABELS, SHORTCUTS } from './labels'
import { shortcut } from './shortcuts'

interface Props {
  handle: EditorHandle
  run: (cmd: Command) => boolean
  onShortcuts: () => void
  onExport: () => void
  onImport: () => void
  onPreferences: () => void
}

/**
 * Undo, redo, the three tag buttons and the page's commands. It follows the editor by
 * itself (can undo? is there a selection?), so a keystroke re-renders these buttons at
 * most, never the page around them.
 */
export const EditingToolbar = memo(function EditingToolbar({ handle, run, onShortcuts, onExport, onImport, onPreferences }: Props): JSX.Element {
  const canUndo = useEditorSelector(handle, (s) => undoDepth(s) > 0, false)
  const canRedo = useEditorSelector(handle, (s) => redoDepth(s) > 0, false)
  const hasSelection = useEditorSelector(handle, (s) => !s.selection.empty, false)
  return (
    <div className="toolbar" role="toolbar" aria-label="Editing">
      <button type="button" aria-label="Undo" title={`Undo (${shortcut(SHORTCUTS.undo.keys)})`} disabled={!canUndo} onClick={() => run(undo)}>
        Undo
      </button>
      <button type="button" aria-label="Redo" title={`Redo (${shortcut(SHORTCUTS.redo.keys)})`} disabled={!canRedo} onClick={() => run(redo)}>
        Redo
      </button>
      <span className="sep" aria-hidden="true" />
      {ANNOTATION_KINDS.map((k) => (
        <button
          key={k}
          type="button"
          className={`tag-button tag-${k}`}
          aria-label={KIND_LABELS[k]}
          title={`${SHORTCUTS[k].label} (${shortcut(SHORTCUTS[k].keys)})`}
          disabled={!hasSelection}
          // Keep the text selection: a mouse-down on the button would otherwise take focus from it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run(tagSelection(k))}
        >
          <span className={`dot dot-${k}`} aria-hidden="true" />
          {KIND_LABELS[k]}
        </button>
      ))}
      <span className="sep" aria-hidden="true" />
      <button type="button" title={`Keyboard shortcuts (${shortcut(SHORTCUTS.sheet.keys)})`} aria-label="Keyboard shortcuts" onClick={onShortcuts}>
        ?
      </button>
      <button type="button" aria-label="Export…" title="Export an annotated copy (Ctrl/⌘+E in the app menu)" onClick={onExport}>
        Export…
      </button>
      <button type="button" aria-label="Import annotations…" title="Add annotations from a W3C or brat file" onClick={onImport}>
        Import annotations…
      </button>
      <button type="button" title="Your name and organisation" onClick={onPreferences}>
        Preferences
      </button>
    </div>
  )
})
