import type { EditorState, Transaction } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { createArticleState } from '../../src/renderer/editor/setup'
import {
  getSuggestions,
  placeSuggestions,
  setSuggestions,
  suggestionDecorationSet,
  suggestionsPlugin,
  type PosSpan,
  type SuggestionItem
} from '../../src/renderer/editor/suggestions/plugin'
import { suggest } from '../../src/shared/suggest'
import { projectDoc } from '../../src/shared/text'
import { docOf } from '../helpers/articles'

// Sentences of both shapes: the speaker after the quotation, and before it.
const paragraphs = Array.from({ length: 40 }, (_, i) =>
  i % 2
    ? `“Paragraph ${i} has its own quotation in it,” said Dana Ruiz, the board’s chair. Spending rose 4.5% to $${i}2 million last year.`
    : `Mayor Lena Park said: “We will not raise fares in year ${i}.” The council approved the plan by 7 votes to 2 on Tuesday.`
)

/** Every suggestion and all of its parts, by key: what the two ways must agree on. */
function placesOf(items: readonly SuggestionItem[]): Map<string, string> {
  const part = (s: PosSpan | null): string => (s ? `${s.from}-${s.to}` : '-')
  return new Map(items.map((i) => [i.key, [i.from, i.to, part(i.speaker), part(i.cue), part(i.source), part(i.content)].join(' ')]))
}

/** The plain way, written apart from the plugin: map every part through the transaction; drop a suggestion whose words it changed. */
function reference(items: readonly SuggestionItem[], tr: Transaction): SuggestionItem[] {
  const out: SuggestionItem[] = []
  for (const i of items) {
    let from = i.from
    let to = i.to
    let changed = false
    for (const map of tr.mapping.maps) {
      map.forEach((start, end) => {
        if (start < to && end > from) changed = true
      })
      from = map.map(from, 1)
      to = map.map(to, -1)
    }
    if (changed) continue
    const move = (s: PosSpan | null): PosSpan | null => (s ? { ...s, from: tr.mapping.map(s.from, 1), to: tr.mapping.map(s.to, -1) } : null)
    out.push({ ...i, from, to, speaker: move(i.speaker), cue: move(i.cue), source: move(i.source), content: move(i.content) })
  }
  return out
}

describe('suggestions following a long editing session', () => {
  it('agree, after every one of 400 random edits, with mapping each suggestion through each edit', () => {
    let state: EditorState = createArticleState(docOf(paragraphs), [suggestionsPlugin({ windowed: true })])
    const projection = projectDoc(state.doc)
    state = state.apply(setSuggestions(state.tr, placeSuggestions(projection, suggest(projection.text))))
    let expected: readonly SuggestionItem[] = getSuggestions(state)
    expect(expected.some((i) => i.speaker && i.speaker.from < i.from)).toBe(true) // a speaker before its quotation
    expect(expected.some((i) => i.speaker && i.speaker.from > i.to)).toBe(true) // and after
    expect(expected.length).toBeGreaterThan(60)

    let seed = 7
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return Math.floor((seed / 2147483648) * n)
    }
    /** A position inside some paragraph's text. */
    const textPos = (s: EditorState): number => {
      const blocks: { pos: number; size: number }[] = []
      s.doc.descendants((node, pos) => {
        if (node.isTextblock) blocks.push({ pos, size: node.content.size })
        return !node.isTextblock
      })
      const block = blocks[random(blocks.length)]
      return block.pos + 1 + random(block.size + 1)
    }
    let typingAt = textPos(state)
    const kinds = new Map<string, number>()
    let wraps = 0
    for (let n = 0; n < 400; n++) {
      const choice = random(10)
      let tr = state.tr
      if (choice < 5) {
        // A run of typing in one place, as a person types.
        tr = tr.insertText(random(6) === 0 ? ' ' : 'x', typingAt)
        typingAt += 1
      } else if (choice < 7) {
        // Backspace, or a selection deleted within a paragraph.
        const $pos = tr.doc.resolve(textPos(state))
        const end = Math.min($pos.end(), $pos.pos + 1 + random(12))
        if (end > $pos.pos) tr = tr.delete($pos.pos, end)
        typingAt = $pos.pos
      } else if (choice < 9) {
        // The caret moves elsewhere and typing starts there.
        typingAt = textPos(state)
        tr = tr.insertText('new words ', typingAt)
        typingAt += 10
      } else if (random(2) === 0) {
        // One step that changes two places: a paragraph wrapped in a quotation block (what
        // lies between its two changes, the paragraph's own words, only moves).
        const $pos = tr.doc.resolve(textPos(state))
        const range = $pos.blockRange()
        if (range) {
          tr = tr.wrap(range, [{ type: state.schema.nodes.blockquote }])
          wraps++
        }
        typingAt = tr.mapping.map(typingAt)
      } else {
        // Several steps at once (a paste in two places).
        const a = textPos(state)
        tr = tr.insertText('pasted ', a)
        tr = tr.insertText('also ', tr.mapping.map(textPos(state)))
        typingAt = tr.mapping.map(a) + 7
      }
      if (!tr.docChanged) continue
      kinds.set(String(tr.steps.length), (kinds.get(String(tr.steps.length)) ?? 0) + 1)
      expected = reference(expected, tr)
      state = state.apply(tr)
      const got = getSuggestions(state)
      expect(placesOf(got)).toEqual(placesOf(expected))
      // In document order, and each still on the engine's words (typing inside a speaker or
      // cue stretches that part, as it stretches an annotation; editing a suggestion's own
      // words drops it).
      for (let i = 1; i < got.length; i++) expect(got[i].from).toBeGreaterThanOrEqual(got[i - 1].from)
      for (const s of got) expect(state.doc.textBetween(s.from, s.to)).toBe(s.text)
      // The underlines drawn are suggestions still listed, on their words.
      const keys = new Set(got.map((s) => s.key))
      for (const d of suggestionDecorationSet(state).find()) expect(keys.has((d.spec as { key: string }).key)).toBe(true)
    }
    // The session both dropped suggestions and kept most; one-step and several-step edits both ran.
    expect(expected.length).toBeGreaterThan(10)
    expect(expected.length).toBeLessThan(getSuggestions(createStateWithSuggestions()).length)
    expect(kinds.get('1')).toBeGreaterThan(300)
    expect(kinds.get('2')).toBeGreaterThan(5)
    expect(wraps).toBeGreaterThan(5)
  })
})

function createStateWithSuggestions(): EditorState {
  const state = createArticleState(docOf(paragraphs), [suggestionsPlugin({ windowed: true })])
  const projection = projectDoc(state.doc)
  return state.apply(setSuggestions(state.tr, placeSuggestions(projection, suggest(projection.text))))
}
