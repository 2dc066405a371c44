import { redo, undo, undoDepth } from 'prosemirror-history'
import { EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { suggest } from '../../src/shared/suggest'
import { projectDoc } from '../../src/shared/text'
import { annotations, getAnnotations } from '../../src/renderer/editor/annotations'
import { acceptSuggestions, guessSourceType } from '../../src/renderer/editor/suggestions/accept'
import {
  dismissedSuggestions,
  dismissSuggestions,
  getSuggestions,
  placeSuggestions,
  setSuggestions,
  setSuggestionWindow,
  suggestionDecorationSet,
  suggestionsPlugin,
  suggestionWindow
} from '../../src/renderer/editor/suggestions/plugin'
import { createArticleState } from '../../src/renderer/editor/setup'
import { docOf } from '../helpers/articles'

const PARAGRAPHS = [
  'The harbour board approved a 12% rise in fees on Monday.',
  '“We had no other way to pay for the dredging,” said Dana Ruiz, the board’s chair.'
]

function stateWithSuggestions(): EditorState {
  let state = createArticleState(docOf(PARAGRAPHS), [annotations({ user: () => 'Tester' }), suggestionsPlugin()])
  const projection = projectDoc(state.doc)
  state = state.apply(setSuggestions(state.tr, placeSuggestions(projection, suggest(projection.text))))
  return state
}

describe('suggestions in the editor state', () => {
  it('a dismissal is an edit: it takes the suggestion out, undo brings back the key, redo dismisses it again', () => {
    let state = stateWithSuggestions()
    const quote = getSuggestions(state).find((s) => s.kind === 'quote')!
    state = state.apply(dismissSuggestions(state.tr, [quote.key]))
    expect(getSuggestions(state).some((s) => s.key === quote.key)).toBe(false)
    expect([...dismissedSuggestions(state)]).toEqual([quote.key])
    expect(state.doc.eq(stateWithSuggestions().doc)).toBe(true)
    undo(state, (tr) => (state = state.apply(tr)))
    expect(dismissedSuggestions(state).size).toBe(0)
    redo(state, (tr) => (state = state.apply(tr)))
    expect([...dismissedSuggestions(state)]).toEqual([quote.key])
  })

  it('are placed on the words the engine found, and nothing is annotated', () => {
    const state = stateWithSuggestions()
    const quote = getSuggestions(state).find((s) => s.kind === 'quote')!
    expect(state.doc.textBetween(quote.from, quote.to)).toBe('We had no other way to pay for the dredging,')
    expect(getAnnotations(state)).toEqual([])
  })

  it('follow typing elsewhere, and one whose words are edited goes away', () => {
    let state = stateWithSuggestions()
    const quote = getSuggestions(state).find((s) => s.kind === 'quote')!
    state = state.apply(state.tr.insertText('UPDATE: ', 1))
    const moved = getSuggestions(state).find((s) => s.key === quote.key)!
    expect(state.doc.textBetween(moved.from, moved.to)).toBe('We had no other way to pay for the dredging,')
    state = state.apply(state.tr.insertText('X', moved.from + 3))
    expect(getSuggestions(state).find((s) => s.key === quote.key)).toBeUndefined()
  })

  it('accepting a quote creates it and its speaker’s attribution, linked, in one undoable step', () => {
    let state = stateWithSuggestions()
    const quote = getSuggestions(state).find((s) => s.kind === 'quote')!
    const tr = acceptSuggestions(state, [quote], getSuggestions(state))!
    state = state.apply(tr)
    const created = getAnnotations(state)
    const q = created.find((a) => a.kind === 'quote')!
    const attribution = created.find((a) => a.kind === 'attribution')!
    expect(q).toMatchObject({ origin: 'suggested', fields: { speakerId: attribution.id } })
    expect(attribution.fields).toMatchObject({ sourceName: expect.stringContaining('Dana Ruiz'), cue: 'said' })
    expect(getSuggestions(state).find((s) => s.key === quote.key)).toBeUndefined()
    undo(state, (t) => (state = state.apply(t)))
    expect(getAnnotations(state)).toEqual([])
  })

  it('accepting a claim tags it as suggested, with fresh fields (the engine’s reasons are not written into it)', () => {
    let state = stateWithSuggestions()
    const claim = getSuggestions(state).find((s) => s.kind === 'claim' && s.text.includes('12%'))!
    state = state.apply(acceptSuggestions(state, [claim], getSuggestions(state))!)
    const created = getAnnotations(state).find((a) => a.kind === 'claim')!
    expect(created).toMatchObject({ origin: 'suggested', fields: { status: 'unchecked', explanation: '' } })
  })

  it('guesses a source’s type from its words', () => {
    expect(guessSourceType('Dana Ruiz')).toBe('person')
    expect(guessSourceType('the harbour board')).toBe('organisation')
    expect(guessSourceType('two officials')).toBe('anonymous')
    expect(guessSourceType('a report by the auditor')).toBe('document')
  })
})

describe('an attribution whose source is a relative pronoun', () => {
  const paragraphs = ['The plan was backed by Mayor Jo Hale, who said the city could afford it.']

  it('is listed, and accepted, under the name the pronoun stands for', () => {
    let state = createArticleState(docOf(paragraphs), [annotations({ user: () => 'Tester' }), suggestionsPlugin()])
    const projection = projectDoc(state.doc)
    state = state.apply(setSuggestions(state.tr, placeSuggestions(projection, suggest(projection.text, { names: true }))))
    const who = getSuggestions(state).find((s) => s.kind === 'attribution' && s.source?.text === 'who')!
    expect(who.sourceName).toBe('Mayor Jo Hale')
    state = state.apply(acceptSuggestions(state, [who], getSuggestions(state))!)
    expect(getAnnotations(state).find((a) => a.kind === 'attribution')!.fields).toMatchObject({ sourceName: 'Mayor Jo Hale', cue: 'said' })
  })

  it('keeps the engine’s output to the documented shape unless names are asked for', () => {
    const text = paragraphs[0]
    const plain = suggest(text).filter((s) => s.kind === 'attribution')
    expect(plain.length).toBeGreaterThan(0)
    for (const s of plain) expect('named' in s).toBe(false)
    const named = suggest(text, { names: true }).filter((s) => s.kind === 'attribution')
    expect(named.map((s) => (s.kind === 'attribution' ? [s.source?.text, s.named?.text] : null))).toContainEqual(['who', 'Mayor Jo Hale'])
  })
})

describe('underlines drawn only near the screen (windowed)', () => {
  // About 14,000 characters: longer than the first window (8,000), so its end is not drawn at first. Each
  // paragraph has a quote and a claim of its own (a quote is no longer proposed again as a claim).
  const long = Array.from({ length: 120 }, (_, i) => `“Paragraph ${i + 1} has its own quotation in it,” said Dana Ruiz, the board’s chair. Fees rose ${i + 1}% in 2025.`)

  function windowedState(): EditorState {
    let state = createArticleState(docOf(long), [annotations({ user: () => 'Tester' }), suggestionsPlugin({ windowed: true })])
    const projection = projectDoc(state.doc)
    state = state.apply(setSuggestions(state.tr, placeSuggestions(projection, suggest(projection.text))))
    return state
  }

  const drawnKeys = (state: EditorState): Set<string> =>
    new Set(suggestionDecorationSet(state).find().map((d) => (d.spec as { key: string }).key))

  /** The window over paragraphs [first, last] (0-based). */
  function paragraphs(state: EditorState, first: number, last: number): { from: number; to: number } {
    let from = 0
    let to = 0
    state.doc.forEach((node, offset, index) => {
      if (index === first) from = offset
      if (index === last) to = offset + node.nodeSize
    })
    return { from, to }
  }

  it('underlines those in the first window and still lists them all', () => {
    const state = windowedState()
    const all = getSuggestions(state)
    const win = suggestionWindow(state)!
    expect(win).toEqual({ from: 0, to: 8_000 })
    const drawn = drawnKeys(state)
    expect(drawn.size).toBeGreaterThan(10)
    expect(drawn.size).toBeLessThan(all.length)
    for (const s of all) expect(drawn.has(s.key)).toBe(s.from <= win.to && s.to >= win.from)
  })

  it('moving the window underlines what came into it and drops what left, and is not an edit to undo', () => {
    let state = windowedState()
    const depth = undoDepth(state)
    const win = paragraphs(state, 110, 119)
    state = state.apply(setSuggestionWindow(state.tr, win))
    const drawn = drawnKeys(state)
    const inside = getSuggestions(state).filter((s) => s.from <= win.to && s.to >= win.from)
    expect(inside.length).toBeGreaterThan(10)
    expect([...drawn].sort()).toEqual(inside.map((s) => s.key).sort())
    expect(suggestionDecorationSet(state).find().every((d) => state.doc.textBetween(d.from, d.to).length > 0)).toBe(true)
    expect(undoDepth(state)).toBe(depth)
  })

  it('follows typing before it: the window and its underlines move with the text', () => {
    let state = windowedState()
    state = state.apply(setSuggestionWindow(state.tr, paragraphs(state, 50, 60)))
    const before = suggestionWindow(state)!
    const texts = suggestionDecorationSet(state).find().map((d) => state.doc.textBetween(d.from, d.to))
    state = state.apply(state.tr.insertText('UPDATE: ', 1))
    expect(suggestionWindow(state)).toEqual({ from: before.from + 8, to: before.to + 8 })
    expect(suggestionDecorationSet(state).find().map((d) => state.doc.textBetween(d.from, d.to))).toEqual(texts)
  })

  it('typing keeps the suggestions before it as they were and moves those after it, speakers included', () => {
    const state = windowedState()
    const before = getSuggestions(state)
    const quote = before.find((s) => s.kind === 'quote' && s.speaker && s.text.includes('Paragraph 60 '))!
    // Between the quotation and its speaker: the quote stays, its speaker moves.
    const at = quote.to + 2
    const next = state.apply(state.tr.insertText(', she', at))
    const after = getSuggestions(next)
    for (const s of before.filter((b) => b.to < at && (b.speaker?.to ?? 0) < at && (b.cue?.to ?? 0) < at && (b.content?.to ?? 0) < at && (b.source?.to ?? 0) < at))
      expect(after.find((a) => a.key === s.key)).toBe(s)
    const moved = after.find((a) => a.key === quote.key)!
    expect(next.doc.textBetween(moved.from, moved.to)).toBe(quote.text)
    expect(next.doc.textBetween(moved.speaker!.from, moved.speaker!.to)).toBe(quote.speaker!.text)
    for (const a of after.filter((x) => x.from > at)) expect(next.doc.textBetween(a.from, a.to)).toBe(a.text)
    expect(after.filter((x) => x.from > at).length).toBeGreaterThan(50)
    for (const a of after)
      for (const part of [a.speaker, a.cue, a.source, a.content])
        if (part) expect(next.doc.textBetween(part.from, part.to)).toBe(part.text)
  })

  it('a suggestion that starts after the typing but has a part before it keeps that part in place', () => {
    let state = createArticleState(docOf(['Dana Ruiz said the budget “has no room left,” and she meant it.']), [suggestionsPlugin({ windowed: true })])
    const at = (needle: string): { from: number; to: number; text: string } => {
      let found = { from: -1, to: -1, text: needle }
      state.doc.descendants((node, pos) => {
        const i = node.isText ? node.text!.indexOf(needle) : -1
        if (i >= 0 && found.from < 0) found = { from: pos + i, to: pos + i + needle.length, text: needle }
      })
      return found
    }
    const quote = at('has no room left,')
    const item = { key: 'q', kind: 'quote' as const, ...quote, score: 0.9, speaker: at('Dana Ruiz'), cue: at('said'), source: null, sourceName: null, content: null, reasons: [] }
    const later = { key: 'c', kind: 'claim' as const, ...at('she meant it'), score: 0.9, speaker: null, cue: null, source: null, sourceName: null, content: null, reasons: [] }
    state = state.apply(setSuggestions(state.tr, [item, later]))
    // Typed between the speaker (and cue) and the quotation.
    const next = state.apply(state.tr.insertText('entire ', at('budget').from))
    const [q, c] = getSuggestions(next)
    expect(next.doc.textBetween(q.from, q.to)).toBe('has no room left,')
    expect([q.speaker!.from, q.cue!.from]).toEqual([item.speaker.from, item.cue.from])
    expect(next.doc.textBetween(q.speaker!.from, q.speaker!.to)).toBe('Dana Ruiz')
    expect(next.doc.textBetween(c.from, c.to)).toBe('she meant it')
  })

  it('a suggestion whose words are edited loses its underline with it', () => {
    let state = windowedState()
    const first = [...drawnKeys(state)][0]
    const item = getSuggestions(state).find((s) => s.key === first)!
    state = state.apply(state.tr.insertText('X', item.from + 2))
    expect(getSuggestions(state).some((s) => s.key === first)).toBe(false)
    expect(drawnKeys(state).has(first)).toBe(false)
  })
})
