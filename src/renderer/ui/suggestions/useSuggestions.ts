import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { keymap } from 'prosemirror-keymap'
import { TextSelection, type Command, type Plugin } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
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
  currentSuggestion,
  dismissedSuggestions,
  dismissSuggestions,
  drawAllSuggestions,
  drawsAllSuggestions,
  getSuggestions,
  placeSuggestions,
  setCurrentSuggestion,
  setDismissedSuggestions,
  setSuggestions,
  suggestionAt,
  suggestionsVersion,
  type SuggestionItem
} from '../../editor/suggestions/plugin'
import { requestSuggestions } from '../../suggest-client'
import { announce } from '../common/announce'
import { useNotify } from '../common/notices'
import { readUiPrefs, writeUiPrefs } from '../common/ui-prefs'
import { elementAtPos } from '../annotations/pointer'
import { KIND_LABELS, SHORTCUTS } from '../labels'

export interface SuggestionsControl {
  /** The suggestions to review (at or above the threshold), in document order. */
  items: readonly SuggestionItem[]
  status: 'idle' | 'working'
  /** The key of the one under review. */
  current: string | null
  /** Every suggestion drawn in the text, or only the one under review. */
  inText: boolean
  setInText: (on: boolean) => void
  /** The lowest score listed (0–1). */
  threshold: number
  setThreshold: (t: number) => void
  accept: (items: SuggestionItem[]) => void
  dismiss: (items: SuggestionItem[]) => void
  /** Makes one the one under review, drawn and scrolled to in the text. */
  review: (item: SuggestionItem | null) => void
  /** Reviews the next (1) or previous (-1) one after the current, among `among` (all by default). */
  step: (dir: 1 | -1, among?: readonly SuggestionItem[]) => void
}

function label(items: readonly SuggestionItem[]): string {
  if (items.length === 1) return `${KIND_LABELS[items[0].kind].toLowerCase()} “${items[0].text.length > 60 ? `${items[0].text.slice(0, 59)}…` : items[0].text}”`
  return `${items.length} suggestions`
}

/**
 * Keeps the article's suggestions fresh and works them as a review queue: after the text or
 * the annotations settle, the engine runs in a worker; suggestions already annotated,
 * dismissed before (remembered per article in the store), or below the threshold are left
 * out. One suggestion is under review at a time; the rest are drawn in the text only when
 * the editor asks for them.
 */
