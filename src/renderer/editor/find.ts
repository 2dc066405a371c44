import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { offsetToPos, projectDoc } from '../../shared/text'

/** One place the search text was found, in document positions. */
export interface FindMatch {
  from: number
  to: number
}

interface FindState {
  query: string
  matches: readonly FindMatch[]
  /** Index of the current match in `matches`, or -1. */
  current: number
  /** The text changed since the last search: matches were mapped, new ones not looked for yet. */
  stale: boolean
  decorations: DecorationSet
}

type FindAction = { type: 'search'; query: string } | { type: 'go'; index: number }

const key = new PluginKey<FindState>('copydeskFind')

/** The most matches drawn in the text (all are counted): a one-letter search of a long article finds tens of thousands. */
const MAX_DRAWN = 2_000

const EMPTY: FindState = { query: '', matches: [], current: -1, stale: false, decorations: DecorationSet.empty }

/** Where `query` occurs in the document, case and accents aside as far as lower-casing goes. */
export function findAll(doc: Node, query: string): FindMatch[] {
  const needle = query.toLocaleLowerCase()
  if (!needle.trim()) return []
  const projection = projectDoc(doc)
  const hay = projection.text.toLocaleLowerCase()
  // Lower-casing can change a string's length (İ → i̇): then offsets would not line up.
  if (hay.length !== projection.text.length) return []
  const out: FindMatch[] = []
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
    const from = offsetToPos(projection, at, 1)
    const to = offsetToPos(projection, at + needle.length, -1)
    if (to > from) out.push({ from, to })
  }
  return out
}

function draw(doc: Node, matches: readonly FindMatch[], current: number): DecorationSet {
  const decorations: Decoration[] = []
  const lo = Math.max(0, Math.min(current, matches.length) - MAX_DRAWN / 2)
  for (let i = lo; i < Math.min(matches.length, lo + MAX_DRAWN); i++) {
    const m = matches[i]
    decorations.push(Decoration.inline(m.from, m.to, { nodeName: 'span', class: i === current ? 'cd-find cd-find-current' : 'cd-find' }))
  }
  return DecorationSet.create(doc, decorations)
}

/** The first match at or after `pos`, wrapping to the first. */
function nearest(matches: readonly FindMatch[], pos: number): number {
  if (!matches.length) return -1
  const i = matches.findIndex((m) => m.from >= pos)
  return i < 0 ? 0 : i
}

/**
 * Find in the article: the matches of the search text are highlighted in the text, one of
 * them as current. Edits map the matches (a match whose words change is dropped) and mark
 * the search stale; searching again (`searchText` with the same text) finds new ones.
 */
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key,
    state: {
      init: () => EMPTY,
      apply(tr, prev, _old, state) {
        const action = tr.getMeta(key) as FindAction | undefined
        let next = prev
        if (tr.docChanged && prev.query) {
          const matches: FindMatch[] = []
          let current = -1
          prev.matches.forEach((m, i) => {
            const from = tr.mapping.map(m.from, 1)
            const to = tr.mapping.map(m.to, -1)
            if (to - from !== m.to - m.from) return
            if (i === prev.current) current = matches.length
            matches.push({ from, to })
          })
          next = { ...prev, matches, current, stale: true, decorations: prev.decorations.map(tr.mapping, tr.doc) }
        }
        if (action?.type === 'search') {
          if (!action.query) return EMPTY
          const matches = findAll(state.doc, action.query)
          const was = next.current >= 0 ? next.matches[next.current] : null
          const current = nearest(matches, was ? was.from : state.selection.from)
          return { query: action.query, matches, current, stale: false, decorations: draw(state.doc, matches, current) }
        }
        if (action?.type === 'go' && next.matches.length) {
          const current = ((action.index % next.matches.length) + next.matches.length) % next.matches.length
          return { ...next, current, decorations: draw(state.doc, next.matches, current) }
        }
        return next
      }
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations
    }
  })
}

/** Searches for `query` (empty clears the search). Not an edit. */
export function searchText(tr: Transaction, query: string): Transaction {
  return tr.setMeta(key, { type: 'search', query } satisfies FindAction).setMeta('addToHistory', false)
}

/** The search as it stands: its text, the matches, the current one's index. */
export function findState(state: EditorState): { query: string; matches: readonly FindMatch[]; current: number; stale: boolean } {
  return key.getState(state) ?? EMPTY
}

/** Goes to the next (1) or previous (-1) match. */
export function findStep(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const f = key.getState(state)
    if (!f || !f.matches.length) return false
    dispatch?.(state.tr.setMeta(key, { type: 'go', index: f.current + dir } satisfies FindAction).setMeta('addToHistory', false))
    return true
  }
}

/** Selects the current match in the text (so it can be tagged, say) and ends the search. */
export const selectCurrentMatch: Command = (state, dispatch) => {
  const f = key.getState(state)
  const m = f && f.current >= 0 ? f.matches[f.current] : null
  if (!dispatch) return !!m
  const tr = searchText(state.tr, '')
  if (m) tr.setSelection(TextSelection.create(state.doc, m.from, m.to)).scrollIntoView()
  dispatch(tr)
  return true
}
