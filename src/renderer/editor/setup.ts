import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark } from 'prosemirror-commands'
import { history, redo, undo } from 'prosemirror-history'
import { keymap } from 'prosemirror-keymap'
import { Node } from 'prosemirror-model'
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list'
import { EditorState, Plugin, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { articleSchema, type DocJSON } from '../../shared/schema'

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

/** True when the page's selection is at exactly these editor positions. */
function domSelectionIs(view: EditorView, anchor: number, head: number): boolean {
  const dom = (view.root as Document).getSelection?.()
  if (!dom?.anchorNode || !dom.focusNode) return false
  try {
    return view.posAtDOM(dom.anchorNode, dom.anchorOffset) === anchor && view.posAtDOM(dom.focusNode, dom.focusOffset) === head
  } catch {
    return false
  }
}

/**
 * A typed character goes into the document as a transaction, as ProseMirror already does for
 * selections the browser cannot type over, instead of through Chromium's own editing command,
 * which costs about 6 ms a key on a 20,000-word page (measured with `npm run bench`). Keys
 * that compose (dead keys, input methods) never reach keypress and stay native.
 */
export function typedTextPlugin(): Plugin {
  return new Plugin({
    props: {
      handleKeyPress(view, event) {
        const text = String.fromCharCode(event.charCode)
        const sel = view.state.selection
        if (view.composing || /[\r\n]/.test(text) || !(sel instanceof TextSelection) || !sel.$from.parent.inlineContent) return false
        // The caret may have moved natively (Home, a click) with ProseMirror not yet told:
        // then the browser types where the caret is, as usual.
        if (!domSelectionIs(view, sel.anchor, sel.head)) return false
        const insert = () => view.state.tr.insertText(text).scrollIntoView()
        if (!view.someProp('handleTextInput', (f) => f(view, sel.from, sel.to, text, insert))) view.dispatch(insert())
        return true
      }
    }
  })
}

/** A fresh editor state for an article body, with history and the keymaps. */
export function createArticleState(body: DocJSON, plugins: Plugin[] = []): EditorState {
  return EditorState.create({
    doc: Node.fromJSON(schema, body),
    plugins: [history(), ...plugins, editingKeymap(), keymap(baseKeymap), typedTextPlugin()]
  })
}
