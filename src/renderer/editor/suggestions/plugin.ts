import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Suggestion } from '../../../shared/suggest'
import { offsetToPos, type Projection } from '../../../shared/text'
import { firstWindow, touches, WindowFollower, type Region } from '../annotations/screen'
import { removeDecorations } from '../decoration-set'
import { effectiveMapping, leavesDocumentEqual } from '../step-change'
import { DismissStep } from './dismiss-step'
import { PlacedList } from './placed'

/** A place in the document: ProseMirror positions and the text there. */
export interface PosSpan {
  from: number
  to: number
  text: string
}

/**
 * A suggestion as the editor holds it: engine output placed in the document. Suggestions
 * are proposals only: they live here, never in the annotations, until a person accepts one.
 */
export interface SuggestionItem {
  /** Stable key: kind, text and a little context (also how dismissals are remembered). */
  key: string
  kind: Suggestion['kind']
  from: number
  to: number
  text: string
  score: number
  speaker: PosSpan | null
  cue: PosSpan | null
  source: PosSpan | null
  /** An attribution's source by name (a "who" or "she" resolved), to show and to fill in. */
  sourceName: string | null
  content: PosSpan | null
  reasons: string[]
}

interface SuggestionState {
  list: PlacedList
  /** The drawn ones: the one under review, and with `drawAll` those touching the window. */
  decorations: DecorationSet
  /** Changes whenever the set changes (not when typing only moves it). */
  version: number
  /** Suggestions touching it are drawn; null draws them all. */
  window: Region | null
  /** Draw every suggestion (in the window), not only the one under review. */
  drawAll: boolean
  /** The key of the suggestion under review, drawn whatever `drawAll` says. */
  current: string | null
  /** Keys of the suggestions dismissed in this article (from the store, then DismissSteps). */
  dismissed: ReadonlySet<string>
}

type Action =
  | { type: 'set'; items: SuggestionItem[] }
  | { type: 'remove'; keys: string[] }
  | { type: 'window'; window: Region }
  | { type: 'draw'; all: boolean }
  | { type: 'current'; key: string | null }
  | { type: 'dismissed'; keys: readonly string[] }

const key = new PluginKey<SuggestionState>('copydeskSuggestions')

/** The key a suggestion is remembered by: its kind, its words and the words just before them. */
export function suggestionKey(kind: string, text: string, start: number, end: number): string {
  return `${kind}|${text.slice(Math.max(0, start - 24), start)}|${text.slice(start, end)}`
}

/** Places engine suggestions (offsets in the projected text) in the document. */
export function placeSuggestions(projection: Projection, suggestions: readonly Suggestion[]): SuggestionItem[] {
  const { text } = projection
  const pos = (s: { start: number; end: number; text: string } | null): PosSpan | null =>
    s ? { from: offsetToPos(projection, s.start, 1), to: offsetToPos(projection, s.end, -1), text: s.text } : null
  const seen = new Set<string>()
  const out: SuggestionItem[] = []
  for (const s of suggestions) {
    const k = suggestionKey(s.kind, text, s.start, s.end)
    if (seen.has(k)) continue
    seen.add(k)
    const place = pos(s)!
    if (place.to <= place.from) continue
    out.push({
      key: k,
      kind: s.kind,
      from: place.from,
      to: place.to,
      text: s.text,
      score: s.score,
      speaker: s.kind === 'quote' ? pos(s.speaker) : null,
      cue: s.kind === 'claim' ? null : pos(s.cue),
      source: s.kind === 'attribution' ? pos(s.source) : null,
      sourceName: s.kind === 'attribution' ? (s.named ?? s.source)?.text.replace(/[\s,;:]+$/, '') || null : null,
      content: s.kind === 'attribution' ? pos(s.content) : null,
      reasons: s.kind === 'claim' ? s.reasons : []
    })
  }
  return out
}

function underline(i: SuggestionItem, current: boolean): Decoration {
  const cls = `cd-sug cd-sug-${i.kind}${current ? ' cd-sug-current' : ''}`
  return Decoration.inline(i.from, i.to, { nodeName: 'span', class: cls, 'data-sug-key': i.key }, { key: i.key })
}