export function useSuggestions(handle: EditorSource, articleId: number, ready: boolean): SuggestionsControl {
  const [prefs, setPrefs] = useState(readUiPrefs)
  const [status, setStatus] = useState<'idle' | 'working'>('idle')
  /** The dismissed keys the store has (the editor's set is the truth; this follows it). */
  const stored = useRef<ReadonlySet<string> | null>(null)
  /** The engine's last results, placed: a new threshold filters them again without a new run. */
  const found = useRef<{ doc: unknown; items: SuggestionItem[] } | null>(null)
  const threshold = useRef(prefs.suggestionThreshold)
  threshold.current = prefs.suggestionThreshold
  const notify = useNotify()
  // Read in the render the version change causes (an effect setting state would render the panel twice).
  const version = useEditorSelector(handle, suggestionsVersion, -1)
  const current = useEditorSelector(handle, currentSuggestion, null)
  const items = useMemo<readonly SuggestionItem[]>(() => (handle.view ? getSuggestions(handle.view.state) : []), [handle, version])

  /** Puts the engine's results, less those left out, in the editor. */
  const show = useCallback(
    (view: EditorView) => {
      const placed = found.current
      if (!placed || placed.doc !== view.state.doc) return
      const annotations = getAnnotations(view.state)
      // One index a kind: 1,000 suggestions against 2,000 annotations, pair by pair, is 2 million checks.
      const annotated = new Map(ANNOTATION_KINDS.map((k) => [k, overlapIndex(annotations.filter((a) => a.kind === k))]))
      const dismissed = dismissedSuggestions(view.state)
      const keep = placed.items.filter((s) => !dismissed.has(s.key) && !annotated.get(s.kind)!(s.from, s.to) && s.score >= threshold.current)
      readPendingDomChanges(view)
      view.dispatch(setSuggestions(view.state.tr, keep))
    },
    []
  )

  const refresh = useCallback(async () => {
    const view = handle.view
    if (!view) return
    if (!stored.current) {
      const keys = await call('listDismissals', { articleId }).catch(() => [] as string[])
      stored.current = new Set(keys)
      const v = handle.view
      if (v) v.dispatch(setDismissedSuggestions(v.state.tr, keys))
    }
    const doc = handle.view?.state.doc
    if (!doc) return
    const annVersion = annotationsVersion(handle.view!.state)
    const projection = projectDoc(doc)
    setStatus('working')
    const results = await requestSuggestions(projection.text)
    setStatus('idle')
    const now = handle.view
    // Stale: the text or annotations changed while the engine ran; a new run is on its way.
    if (!now || now.state.doc !== doc || annotationsVersion(now.state) !== annVersion) return
    found.current = { doc, items: placeSuggestions(projection, results) }
    show(now)
  }, [handle, articleId, show])

  // Re-run when the text or the annotations settle.
  useEffect(() => {
    if (!ready) return
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
  }, [handle, ready, refresh])

  // The editor draws all of them or only the one under review, as the editor last chose.
  useEffect(() => {
    const view = handle.view
    if (ready && view) view.dispatch(drawAllSuggestions(view.state.tr, prefs.suggestionsInText))
  }, [handle, ready, prefs.suggestionsInText])

  const review = useCallback(
    (item: SuggestionItem | null) => {
      const view = handle.view
      if (!view) return
      readPendingDomChanges(view)
      view.dispatch(setCurrentSuggestion(view.state.tr, item?.key ?? null))
      // By position: only the suggestions drawn have an element. A frame later, once drawn.
      if (item) requestAnimationFrame(() => elementAtPos(view, item.from)?.scrollIntoView({ block: 'center', behavior: 'smooth' }))
    },
    [handle]
  )

  /** After `gone` leave the queue, the one to review next: the first after where they were. */
  const reviewAfter = useCallback(
    (view: EditorView, gone: readonly SuggestionItem[]) => {
      const was = currentSuggestion(view.state)
      if (!was && gone.length !== 1) return
      const at = Math.min(...gone.map((s) => s.from))
      const next = getSuggestions(view.state).find((s) => s.from >= at) ?? null
      view.dispatch(setCurrentSuggestion(view.state.tr, next?.key ?? null))
    },
    []
  )

  const accept = useCallback(
    (chosen: SuggestionItem[]) => {
      const view = handle.view
      if (!view || !chosen.length) return
      const tr = acceptSuggestions(view.state, chosen, getSuggestions(view.state))
      if (!tr) return
      view.dispatch(tr)
      announce(`Accepted ${label(chosen)}.`)
      reviewAfter(view, chosen)
    },
    [handle, reviewAfter]
  )

  const dismiss = useCallback(
    (chosen: SuggestionItem[]) => {
      const view = handle.view
      if (!view || !chosen.length) return
      const keys = chosen.map((s) => s.key)
      // An edit, so Ctrl/⌘+Z takes it back; the store follows (below).
      view.dispatch(dismissSuggestions(view.state.tr, keys))
      reviewAfter(view, chosen)
      notify({
        tone: 'info',
        message: `Dismissed ${label(chosen)}.`,
        action: {
          label: 'Undo',
          run: () => {
            const v = handle.view
            if (v) v.dispatch(dismissSuggestions(v.state.tr, keys, false))
          }
        }
      })
    },
    [handle, notify, reviewAfter]
  )

  // The store keeps the dismissals the editor holds: dismissed, or brought back by undo.
  useEffect(() => {
    if (!ready) return
    let last = handle.view ? dismissedSuggestions(handle.view.state) : null
    return handle.subscribe(() => {
      const view = handle.view
      if (!view || !stored.current) return
      const now = dismissedSuggestions(view.state)
      if (now === last) return
      last = now
      const had = stored.current
      const added = [...now].filter((k) => !had.has(k))
      const removed = [...had].filter((k) => !now.has(k))
      stored.current = now
      const fail = (err: Error): void => void notify({ tone: 'error', message: `The dismissal was not remembered: ${err.message}` })
      if (added.length) call('setDismissals', { articleId, keys: added, dismissed: true }).catch(fail)
      if (removed.length) {
        call('setDismissals', { articleId, keys: removed, dismissed: false }).catch(fail)
        // Brought back: listed again from the engine's last results.
        show(view)
      }
    })
  }, [handle, ready, articleId, notify, show])

  const step = useCallback(
    (dir: 1 | -1, among?: readonly SuggestionItem[]) => {
      const view = handle.view
      if (!view) return
      const list = among ?? getSuggestions(view.state)
      if (!list.length) return
      const at = list.findIndex((s) => s.key === currentSuggestion(view.state))
      const next = at < 0 ? list[dir === 1 ? 0 : list.length - 1] : list[(at + dir + list.length) % list.length]
      review(next)
    },
    [handle, review]
  )

  const setInText = useCallback((on: boolean) => setPrefs(writeUiPrefs({ suggestionsInText: on })), [])
  const setThreshold = useCallback(
    (t: number) => {
      threshold.current = t
      setPrefs(writeUiPrefs({ suggestionThreshold: t }))
      const view = handle.view
      if (view && stored.current) show(view)
    },
    [handle, show]
  )

  return {
    items,
    status,
    current,
    inText: prefs.suggestionsInText,
    setInText,
    threshold: prefs.suggestionThreshold,
    setThreshold,
    accept,
    dismiss,
    review,
    step
  }
}

/** Editor keys for the suggestion at the cursor, and to go to the next one (see SHORTCUTS). */
export function suggestionKeymap(control: () => SuggestionsControl | null): Plugin {
  // A suggestion not drawn in the text (only the one under review is, unless all are asked for)
  // is shown by the first press and acted on by the second: nothing the editor cannot see is
  // accepted or dismissed.
  const atCursor = (act: (c: SuggestionsControl, s: SuggestionItem) => void, verb: string): Command => (state) => {
    const c = control()
    const s = suggestionAt(state, state.selection.from)
    if (!c || !s) return false
    if (!drawsAllSuggestions(state) && currentSuggestion(state) !== s.key) {
      c.review(s)
      announce(`A suggestion is here: press the keys again to ${verb} it.`)
      return true
    }
    act(c, s)
    return true
  }
  const next: Command = (state, dispatch) => {
    const c = control()
    const list = getSuggestions(state)
    const after = list.find((s) => s.from > state.selection.to) ?? list[0]
    if (!c || !after) return false
    // The caret goes to it, so Alt+Enter and Alt+Backspace act on it next.
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, after.from)).scrollIntoView())
    c.review(after)
    return true
  }
  return keymap({
    [SHORTCUTS.acceptSuggestion.keys]: atCursor((c, s) => c.accept([s]), 'accept'),
    [SHORTCUTS.dismissSuggestion.keys]: atCursor((c, s) => c.dismiss([s]), 'dismiss'),
    [SHORTCUTS.nextSuggestion.keys]: next
  })
}
