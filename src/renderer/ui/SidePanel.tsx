import { memo, useState, type JSX, type MutableRefObject } from 'react'
import type { AnnotationChange } from '../../shared/domain'
import type { EditorHandle } from '../editor/react'
import type { AnnotationActions } from './annotations/actions'
import { AnnotationPanel } from './annotations/AnnotationPanel'
import { useAnnotation, useAnnotationList, useAnnotationText, useSelectedId } from './annotations/useAnnotations'
import type { SaveState } from './SaveIndicator'
import { SuggestionsPanel } from './suggestions/SuggestionsPanel'
import { useSuggestions, type SuggestionsControl } from './suggestions/useSuggestions'

interface Props {
  handle: EditorHandle
  articleId: number
  actions: AnnotationActions
  /** Where the editor's suggestion keys find the suggestions. */
  suggestionsRef: MutableRefObject<SuggestionsControl | null>
  loadHistory: (id: string) => Promise<AnnotationChange[]>
  saves: SaveState
  userName: string
  onPreferences: () => void
}

/**
 * The side panel: annotations and suggestions. It subscribes to the editor itself, so
 * tagging or selecting an annotation re-renders the panel and nothing else on the page,
 * and in a frame of its own when the change was made in the text.
 */
export const SidePanel = memo(function SidePanel({ handle, articleId, actions, suggestionsRef, loadHistory, saves, userName, onPreferences }: Props): JSX.Element {
  const [tab, setTab] = useState<'annotations' | 'suggestions'>('annotations')
  // A frame behind the text while the user works in it (see AfterPaint).
  const editor = handle.afterPaint
  const { list, orphans, texts } = useAnnotationList(editor)
  const selectedId = useSelectedId(editor)
  const selected = useAnnotation(editor, selectedId)
  const selectedText = useAnnotationText(editor, selectedId)
  const suggestions = useSuggestions(editor, articleId, true)
  suggestionsRef.current = suggestions
  return (
    <aside className="panel" aria-label="Side panel">
      <div className="tabs" role="tablist" aria-label="Side panel">
        <button type="button" role="tab" aria-selected={tab === 'annotations'} onClick={() => setTab('annotations')}>
          Annotations ({list.length})
        </button>
        <button type="button" role="tab" aria-selected={tab === 'suggestions'} onClick={() => setTab('suggestions')}>
          Suggestions ({suggestions.items.length})
        </button>
        <label className="toggle" title="Show suggestions in the text">
          <input type="checkbox" checked={suggestions.enabled} onChange={(e) => suggestions.setEnabled(e.target.checked)} />
          Suggest
        </label>
      </div>
      {tab === 'annotations' ? (
        <AnnotationPanel
          list={list}
          orphans={orphans}
          selected={selected}
          selectedText={selectedText}
          texts={texts}
          userName={userName}
          onPreferences={onPreferences}
          actions={actions}
          loadHistory={loadHistory}
          saves={saves}
        />
      ) : (
        <SuggestionsPanel
          items={suggestions.items}
          status={suggestions.status}
          onAccept={suggestions.accept}
          onDismiss={suggestions.dismiss}
          onShow={suggestions.show}
        />
      )}
    </aside>
  )
})
