import { memo, useLayoutEffect, useRef, useState, type JSX, type ReactNode } from 'react'
import { redo, redoDepth, undo, undoDepth } from 'prosemirror-history'
import type { Command } from 'prosemirror-state'
import { ANNOTATION_KINDS } from '../../shared/domain'
import { tagSelection } from '../editor/annotation-keys'
import { useEditorSelector, type EditorHandle } from '../editor/react'
import { Menu, type MenuItem } from './common/Menu'
import { KIND_LABELS, SHORTCUTS } from './labels'
import { shortcut } from './shortcuts'

interface Props {
  handle: EditorHandle
  run: (cmd: Command) => boolean
  /** Says why a command did nothing (the words are already tagged so). */
  tell: (message: string) => void
  onShortcuts: () => void
  onExport: () => void
  onImport: () => void
  onPreferences: () => void
  onFind: () => void
  onPrint: () => void
}

/** One toolbar command: a button while it fits, a menu item in "More" when it does not. */
interface Tool extends MenuItem {
  title: string
  /** Drawn before the label on the button. */
  icon?: ReactNode
  /** Tools of one group sit together; a rule separates groups. */
  group: number
}

const GAP = 6
const RULE = 9

/**
 * Undo, redo, the three tag buttons and the page's commands. What does not fit in the
 * window's width (a narrow window, a large zoom) moves, last first, into a "More" menu, so
 * nothing wraps or leaves the screen. It follows the editor by itself (can undo? is there a
 * selection?), so a keystroke re-renders these buttons at most, never the page around them.
 */
export const EditingToolbar = memo(function EditingToolbar({ handle, run, tell, onShortcuts, onExport, onImport, onPreferences, onFind, onPrint }: Props): JSX.Element {
  const canUndo = useEditorSelector(handle, (s) => undoDepth(s) > 0, false)
  const canRedo = useEditorSelector(handle, (s) => redoDepth(s) > 0, false)
  const hasSelection = useEditorSelector(handle, (s) => !s.selection.empty, false)
  const tools: Tool[] = [
    { key: 'undo', group: 0, label: 'Undo', title: `Undo (${shortcut(SHORTCUTS.undo.keys)})`, keys: shortcut(SHORTCUTS.undo.keys), disabled: !canUndo, onSelect: () => run(undo) },
    { key: 'redo', group: 0, label: 'Redo', title: `Redo (${shortcut(SHORTCUTS.redo.keys)})`, keys: shortcut(SHORTCUTS.redo.keys), disabled: !canRedo, onSelect: () => run(redo) },
    ...ANNOTATION_KINDS.map(
      (k): Tool => ({
        key: k,
        group: 1,
        label: KIND_LABELS[k],
        icon: <span className={`dot dot-${k}`} aria-hidden="true" />,
        title: `${SHORTCUTS[k].label} (${shortcut(SHORTCUTS[k].keys)})`,
        keys: shortcut(SHORTCUTS[k].keys),
        disabled: !hasSelection,
        keepSelection: true,
        onSelect: () => run(tagSelection(k, tell))
      })
    ),
    { key: 'find', group: 2, label: 'Find', title: `Find in the article (${shortcut(SHORTCUTS.find.keys)})`, keys: shortcut(SHORTCUTS.find.keys), onSelect: onFind },
    { key: 'export', group: 2, label: 'Export…', title: 'Export an annotated copy', onSelect: onExport },
    { key: 'print', group: 2, label: 'Print…', title: `Print the annotated copy (${shortcut(SHORTCUTS.print.keys)})`, keys: shortcut(SHORTCUTS.print.keys), onSelect: onPrint },
    { key: 'import', group: 2, label: 'Import annotations…', title: 'Add annotations from a W3C or brat file', onSelect: onImport },
    { key: 'prefs', group: 3, label: 'Preferences…', title: 'Your name and organisation', onSelect: onPreferences },
    { key: 'keys', group: 3, label: 'Keyboard shortcuts', title: `Keyboard shortcuts (${shortcut(SHORTCUTS.sheet.keys)})`, keys: shortcut(SHORTCUTS.sheet.keys), onSelect: onShortcuts }
  ]

  const bar = useRef<HTMLDivElement>(null)
  const measure = useRef<HTMLDivElement>(null)
  const more = useRef<HTMLButtonElement>(null)
  const [fits, setFits] = useState(tools.length)
  const [open, setOpen] = useState(false)

  // How many tools fit: each one's width is read from a hidden row that draws them all.
  useLayoutEffect(() => {
    const el = bar.current
    const row = measure.current
    if (!el || !row) return
    const fit = (): void => {
      const widths = [...row.children].map((c) => (c as HTMLElement).getBoundingClientRect().width)
      const moreWidth = widths.pop() ?? 0
      const room = el.getBoundingClientRect().width
      const used = (n: number): number => {
        let w = 0
        for (let i = 0; i < n; i++) w += widths[i] + GAP + (i > 0 && tools[i].group !== tools[i - 1].group ? RULE : 0)
        return w
      }
      if (used(widths.length) <= room) return setFits(widths.length)
      let n = widths.length
      while (n > 0 && used(n) + moreWidth + GAP > room) n--
      setFits(n)
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    observer.observe(row)
    return () => observer.disconnect()
    // The tools' labels never change width with their state: measure on resize only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const button = (t: Tool, i: number, list: Tool[]): ReactNode => [
    i > 0 && list[i - 1].group !== t.group ? <span key={`${t.key}-rule`} className="sep" aria-hidden="true" /> : null,
    <button
      key={t.key}
      type="button"
      className={`tool tool-${t.key}`}
      title={t.title}
      disabled={t.disabled}
      onMouseDown={t.keepSelection ? (e) => e.preventDefault() : undefined}
      onClick={t.onSelect}
    >
      {t.icon}
      {t.label}
    </button>
  ]
  const shown = tools.slice(0, fits)
  const hidden = tools.slice(fits)
  return (
    <div ref={bar} className="toolbar" role="toolbar" aria-label="Editing">
      {shown.map(button)}
      {hidden.length > 0 && (
        <button
          ref={more}
          type="button"
          className="tool tool-more"
          aria-haspopup="menu"
          aria-expanded={open}
          title="More commands"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setOpen((o) => !o)}
        >
          More ▾
        </button>
      )}
      {open && hidden.length > 0 && (
        <Menu
          label="More commands"
          items={hidden}
          onClose={() => setOpen(false)}
          returnTo={more.current}
          className="toolbar-menu"
          style={{ top: (more.current?.getBoundingClientRect().bottom ?? 0) + 4, right: Math.max(8, window.innerWidth - (more.current?.getBoundingClientRect().right ?? 0)) }}
        />
      )}
      <div ref={measure} className="toolbar-measure" aria-hidden="true" inert>
        {tools.map((t) => (
          <button key={t.key} type="button" className={`tool tool-${t.key}`} tabIndex={-1}>
            {t.icon}
            {t.label}
          </button>
        ))}
        <button type="button" className="tool tool-more" tabIndex={-1}>
          More ▾
        </button>
      </div>
    </div>
  )
})
