import { describe, expect, it } from 'vitest'
import { TextSelection, type EditorState } from 'prosemirror-state'
import { splitBlock } from 'prosemirror-commands'
import {
  addAnnotation,
  annotationsToStored,
  getAnnotation,
  getAnnotations,
  removeAnnotation
} from '../../src/renderer/editor/annotations'
import { apply, covered, deleteRange, doc, edit, editor, posOf, redoOf, run, tag, textOf, typeAt, undoOf } from './helpers'

const story = doc('Police said 40 people were arrested on Friday night.', 'The mayor disputed the figure.')

function claim(state = editor(story), text = '40 people were arrested'): { state: EditorState; id: string } {
  return tag(state, text, 'claim', addAnnotation)
}

/** Backspaces `count` characters before `pos`, one keystroke each, grouped as one undo step as typing is. */
function backspace(state: EditorState, pos: number, count: number): EditorState {
  for (let i = 0; i < count; i++) state = apply(state, state.tr.delete(pos - i - 1, pos - i))
  return state
}

describe('annotations follow edits', () => {
  it('moves along when text is typed before it; undo and redo move it back and forth', () => {
    const { state, id } = claim()
    const typed = typeAt(state, posOf(state, 'said'), 'have ')
    expect(textOf(typed, id)).toBe('40 people were arrested')
    expect(getAnnotation(typed, id)!.from).toBe(getAnnotation(state, id)!.from + 5)
    expect(getAnnotation(undoOf(typed), id)).toEqual(getAnnotation(state, id))
    expect(textOf(redoOf(undoOf(typed)), id)).toBe('40 people were arrested')
  })

  it('stretches when text is typed inside it; undo shrinks it back', () => {
    const { state, id } = claim()
    const typed = typeAt(state, posOf(state, 'people'), 'more than ')
    expect(textOf(typed, id)).toBe('40 more than people were arrested')
    expect(textOf(undoOf(typed), id)).toBe('40 people were arrested')
    expect(textOf(redoOf(undoOf(typed)), id)).toBe('40 more than people were arrested')
  })

  it('does not take in text typed right at its start or right at its end', () => {
    const { state, id } = claim()
    const before = typeAt(state, getAnnotation(state, id)!.from, 'about ')
    expect(textOf(before, id)).toBe('40 people were arrested')
    const after = typeAt(before, getAnnotation(before, id)!.to, ' or detained')
    expect(textOf(after, id)).toBe('40 people were arrested')
    expect(after.doc.textContent).toContain('about 40 people were arrested or detained')
    expect(textOf(undoOf(undoOf(after)), id)).toBe('40 people were arrested')
  })

  it('does not move when text is edited after it', () => {
    const { state, id } = claim()
    const typed = typeAt(state, posOf(state, 'disputed'), 'strongly ')
    expect(getAnnotation(typed, id)).toBe(getAnnotation(state, id))
  })

  it('shrinks when a deletion crosses its start; undo gives the whole text back', () => {
    const { state, id } = claim()
    const from = posOf(state, 'said')
    const cut = deleteRange(state, from, posOf(state, 'people'))
    expect(textOf(cut, id)).toBe('people were arrested')
    const undone = undoOf(cut)
    expect(textOf(undone, id)).toBe('40 people were arrested')
    expect(textOf(redoOf(undone), id)).toBe('people were arrested')
  })

  it('shrinks when a deletion crosses its end; undo gives the whole text back', () => {
    const { state, id } = claim()
    const cut = deleteRange(state, posOf(state, 'arrested'), posOf(state, ' night'))
    expect(textOf(cut, id)).toBe('40 people were ')
    expect(textOf(undoOf(cut), id)).toBe('40 people were arrested')
  })

  it('disappears when all its text is deleted; undo brings it back, redo removes it again', () => {
    const { state, id } = claim()
    const stored = annotationsToStored(state)
    const a = getAnnotation(state, id)!
    const gone = deleteRange(state, a.from, a.to)
    expect(getAnnotations(gone)).toEqual([])
    expect(getAnnotation(gone, id)).toBeUndefined()
    expect(annotationsToStored(gone)).toEqual([])

    const back = undoOf(gone)
    expect(getAnnotation(back, id)).toMatchObject({ from: a.from, to: a.to, kind: 'claim' })
    expect(annotationsToStored(back)).toEqual(stored)

    const again = redoOf(back)
    expect(getAnnotations(again)).toEqual([])
    expect(textOf(undoOf(again), id)).toBe('40 people were arrested')
  })

  it('disappears with the sentence around it, and undo brings it back in place', () => {
    const { state, id } = claim()
    const gone = deleteRange(state, 1, posOf(state, 'The mayor') - 2)
    expect(getAnnotations(gone)).toEqual([])
    expect(textOf(undoOf(gone), id)).toBe('40 people were arrested')
  })

  it('moves onto the new text when exactly its text is typed over, as a mark would; undo restores it', () => {
    const { state, id } = claim()
    const a = getAnnotation(state, id)!
    const replaced = edit(state, (tr) => tr.insertText('dozens were held', a.from, a.to))
    expect(textOf(replaced, id)).toBe('dozens were held')
    expect(textOf(undoOf(replaced), id)).toBe('40 people were arrested')
  })

  it('disappears when a wider selection around it is typed over; undo brings it back', () => {
    const { state, id } = claim()
    const replaced = edit(state, (tr) => tr.insertText('Police said dozens', posOf(state, 'Police'), posOf(state, ' on Friday')))
    expect(getAnnotations(replaced)).toEqual([])
    expect(textOf(undoOf(replaced), id)).toBe('40 people were arrested')
  })

  it('comes back whole after being backspaced away key by key and undone', () => {
    const { state, id } = claim()
    const a = getAnnotation(state, id)!
    const gone = backspace(state, a.to, a.to - a.from)
    expect(getAnnotations(gone)).toEqual([])
    const back = undoOf(gone)
    expect(back.doc.eq(state.doc)).toBe(true)
    expect(textOf(back, id)).toBe('40 people were arrested')
  })

  it('gets its end back after its last words are backspaced and undone', () => {
    const { state, id } = claim()
    const a = getAnnotation(state, id)!
    const cut = backspace(state, a.to, ' arrested'.length)
    expect(textOf(cut, id)).toBe('40 people were')
    expect(textOf(undoOf(cut), id)).toBe('40 people were arrested')
  })

  it('is not revived by undoing something else after its text was deleted', () => {
    let { state, id } = claim()
    const a = getAnnotation(state, id)!
    state = deleteRange(state, a.from, a.to)
    state = typeAt(state, posOf(state, 'disputed'), 'angrily ')
    const undone = undoOf(state)
    expect(getAnnotations(undone)).toEqual([])
  })

  it('undoes a deletion and then the tagging in order, and redoes them in order', () => {
    const { state, id } = claim()
    const a = getAnnotation(state, id)!
    const gone = deleteRange(state, a.from, a.to)
    const textBack = undoOf(gone)
    expect(textOf(textBack, id)).toBe('40 people were arrested')
    const untagged = undoOf(textBack)
    expect(getAnnotations(untagged)).toEqual([])
    expect(textOf(redoOf(redoOf(untagged)), id)).toBe(null)
    expect(textOf(redoOf(untagged), id)).toBe('40 people were arrested')
  })

  it('stretches over a paragraph split inside it (Enter), and undo joins it back', () => {
    const { state, id } = claim()
    const at = posOf(state, 'were')
    const split = run(state.apply(state.tr.setSelection(TextSelection.create(state.doc, at))), splitBlock)
    expect(textOf(split, id)).toBe('40 people \n\nwere arrested')
    expect(annotationsToStored(split)[0].anchor.exact).toBe('40 people \n\nwere arrested')
    expect(textOf(undoOf(split), id)).toBe('40 people were arrested')
  })

  it('a key typed mid-article keeps every annotation before it as it was and moves every one after it by one', () => {
    let state = editor(doc('Police said 40 people were arrested.', 'The mayor disputed the figure.', 'Officials said the count was 35.'))
    const ids: string[] = []
    for (const needle of ['40 people', 'Police said 40 people were arrested', 'mayor disputed', 'the count']) {
      const tagged = claim(state, needle)
      state = tagged.state
      ids.push(tagged.id)
    }
    const pos = posOf(state, 'disputed')
    const typed = typeAt(state, pos, 'x')
    // Before the key: the very same records (nothing recomputed for them).
    expect(getAnnotation(typed, ids[0])).toBe(getAnnotation(state, ids[0]))
    expect(getAnnotation(typed, ids[1])).toBe(getAnnotation(state, ids[1]))
    // Over the key: stretched. After it: moved by one, same words.
    expect(textOf(typed, ids[2])).toBe('mayor xdisputed')
    expect(getAnnotation(typed, ids[3])!.from).toBe(getAnnotation(state, ids[3])!.from + 1)
    expect(textOf(typed, ids[3])).toBe('the count')
  })

  it('a change in two places at once (paragraphs wrapped in a quotation block) maps each annotation as ProseMirror maps its ends', () => {
    let state = editor(doc('First paragraph with a claim.', 'Second says 12 percent.', 'Third says 30 people.', 'Fourth has a quote.'))
    const ids: string[] = []
    for (const needle of ['with a claim', 'Second says 12', 'says 30 people', 'has a quote']) {
      const tagged = claim(state, needle)
      state = tagged.state
      ids.push(tagged.id)
    }
    const $from = state.doc.resolve(posOf(state, 'Second'))
    const $to = state.doc.resolve(posOf(state, 'Third'))
    const range = $from.blockRange($to)!
    const tr = state.tr.wrap(range, [{ type: state.schema.nodes.blockquote }])
    expect(tr.steps[0].getMap().toString()).toMatch(/,.*,.*,/) // two changed places: the block's start and its end
    const wrapped = apply(state, tr)
    for (const id of ids) {
      const was = getAnnotation(state, id)!
      const now = getAnnotation(wrapped, id)!
      expect([now.from, now.to]).toEqual([tr.mapping.map(was.from, 1), tr.mapping.map(was.to, -1)])
      expect(textOf(wrapped, id)).toBe(textOf(state, id))
    }
    expect(getAnnotation(wrapped, ids[3])!.from).toBe(getAnnotation(state, ids[3])!.from + 2)
    expect(covered(undoOf(wrapped))).toEqual(covered(state))
  })
})

