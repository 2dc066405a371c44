import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import { annotationKeymap } from '../editor/annotation-keys'
import { annotationPainter, annotations, type AnnotationRecord } from '../editor/annotations'
import { createArticleState } from '../editor/setup'
import { suggestionsPlugin } from '../editor/suggestions/plugin'
import { suggestionKeymap, type SuggestionsControl } from './suggestions/useSuggestions'

/** The article editor's first state: the text, its annotations placed, and every plugin the desk uses. */
export function articleEditorState(
  doc: Node,
  records: AnnotationRecord[],
  user: () => string,
  suggestions: () => SuggestionsControl | null
): EditorState {
  return createArticleState(doc, [
    annotations({ annotations: records, user }),
    // CSS Custom Highlight API where the browser has it (Electron, Chromium), spans elsewhere.
    annotationPainter({ mode: 'auto' }),
    annotationKeymap(),
    suggestionsPlugin({ windowed: true }),
    suggestionKeymap(suggestions)
  ])
}
