import type { Node } from 'prosemirror-model'
import type { EditorState, Plugin } from 'prosemirror-state'
import type { AnnotationKind } from '../../shared/domain'
import { annotationKeymap } from '../editor/annotation-keys'
import { annotationPainter, annotations, type AnnotationRecord } from '../editor/annotations'
import { findPlugin } from '../editor/find'
import { articleStatePlugins, createArticleState } from '../editor/setup'
import { suggestionsPlugin } from '../editor/suggestions/plugin'
import { suggestionKeymap, type SuggestionsControl } from './suggestions/useSuggestions'

/** What the desk's editor asks of the page around it. */
export interface DeskHooks {
  /** The editor's name, recorded on changes. */
  user: () => string
  /** The suggestions queue, for its keys. */
  suggestions: () => SuggestionsControl | null
  /** The kinds of annotation shown (the side panel's filters): keys that step through annotations skip the others. */
  shown?: () => ReadonlySet<AnnotationKind>
  /** Says why a key did nothing (a tag key with no words selected). */
  tell?: (message: string) => void
}

/** The plugins the desk's article editor adds to the basic ones. */
function deskPlugins(records: AnnotationRecord[], { user, suggestions, shown, tell }: DeskHooks): Plugin[] {
  return [
    annotations({ annotations: records, user }),
    // CSS Custom Highlight API where the browser has it (Electron, Chromium), spans elsewhere.
    annotationPainter({ mode: 'auto' }),
    annotationKeymap(shown, tell),
    // Only the suggestion under review is drawn until the editor asks for all of them.
    suggestionsPlugin({ windowed: true, drawAll: false }),
    suggestionKeymap(suggestions),
    findPlugin()
  ]
}

/** The article editor's first state: the text, its annotations placed, and every plugin the desk uses. */
export function articleEditorState(doc: Node, records: AnnotationRecord[], hooks: DeskHooks): EditorState {
  return createArticleState(doc, deskPlugins(records, hooks))
}

/**
 * An editor state kept from an earlier visit to the article, given this visit's plugins: its
 * text, annotations, selection and undo history stay as they were (plugin state is kept by
 * plugin key), while the plugins' links to the page (who is editing, the suggestions) are new.
 */
export function resumedEditorState(kept: EditorState, hooks: DeskHooks): EditorState {
  return kept.reconfigure({ plugins: articleStatePlugins(deskPlugins([], hooks)) })
}