function decorate(doc: Node, items: readonly SuggestionItem[], win: Region | null, drawAll: boolean, current: string | null): DecorationSet {
  const drawn: Decoration[] = []
  for (const i of items) {
    if (i.key === current) drawn.push(underline(i, true))
    else if (drawAll && (!win || touches(i, win))) drawn.push(underline(i, false))
  }
  return DecorationSet.create(doc, drawn)
}

/**
 * The suggestions plugin: holds them, maps them through edits, drops those whose words were
 * edited, and underlines in the text the one under review (`setCurrentSuggestion`) and, when
 * asked (`drawAllSuggestions`), all of them: a suggestion on nearly every sentence is a flood
 * an editor cannot read through, so the default is the one at hand.
 *
 * `windowed`: underline only the suggestions within a screen or so of the view, as the
 * annotation painter does. Every underline is an element in the text, and Chromium re-reads
 * the editor's whole text for the input method at each keystroke: on a 20,000-word article
 * with a thousand suggestions drawn that is 2–4 ms more a key (bench, `npm run bench`). The
 * list in the side panel still has them all. Without a view (tests), move the window with
 * `setSuggestionWindow`.
 */
export function suggestionsPlugin(options: { windowed?: boolean; drawAll?: boolean } = {}): Plugin<SuggestionState> {
  return new Plugin<SuggestionState>({
    key,
    state: {
      init: (_, state) => ({ list: PlacedList.empty, decorations: DecorationSet.empty, version: 0, window: options.windowed ? firstWindow(state.doc) : null, drawAll: options.drawAll ?? true, current: null, dismissed: new Set<string>() }),
      apply(tr, prev, _old, state) {
        const action = tr.getMeta(key) as Action | undefined
        let { list, decorations, version, window: win, drawAll, current, dismissed } = prev
        // Dismissals (and their undoing) ride in the transaction as steps.
        const gone: string[] = []
        for (const step of tr.steps) {
          if (!(step instanceof DismissStep)) continue
          const next = new Set(dismissed)
          for (const k of step.keys) {
            if (step.dismissed) next.add(k)
            else next.delete(k)
          }
          dismissed = next
          if (step.dismissed) gone.push(...step.keys)
          version++
        }
        if (gone.length) {
          const drop = new Set(gone)
          list = PlacedList.of(list.all().filter((i) => !drop.has(i.key)))
          if (current !== null && drop.has(current)) current = null
          decorations = removeDecorations(decorations, state.doc, decorations.find(undefined, undefined, (spec) => drop.has((spec as { key: string }).key)))
        }
        // Text dropped onto itself changes nothing a suggestion stands on.
        const edited = tr.doc !== tr.before && !leavesDocumentEqual(tr)
        if (edited) {
          const mapping = effectiveMapping(tr)
          if (win) win = { from: mapping.map(win.from, -1), to: mapping.map(win.to, 1) }
          decorations = decorations.map(mapping, tr.doc)
        }
        if (edited && list.length) {
          // Step by step: each works only on the suggestions near what it changes.
          const dropped: string[] = []
          for (const map of effectiveMapping(tr).maps) {
            const next = list.afterStep(map)
            list = next.list
            dropped.push(...next.dropped)
          }
          if (dropped.length) {
            version++
            const gone = new Set(dropped)
            decorations = removeDecorations(decorations, tr.doc, decorations.find(undefined, undefined, (spec) => gone.has((spec as { key: string }).key)))
          }
        }
        if (current !== null && !list.all().some((i) => i.key === current) && tr.doc !== tr.before) current = null
        if (action?.type === 'set') {
          list = PlacedList.of(action.items)
          if (current !== null && !action.items.some((i) => i.key === current)) current = null
          decorations = decorate(state.doc, list.all(), win, drawAll, current)
          version++
        } else if (action?.type === 'remove') {
          const drop = new Set(action.keys)
          list = PlacedList.of(list.all().filter((i) => !drop.has(i.key)))
          if (current !== null && drop.has(current)) current = null
          decorations = removeDecorations(decorations, state.doc, decorations.find(undefined, undefined, (spec) => drop.has((spec as { key: string }).key)))
          version++
        } else if (action?.type === 'window') {
          win = action.window
          // Only the one under review is drawn: the window does not matter.
          if (drawAll) decorations = decorate(state.doc, list.all(), win, drawAll, current)
        } else if (action?.type === 'draw' && action.all !== drawAll) {
          drawAll = action.all
          decorations = decorate(state.doc, list.all(), win, drawAll, current)
        } else if (action?.type === 'dismissed') {
          dismissed = new Set(action.keys)
          version++
        } else if (action?.type === 'current' && action.key !== current) {
          current = action.key !== null && list.all().some((i) => i.key === action.key) ? action.key : null
          decorations = decorate(state.doc, list.all(), win, drawAll, current)
        }
        return { list, decorations, version, window: win, drawAll, current, dismissed }
      }
    },
    view: options.windowed ? (view) => new WindowFollower(view, suggestionWindow, setSuggestionWindow) : undefined,
    props: {
      decorations: (state) => key.getState(state)?.decorations
    }
  })
}

