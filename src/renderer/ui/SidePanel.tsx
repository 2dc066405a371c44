import { memo, useEffect, useId, useRef, type JSX, type KeyboardEvent, type MutableRefObject, type ReactNode } from 'react'
import type { AnnotationChange, AnnotationKind } from '../../shared/domain'
import type { EditorHandle } from '../editor/react'
import type { AnnotationActions } from './annotations/actions'
import { AnnotationPanel } from './annotations/AnnotationPanel'
import { useAnnotation, useAnnotationList, useAnnotationText, useSelectedId } from './annotations/useAnnotations'
import type { SaveState } from './SaveIndicator'
import type { ThreadClient } from './annotations/thread-client'
import { SuggestionsPanel } from './suggestions/SuggestionsPanel'
import { useSuggestions, type SuggestionsControl } from './suggestions/useSuggestions'

export type PanelTab = 'annotations' | 'suggestions'

interface Props {
  handle: EditorHandle
  articleId: number
  actions: AnnotationActions
  /** Where the editor's suggestion keys find the suggestions. */
  suggestionsRef: MutableRefObject<SuggestionsControl | null>
  loadHistory: (id: string) => Promise<AnnotationChange[]>
  saves: SaveState
  threads: ThreadClient
  userName: string
  onPreferences: () => void
  kinds: ReadonlySet<AnnotationKind>
  onKinds: (kinds: ReadonlySet<AnnotationKind>) => void
  tab: PanelTab
  onTab: (tab: PanelTab) => void
  /** In a narrow window the panel is a drawer over the text: this closes it. */
  onClose?: () => void
  /** A closed drawer: still following the editor (the suggestion keys need it), not shown. */
  hidden?: boolean
  /** The handle that resizes the panel, drawn along its edge. */
  resizer?: ReactNode
}

const TABS: PanelTab[] = ['annotations', 'suggestions']

/**
 * The side panel: annotations and suggestions, as two tabs. It subscribes to the editor
 * itself, so tagging or selecting an annotation re-renders the panel and nothing else on the
 * page, and in a frame of its own when the change was made in the text.
 */
export const SidePanel = memo(function SidePanel(props: Props): JSX.Element {
  const { handle, articleId, actions, suggestionsRef, tab, onTab } = props
  // A frame behind the text while the user works in it (see AfterPaint).
  const editor = handle.afterPaint
  const { list, orphans, texts } = useAnnotationList(editor)
  const selectedId = useSelectedId(editor)
  const selected = useAnnotation(editor, selectedId)
  const selectedText = useAnnotationText(editor, selectedId)
  const suggestions = useSuggestions(editor, articleId, true)
  suggestionsRef.current = suggestions
  const ids = useId()
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const panel = useRef<HTMLElement>(null)
  // Whether focus was last in the panel: when what had it goes (a row opening the details, the
  // details closing, a removed annotation's Remove button), it is put back in the panel.
  const hadFocus = useRef(false)
  useEffect(() => {
    const onIn = (e: FocusEvent): void => {
      hadFocus.current = !!panel.current?.contains(e.target as Node)
    }
    document.addEventListener('focusin', onIn)
    return () => document.removeEventListener('focusin', onIn)
  }, [])
  useEffect(() => {
    const lost = (): boolean => hadFocus.current && (!document.activeElement || document.activeElement === document.body)
    const rescue = (last: boolean): void => {
      const el = panel.current
      if (!el || el.hidden || !lost()) return
      const to = el.querySelector<HTMLElement>('.details-nav .back') ?? el.querySelector<HTMLElement>('.row-list [tabindex="0"]') ?? (last ? el.querySelector<HTMLElement>('[role=tab][aria-selected=true]') : null)
      to?.focus({ preventScroll: true })
    }
    if (!lost()) return
    rescue(false)
    // A list draws its rows a frame later: look again then.
    const frame = requestAnimationFrame(() => rescue(true))
    return () => cancelAnimationFrame(frame)
  })
  const count = { annotations: list.length, suggestions: suggestions.items.length }
  const label = { annotations: 'Annotations', suggestions: 'Suggestions' }
  // Arrow keys move between tabs, as in any tab list.
  const onTabKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    e.preventDefault()
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]
    onTab(next)
    tabs.current[TABS.indexOf(next)]?.focus()
  }
  return (
    <aside ref={panel} className={`panel${props.onClose ? ' drawer' : ''}`} aria-label="Side panel" hidden={props.hidden}>
      {props.resizer}
      <div className="panel-tabs">
        <div className="tabs" role="tablist" aria-label="Side panel" onKeyDown={onTabKey}>
          {TABS.map((t, i) => (
            <button
              key={t}
              ref={(el) => {
                tabs.current[i] = el
              }}
              type="button"
              role="tab"
              id={`${ids}-${t}`}
              aria-selected={tab === t}
              aria-controls={`${ids}-${t}-panel`}
              tabIndex={tab === t ? 0 : -1}
              onClick={() => onTab(t)}
            >
              {label[t]} <span className="tab-count">{count[t]}</span>
            </button>
          ))}
        </div>
        {props.onClose && (
          <button type="button" className="quiet panel-close" aria-label="Close the side panel" onClick={props.onClose}>
            ×
          </button>
        )}
      </div>
      <div className="tab-panel" role="tabpanel" id={`${ids}-${tab}-panel`} aria-labelledby={`${ids}-${tab}`}>
        {tab === 'annotations' ? (
          <AnnotationPanel
            list={list}
            orphans={orphans}
            selected={selected}
            selectedText={selectedText}
            texts={texts}
            userName={props.userName}
            onPreferences={props.onPreferences}
            actions={actions}
            loadHistory={props.loadHistory}
            saves={props.saves}
            threads={props.threads}
            kinds={props.kinds}
            onKinds={props.onKinds}
          />
        ) : (
          <SuggestionsPanel control={suggestions} />
        )}
      </div>
    </aside>
  )
})
