import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { keymap } from 'prosemirror-keymap'
import { TextSelection, type Command, type Plugin } from 'prosemirror-state'
import { overlapIndex } from '../../../shared/bsearch'
import { ANNOTATION_KINDS } from '../../../shared/domain'
import { projectDoc } from '../../../shared/text'
import { call } from '../../api'
import { annotationsVersion, getAnnotations } from '../../editor/annotations'
import { readPendingDomChanges } from '../../editor/dom-sync'
import { afterNextFrame, afterQuiet } from '../../editor/frame'
import type { EditorSource } from '../../editor/react'
import { useEditorSelector } from '../../editor/react'
import { acceptSuggestions } from '../../editor/suggestions/accept'
import {
  getSuggestions,
  placeSuggestions,
  removeSuggestions,
  setSuggestions,
  suggestionAt,
  suggestionsVersion,
  type SuggestionItem
} from '../../editor/suggestions/plugin'
import { requestSuggestions } from '../../suggest-client'
import { elementAtPos } from '../annotations/pointer'
import { SHORTCUTS } from '../labels'
import { useToast } from '../Toast'

export interface SuggestionsControl {
  items: readonly SuggestionItem[]
  status: 'idle' | 'working' | 'off'
  enabled: boolean
  setEnabled: (on: boolean) => void
  accept: (items: SuggestionItem[]) => void
  dismiss: (items: SuggestionItem[]) => void
  show: (item: SuggestionItem) => void
}

/**
 * Keeps the article's suggestions fresh: after the text or the annotations settle, the
 * engine runs in a worker; suggestions already annotated, or dismissed before (remembered
 * per article in the store), are left out.
 */