describe('overlapping and nested annotations', () => {
  const quoteStory = doc('"We will build 300,000 homes a year by 2030," the housing secretary told MPs.')

  it('keeps a claim nested inside a quote, each following edits and each undoable', () => {
    let { state, id: quote } = tag(editor(quoteStory), 'We will build 300,000 homes a year by 2030', 'quote', addAnnotation)
    let claimId: string
    ;({ state, id: claimId } = tag(state, '300,000 homes a year', 'claim', addAnnotation))
    ;({ state } = tag(state, 'the housing secretary told', 'attribution', addAnnotation))
    expect(getAnnotations(state).map((a) => a.kind)).toEqual(['quote', 'claim', 'attribution'])

    state = typeAt(state, posOf(state, 'homes'), 'new ')
    expect(textOf(state, quote)).toBe('We will build 300,000 new homes a year by 2030')
    expect(textOf(state, claimId)).toBe('300,000 new homes a year')

    const untagged = run(state, removeAnnotation(quote))
    expect(covered(untagged)).toEqual(['300,000 new homes a year', 'the housing secretary told'])
    expect(covered(undoOf(untagged))).toEqual([
      'We will build 300,000 new homes a year by 2030',
      '300,000 new homes a year',
      'the housing secretary told'
    ])
  })

  it('keeps two claims that share words apart through edits in the shared part', () => {
    const s = doc('Crime fell 10 per cent while arrests rose 5 per cent in 2024.')
    let { state, id: first } = tag(editor(s), 'Crime fell 10 per cent while arrests', 'claim', addAnnotation)
    let second: string
    ;({ state, id: second } = tag(state, 'while arrests rose 5 per cent', 'claim', addAnnotation))
    state = typeAt(state, posOf(state, 'arrests'), 'police ')
    expect(textOf(state, first)).toBe('Crime fell 10 per cent while police arrests')
    expect(textOf(state, second)).toBe('while police arrests rose 5 per cent')

    // Deleting the shared words clips both; undo restores both.
    const cut = deleteRange(state, posOf(state, ' while'), posOf(state, ' rose'))
    expect(covered(cut)).toEqual(['Crime fell 10 per cent', ' rose 5 per cent'])
    const undone = undoOf(cut)
    expect(textOf(undone, first)).toBe('Crime fell 10 per cent while police arrests')
    expect(textOf(undone, second)).toBe('while police arrests rose 5 per cent')
  })

  it('hides only the inner annotation when the inner text is deleted', () => {
    let { state, id: quote } = tag(editor(quoteStory), 'We will build 300,000 homes a year by 2030', 'quote', addAnnotation)
    let inner: string
    ;({ state, id: inner } = tag(state, '300,000', 'claim', addAnnotation))
    const a = getAnnotation(state, inner)!
    const cut = deleteRange(state, a.from, a.to)
    expect(getAnnotations(cut).map((x) => x.id)).toEqual([quote])
    expect(textOf(undoOf(cut), inner)).toBe('300,000')
  })
})

