import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark } from 'prosemirror-commands'
import { history, redo, undo } from 'prosemirror-history'
import { keymap } from 'prosemirror-keymap'
import { Node } from 'prosemirror-model'
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list'
import { EditorState, Plugin, TextSelection, type Transaction } from 'prosemirror-state'
import { articleSchema, type DocJSON } from '../../shared/schema'
import { readPendingDomChanges } from './dom-sync'

const schema = articleSchema

/** The editing keys every editor expects, with Mod = Cmd on macOS and Ctrl elsewhere. */
export function editingKeymap(): Plugin {
  const hardBreak = chainCommands(exitCode, (state, dispatch) => {
    dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView())
    return true
  })
  return keymap({
    'Mod-z': undo,
    'Shift-Mod-z': redo,
    'Mod-y': redo,
    'Mod-b': toggleMark(schema.marks.strong),
    'Mod-i': toggleMark(schema.marks.em),
    'Shift-Enter': hardBreak,
    Enter: splitListItem(schema.nodes.list_item),
    'Mod-[': liftListItem(schema.nodes.list_item),
    'Mod-]': sinkListItem(schema.nodes.list_item),
    'Shift-Ctrl-0': setBlockType(schema.nodes.paragraph)
  })
}

/**
 * Settles ProseMirror's scroll to the selection at once when the caret is already inside the
 * window, as it is at nearly every keystroke. ProseMirror's own check reads the box of every
 * element from the editor up to the page (~0.3 ms a key on a 20,000-word article); this
 * reads the caret's. The page is the only thing that scrolls around the editor, so the
 * window is the box to be in; anything else is left to ProseMirror, which scrolls.
 */
export function caretInViewCheck(): Plugin {
  return new Plugin({
    props: {
      handleScrollToSelection(view) {
        const selection = view.state.selection
        if (!(selection instanceof TextSelection)) return false
        let caret: { top: number; bottom: number }
        try {
          caret = view.coordsAtPos(selection.head, 1)
        } catch {
          return false
        }
        return caret.top >= 0 && caret.bottom <= window.innerHeight
      }
    }
  })
}

/**
 * Puts a typed character in the text itself, as ProseMirror does for a selection across
 * blocks, rather than letting the browser insert it and reading the change back. On a
 * 20,000-word article the browser's insertion spent ~3.5 ms a key (its typing command, a
 * layout, the input method's re-read of the whole text) before ProseMirror's ~1 ms of
 * reading the DOM back; this way a key's task took ~0.5 ms less main-thread CPU (two pairs of
 * traces of 120 keys, median), the text node written once and the caret put after it. An input
 * method's composition, dead keys included, still goes through the browser (no keypress
 * comes then), and so do keys with Ctrl or Cmd (ProseMirror hands on no keypress for those).
 */
export function typedCharacters(): Plugin {
  return new Plugin({
    props: {
      handleKeyPress(view, event) {
        if (view.composing || event.isComposing || !/^[^\p{Cc}]$/u.test(event.key)) return false
        // The browser may have moved the caret (an arrow key, a click) since ProseMirror last
        // looked: its selectionchange event can come after this key. Read it first.
        readPendingDomChanges(view)
        const { $from, $to } = view.state.selection
        if (!$from.sameParent($to) || !$from.parent.inlineContent) return false
        const text = event.key
        const insert = (): Transaction => view.state.tr.insertText(text).scrollIntoView()
        if (!view.someProp('handleTextInput', (f) => f(view, $from.pos, $to.pos, text, insert))) view.dispatch(insert())
        return true
      }
    }
  })
}

/**
 * Pasted HTML without its styles: the page's Content-Security-Policy refuses inline styles
 * (and says so in the console for each one), and the article keeps no styling anyway.
 */
export function pastedWithoutStyles(): Plugin {
  return new Plugin({
    props: {
      transformPastedHTML: (html) => html.replace(/<style\b[^>]*>[^<]*<\/style>/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '')
    }
  })
}

/**
 * Text is not dragged within the article: a drag that starts in selected words (as one does to
 * select them again, right after tagging them) would move them to where the mouse lets go,
 * silently changing the text. (Tagging also leaves the caret after the tagged words, not
 * them selected: see tagSelection.) Drops from elsewhere (another program, a file) still work.
 */
export function noTextDragging(): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        dragstart: (view, event) => {
          if (!(event.target instanceof globalThis.Node) || !view.dom.contains(event.target)) return false
          event.preventDefault()
          return true
        }
      }
    }
  })
}

/**
 * ProseMirror's base keys without Escape, which there selects the block around the caret: in
 * the article, Escape closes what is open (the details, the find bar, the side drawer).
 */
const { Escape: _selectParent, ...baseKeys } = baseKeymap

/** Every plugin of an article editor: history, `plugins`, and the editing keys. */
export function articleStatePlugins(plugins: Plugin[] = []): Plugin[] {
  return [history(), ...plugins, editingKeymap(), keymap(baseKeys), caretInViewCheck(), typedCharacters(), pastedWithoutStyles(), noTextDragging()]
}

/** A fresh editor state for an article body (or a document already made from it), with history and the keymaps. */
export function createArticleState(body: DocJSON | Node, plugins: Plugin[] = []): EditorState {
  return EditorState.create({
    doc: body instanceof Node ? body : Node.fromJSON(schema, body),
    plugins: articleStatePlugins(plugins)
  })
}