/** The underlines drawn (for tests and tools). */
export function suggestionDecorationSet(state: EditorState): DecorationSet {
  return key.getState(state)?.decorations ?? DecorationSet.empty
}

/** The part of the document whose suggestions are underlined (null: all of it). */
export function suggestionWindow(state: EditorState): Region | null {
  return key.getState(state)?.window ?? null
}

/** A transaction that moves the underlined window (what the view does as it scrolls). */
export function setSuggestionWindow(tr: Transaction, window: Region): Transaction {
  return tr.setMeta(key, { type: 'window', window } satisfies Action).setMeta('addToHistory', false)
}

/** The current suggestions, in document order. */
export function getSuggestions(state: EditorState): readonly SuggestionItem[] {
  return key.getState(state)?.list.all() ?? []
}

export function suggestionsVersion(state: EditorState): number {
  return key.getState(state)?.version ?? 0
}

/** Replaces the suggestions (not an edit: kept out of undo history). */
export function setSuggestions(tr: Transaction, items: SuggestionItem[]): Transaction {
  return tr.setMeta(key, { type: 'set', items } satisfies Action).setMeta('addToHistory', false)
}

/** Removes suggestions by key (accepted or dismissed). */
export function removeSuggestions(tr: Transaction, keys: string[]): Transaction {
  return tr.setMeta(key, { type: 'remove', keys } satisfies Action)
}

/** The suggestion under a position, if any (shortest first). */
export function suggestionAt(state: EditorState, pos: number): SuggestionItem | undefined {
  return getSuggestions(state)
    .filter((i) => i.from <= pos && pos <= i.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))[0]
}

/** Draws every suggestion in the text (true), or only the one under review (false). Not an edit. */
export function drawAllSuggestions(tr: Transaction, all: boolean): Transaction {
  return tr.setMeta(key, { type: 'draw', all } satisfies Action).setMeta('addToHistory', false)
}

/** Makes a suggestion the one under review (drawn in the text), or none. Not an edit. */
export function setCurrentSuggestion(tr: Transaction, suggestionKey: string | null): Transaction {
  return tr.setMeta(key, { type: 'current', key: suggestionKey } satisfies Action).setMeta('addToHistory', false)
}

/** The key of the suggestion under review, if any. */
export function currentSuggestion(state: EditorState): string | null {
  return key.getState(state)?.current ?? null
}

/** Whether every suggestion is drawn, not only the one under review. */
export function drawsAllSuggestions(state: EditorState): boolean {
  return key.getState(state)?.drawAll ?? false
}

/** The keys of the suggestions dismissed in this article. */
export function dismissedSuggestions(state: EditorState): ReadonlySet<string> {
  return key.getState(state)?.dismissed ?? EMPTY_KEYS
}

const EMPTY_KEYS: ReadonlySet<string> = new Set()

/** Sets the dismissed keys as the store has them (as the article opens; not an edit). */
export function setDismissedSuggestions(tr: Transaction, keys: readonly string[]): Transaction {
  return tr.setMeta(key, { type: 'dismissed', keys } satisfies Action).setMeta('addToHistory', false)
}

/** Dismisses suggestions (or takes dismissals back): an edit, so undo takes it back. */
export function dismissSuggestions(tr: Transaction, keys: readonly string[], dismissed = true): Transaction {
  return tr.step(new DismissStep(keys, dismissed))
}