describe('a long editing session', () => {
  it('keeps every highlight on its annotation through many random edits, undos and redos', () => {
    const words = 'the minister said that forty per cent of claims were checked by the desk before noon'.split(' ')
    const paras = Array.from({ length: 12 }, (_, i) => words.slice(i % 5).concat(words.slice(0, i % 5)).join(' '))
    let state = editor(doc(...paras))
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let i = 0; i < 40; i++) {
      const from = 1 + rand(state.doc.content.size - 30)
      const to = from + 1 + rand(25)
      const $from = state.doc.resolve(from)
      const $to = state.doc.resolve(to)
      if (!$from.parent.isTextblock || !$to.parent.isTextblock) continue
      state = run(state, addAnnotation((['claim', 'quote', 'attribution'] as const)[rand(3)], { range: { from, to } }))
    }
    for (let i = 0; i < 300; i++) {
      const size = state.doc.content.size
      const pos = 1 + rand(size - 2)
      const action = rand(10)
      if (action < 4 && state.doc.resolve(pos).parent.isTextblock) {
        state = typeAt(state, pos, ['x', ' more ', 'é'][rand(3)])
      } else if (action < 7) {
        const to = Math.min(size - 1, pos + 1 + rand(12))
        state = edit(state, (tr) => tr.delete(pos, to))
      } else if (action < 9) {
        try {
          state = undoOf(state)
        } catch {
          // nothing left to undo
        }
      } else {
        try {
          state = redoOf(state)
        } catch {
          // nothing to redo
        }
      }
    }
    // The helpers check highlights after every step; check the stored form is sane too.
    for (const a of annotationsToStored(state)) expect(a.anchor.end).toBeGreaterThan(a.anchor.start)
  })
})
