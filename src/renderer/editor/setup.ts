import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark } from 'prosemirror-commands'
import { history, redo, undo } from 'prosemirror-history'
import { keymap } from 'prosemirror-keymap'
import { Node } from 'prosemirror-model'
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list'
import { EditorState, type Plugin } from 'prosemirror-state'
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

/** A fresh editor state for an article body, with history and the keymaps. */
export function createArticleState(body: DocJSON, plugins: Plugin[] = []): EditorState {
  return EditorState.create({
    doc: Node.fromJSON(schema, body),
    plugins: [history(), ...plugins, editingKeymap(), keymap(baseKeymap)]
  })
}