export function useSuggestions(handle: EditorSource, articleId: number, ready: boolean): SuggestionsControl {
  const [enabled, setEnabled] = useState(true)
  // Read by a run already under way when Suggest is switched off: it must not draw its results.
  const enabledNow = useRef(enabled)
  useEffect(() => {
    enabledNow.current = enabled
  }, [enabled])
  const [status, setStatus] = useState<'idle' | 'working' | 'off'>('idle')
  const dismissed = useRef<Set<string> | null>(null)
  const toast = useToast()
  // Read in the render the version change causes (an effect setting state would render the panel twice).
  const version = useEditorSelector(handle, suggestionsVersion, -1)
  const items = useMemo<readonly SuggestionItem[]>(() => (handle.view ? getSuggestions(handle.view.state) : []), [handle, version])

  const refresh = useCallback(async () => {
    const view = handle.view
    if (!view) return
    if (!dismissed.current) dismissed.current = new Set(await call('listDismissals', { articleId }).catch(() => []))
    const doc = view.state.doc
    const annVersion = annotationsVersion(view.state)
    const projection = projectDoc(doc)
    setStatus('working')
    const found = await requestSuggestions(projection.text)
    if (!enabledNow.current) return
    setStatus('idle')
    const now = handle.view
    // Drawing the suggestions redraws text: first read a selection the browser has just moved.
    if (now) readPendingDomChanges(now)
    // Stale: the text or annotations changed while the engine ran; a new run is on its way.
    if (!now || now.state.doc !== doc || annotationsVersion(now.state) !== annVersion) return
    const annotations = getAnnotations(now.state)
    // One index a kind: 1,000 suggestions against 2,000 annotations, pair by pair, is 2 million checks.
    const annotated = new Map(ANNOTATION_KINDS.map((k) => [k, overlapIndex(annotations.filter((a) => a.kind === k))]))
    const placed = placeSuggestions(projection, found).filter(
      (s) =>
        !dismissed.current!.has(s.key) &&
        !annotated.get(s.kind)!(s.from, s.to) &&
        // Claims below 0.5 are not check-worthy enough to propose.
        (s.kind !== 'claim' || s.score >= 0.5)
    )
    now.dispatch(setSuggestions(now.state.tr, placed))
  }, [handle, articleId])

  // Re-run when the text or the annotations settle.
  useEffect(() => {
    if (!ready) return
    if (!enabled) {
      const view = handle.view
      if (view && getSuggestions(view.state).length) view.dispatch(setSuggestions(view.state.tr, []))
      setStatus('off')
      return
    }
    let first: ReturnType<typeof setTimeout> | null = null
    let gone = false
    const pause = afterQuiet(700, () => void refresh())
    // The first run once the article is on screen: starting the engine (a worker, the text
    // sent to it: ~15 ms on a 20,000-word article) would otherwise delay its first paint.
    // Typing before then leaves it to the run after the pause.
    afterNextFrame(() => {
      if (!gone && !pause.pending) first = setTimeout(() => void refresh(), 50)
    })
    let doc = handle.view?.state.doc
    let ann = handle.view ? annotationsVersion(handle.view.state) : -1
    const unsubscribe = handle.subscribe(() => {
      const s = handle.view?.state
      if (!s || (s.doc === doc && annotationsVersion(s) === ann)) return
      doc = s.doc
      ann = annotationsVersion(s)
      if (first !== null) clearTimeout(first)
      first = null
      pause.poke()
    })
    return () => {
      gone = true
      unsubscribe()
      if (first !== null) clearTimeout(first)
      pause.cancel()
    }
  }, [handle, ready, enabled, refresh])

  const accept = useCallback(
    (chosen: SuggestionItem[]) => {
      const view = handle.view
      if (!view || !chosen.length) return
      const tr = acceptSuggestions(view.state, chosen, getSuggestions(view.state))
      if (tr) view.dispatch(tr)
      view.focus()
    },
    [handle]
  )

  const dismiss = useCallback(
    (chosen: SuggestionItem[]) => {
      const view = handle.view
      if (!view || !chosen.length) return
      const keys = chosen.map((s) => s.key)
      for (const k of keys) dismissed.current?.add(k)
      view.dispatch(removeSuggestions(view.state.tr, keys).setMeta('addToHistory', false))
      call('setDismissals', { articleId, keys, dismissed: true }).then(
        () =>
          toast({
            tone: 'info',
            message: keys.length === 1 ? 'Suggestion dismissed.' : `${keys.length} suggestions dismissed.`,
            action: {
              label: 'Undo',
              run: () => {
                for (const k of keys) dismissed.current?.delete(k)
                void call('setDismissals', { articleId, keys, dismissed: false }).then(refresh)
              }
            }
          }),
        (err: Error) => toast({ tone: 'error', message: `The dismissal was not remembered: ${err.message}` })
      )
    },
    [handle, articleId, toast, refresh]
  )

  const show = useCallback(
    (item: SuggestionItem) => {
      const view = handle.view
      if (!view) return
      // By position: only the suggestions near the screen are underlined (have an element).
      elementAtPos(view, item.from)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    },
    [handle]
  )

  return { items, status: enabled ? status : 'off', enabled, setEnabled, accept, dismiss, show }
}

/** Editor keys for the suggestion at the cursor (see SHORTCUTS). */
export function suggestionKeymap(control: () => SuggestionsControl | null): Plugin {
  const atCursor = (act: (c: SuggestionsControl, s: SuggestionItem) => void): Command => (state) => {
    const c = control()
    const s = suggestionAt(state, state.selection.from)
    if (!c || !s) return false
    act(c, s)
    return true
  }
  const next: Command = (state, dispatch) => {
    const after = getSuggestions(state).find((s) => s.from > state.selection.to) ?? getSuggestions(state)[0]
    if (!after) return false
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, after.from)).scrollIntoView())
    return true
  }
  return keymap({
    [SHORTCUTS.acceptSuggestion.keys]: atCursor((c, s) => c.accept([s])),
    [SHORTCUTS.dismissSuggestion.keys]: atCursor((c, s) => c.dismiss([s])),
    [SHORTCUTS.nextSuggestion.keys]: next
  })
}
