import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import {
  addAnnotation,
  annotationsKey,
  annotationPainter,
  type PainterMode,
  selectAnnotation,
  updateAnnotationFields
} from '../../src/renderer/editor/annotations'
import {
  docDiff,
  highlightNames,
  highlightPriority,
  HighlightBook,
  HIGHLIGHT_NAMES,
  mapThroughDiff,
  widenToTextblocks,
  type Region
} from '../../src/renderer/editor/annotations/highlights'
import type { AnnotationSet } from '../../src/renderer/editor/annotations/set'
import { deleteRange, doc, editor, posOf, redoOf, run, tag, typeAt, undoOf } from './helpers'

/**
 * A stand-in for a DOM Range: what it was made over. ProseMirror keeps the DOM of a
 * textblock whose node is unchanged, so a range stays right exactly while the textblocks
 * holding its ends are the same node objects and its text is the annotation's text.
 */
interface FakeRange {
  startBlock: Node
  endBlock: Node
  text: string
}

class Painter {
  readonly highlights = new Map<string, Set<FakeRange>>()
  readonly book: HighlightBook<FakeRange>
  /** Ranges handed back as painted no more (the view reuses them). */
  readonly released: FakeRange[] = []
  state: EditorState

  constructor(state: EditorState, win: Region | null = null) {
    this.state = state
    this.book = new HighlightBook<FakeRange>({
      range: (from, to) => ({
        startBlock: this.state.doc.resolve(from).parent,
        endBlock: this.state.doc.resolve(to).parent,
        text: this.state.doc.textBetween(from, to, '\n\n', '\n')
      }),
      add: (name, r) => {
        if (!this.highlights.has(name)) this.highlights.set(name, new Set())
        this.highlights.get(name)!.add(r)
      },
      remove: (name, r) => this.highlights.get(name)?.delete(r),
      release: (r) => void this.released.push(r)
    })
    this.book.setWindow(set(state), win)
  }

  /** What the view does on an update: repaint what was touched and what sits in changed textblocks. */
  update(next: EditorState): number {
    const before = set(this.state)
    const after = set(next)
    const diff = docDiff(this.state.doc, next.doc)
    this.state = next
    const regions: Region[] = []
    if (diff) {
      this.book.mapWindow((pos) => mapThroughDiff(diff, pos))
      regions.push(widenToTextblocks(next.doc, diff.start, diff.endB))
    }
    const ids = this.book.paintedIn(after, regions)
    if (after !== before) for (const id of after.touched) ids.add(id)
    return this.book.repaint(after, ids)
  }

  /** Every painted range is still right, and exactly the live annotations in the window are painted. */
  check(): void {
    const s = set(this.state)
    const win = this.book.window
    const expected = [...s.live.values()].filter((r) => !win || (r.from <= win.to && r.to >= win.from)).map((r) => r.id)
    expect([...this.book.ids()].sort()).toEqual(expected.sort())
    for (const id of this.book.ids()) {
      const r = s.live.get(id)!
      const range = this.book.rangeOf(id)!
      expect(range.startBlock, `start block of ${id}`).toBe(this.state.doc.resolve(r.from).parent)
      expect(range.endBlock, `end block of ${id}`).toBe(this.state.doc.resolve(r.to).parent)
      expect(range.text).toBe(this.state.doc.textBetween(r.from, r.to, '\n\n', '\n'))
      expect([...this.book.namesOf(id)].sort()).toEqual(highlightNames(s, id).sort())
      for (const name of this.book.namesOf(id)) expect(this.highlights.get(name)!.has(range)).toBe(true)
    }
    const inHighlights = new Set([...this.highlights.values()].flatMap((h) => [...h]))
    expect(inHighlights.size).toBe(this.book.size)
    // Every range made is either painted or handed back once, and one handed back is in no highlight.
    expect(new Set(this.released).size).toBe(this.released.length)
    expect(this.released.length + this.book.size).toBe(this.book.made)
    for (const r of this.released) expect(inHighlights.has(r)).toBe(false)
  }
}

function set(state: EditorState): AnnotationSet {
  return annotationsKey.getState(state)!
}

const story = doc(
  'The council said the budget grew 4.2 percent.',
  '"We will not raise taxes," the mayor told reporters on Tuesday.',
  'Spending on schools reached a record 310 million dollars last year.'
)

function tagged(): { state: EditorState; ids: Record<string, string> } {
  let state = editor(story)
  const ids: Record<string, string> = {}
  ;({ state, id: ids.budget } = tag(state, 'the budget grew 4.2 percent', 'claim', addAnnotation))
  ;({ state, id: ids.quote } = tag(state, 'We will not raise taxes', 'quote', addAnnotation))
  ;({ state, id: ids.nested } = tag(state, 'raise taxes', 'claim', addAnnotation))
  ;({ state, id: ids.mayor } = tag(state, 'the mayor told reporters', 'attribution', addAnnotation))
  ;({ state, id: ids.record } = tag(state, 'a record 310 million dollars', 'claim', addAnnotation))
  return { state, ids }
}

describe('highlight names and priorities', () => {
  it('puts each annotation in its kind, a claim in its status, the selected one in cd-ann-selected', () => {
    let { state, ids } = tagged()
    state = run(state, selectAnnotation(ids.quote))
    // An unchecked claim is drawn as a claim: no highlight of its own for the status.
    expect(highlightNames(set(state), ids.budget)).toEqual(['cd-ann-claim'])
    state = run(state, updateAnnotationFields(ids.budget, { status: 'false' }))
    expect(highlightNames(set(state), ids.budget)).toEqual(['cd-ann-claim', 'cd-ann-status-false'])
    expect(highlightNames(set(state), ids.quote)).toEqual(['cd-ann-quote', 'cd-ann-selected'])
    expect(highlightNames(set(state), ids.mayor)).toEqual(['cd-ann-attribution'])
    for (const names of [ids.budget, ids.quote, ids.mayor].map((id) => highlightNames(set(state), id))) {
      for (const name of names) expect(HIGHLIGHT_NAMES).toContain(name)
    }
  })

  it('registers a highlight for exactly the names styles.css draws', () => {
    const css = readFileSync(join(__dirname, '../../src/renderer/styles.css'), 'utf8')
    const drawn = new Set([...css.matchAll(/::highlight\(([\w-]+)\)/g)].map((m) => m[1]))
    expect([...HIGHLIGHT_NAMES].sort()).toEqual([...drawn].sort())
  })

  it('stacks nested kinds: claim < status < quote < attribution < selected', () => {
    const order = ['cd-ann-claim', 'cd-ann-status-false', 'cd-ann-quote', 'cd-ann-attribution', 'cd-ann-selected'].map(highlightPriority)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(new Set(order).size).toBe(order.length)
  })

  it('paints with windowed decorations by default, and with highlights only when asked and the browser has them', () => {
    const keyOf = (mode: PainterMode): string => (annotationPainter({ mode }) as unknown as { key: string }).key
    expect(keyOf('auto')).toMatch(/^copydeskAnnotationDecorations/)
    // Node has no CSS.highlights: asking for highlights still draws, with decorations.
    expect(keyOf('highlights')).toMatch(/^copydeskAnnotationDecorations/)
    const g = globalThis as unknown as { CSS?: unknown; Highlight?: unknown }
    g.CSS = { highlights: new Map() }
    g.Highlight = class extends Set {}
    try {
      expect(keyOf('highlights')).toMatch(/^copydeskAnnotationHighlights/)
      expect(keyOf('auto')).toMatch(/^copydeskAnnotationDecorations/)
    } finally {
      delete g.CSS
      delete g.Highlight
    }
  })
})

describe('the document diff', () => {
  it('finds the changed span, widened to its textblock, and maps positions around it', () => {
    const { state } = tagged()
    const typed = typeAt(state, posOf(state, 'mayor'), 'deputy ')
    const diff = docDiff(state.doc, typed.doc)!
    expect(diff.start).toBe(posOf(state, 'mayor'))
    expect(diff.endB - diff.endA).toBe('deputy '.length)
    const block = widenToTextblocks(typed.doc, diff.start, diff.endB)
    const $p = typed.doc.resolve(posOf(typed, 'deputy'))
    expect(block).toEqual({ from: $p.start(), to: $p.end() })
    expect(mapThroughDiff(diff, 3)).toBe(3)
    const after = posOf(state, 'Spending')
    expect(mapThroughDiff(diff, after)).toBe(posOf(typed, 'Spending'))
    expect(docDiff(state.doc, state.doc)).toBeNull()
  })

  it('handles repeated text where the common ends overlap', () => {
    const a = editor(doc('aaaa')).doc
    const b = editor(doc('aaaaa')).doc
    const diff = docDiff(a, b)!
    expect(diff.endA).toBeGreaterThanOrEqual(diff.start)
    expect(diff.endB - diff.endA).toBe(1)
  })
})

describe('keeping ranges up to date', () => {
  it('typing rebuilds only the ranges in the paragraph typed in', () => {
    const { state } = tagged()
    const painter = new Painter(state)
    painter.check()
    const made = painter.book.made
    // In the second paragraph: the quote, the claim nested in it, the attribution.
    expect(painter.update(typeAt(painter.state, posOf(painter.state, 'on Tuesday'), 'late '))).toBe(3)
    painter.check()
    expect(painter.book.made - made).toBe(3)
    // The first paragraph: one.
    expect(painter.update(typeAt(painter.state, posOf(painter.state, 'said'), 'has '))).toBe(1)
    painter.check()
  })

  it('a change of fields or selection rebuilds only that annotation and moves it between highlights', () => {
    const { state, ids } = tagged()
    const painter = new Painter(state)
    expect(painter.update(run(painter.state, updateAnnotationFields(ids.record, { status: 'false' })))).toBe(1)
    painter.check()
    expect(painter.highlights.get('cd-ann-status-false')!.has(painter.book.rangeOf(ids.record)!)).toBe(true)
    expect(painter.update(run(painter.state, updateAnnotationFields(ids.record, { status: 'in_review' })))).toBe(1)
    painter.check()
    expect(painter.highlights.get('cd-ann-status-false')!.size).toBe(0)
    expect(painter.highlights.get('cd-ann-claim')!.has(painter.book.rangeOf(ids.record)!)).toBe(true)
    painter.update(run(painter.state, selectAnnotation(ids.nested)))
    expect(painter.update(run(painter.state, selectAnnotation(ids.budget)))).toBe(2)
    painter.check()
    expect([...painter.highlights.get('cd-ann-selected')!]).toEqual([painter.book.rangeOf(ids.budget)])
  })

  it('tagging, deleting, undo and redo keep every painted range right', () => {
    const { state, ids } = tagged()
    const painter = new Painter(state)
    const steps: ((s: EditorState) => EditorState)[] = [
      (s) => deleteRange(s, posOf(s, 'We will'), posOf(s, ' the mayor')),
      undoOf,
      redoOf,
      undoOf,
      (s) => tag(s, 'Spending on schools', 'quote', addAnnotation).state,
      (s) => typeAt(s, posOf(s, 'record'), 'new '),
      (s) => deleteRange(s, posOf(s, 'percent.') + 'percent.'.length, posOf(s, '"We')),
      undoOf,
      (s) => run(s, selectAnnotation(ids.mayor)),
      (s) => typeAt(s, posOf(s, 'mayor'), 'deputy ')
    ]
    for (const step of steps) {
      painter.update(step(painter.state))
      painter.check()
    }
  })

  it('paints only the window, and paints and unpaints annotations as it moves and the text changes', () => {
    const { state, ids } = tagged()
    const second = state.doc.resolve(posOf(state, 'mayor'))
    const painter = new Painter(state, { from: second.start(), to: second.end() })
    painter.check()
    expect([...painter.book.ids()].sort()).toEqual([ids.quote, ids.nested, ids.mayor].sort())
    // An edit before the window moves it with the text.
    painter.update(typeAt(painter.state, 1, 'Update: '))
    painter.check()
    expect([...painter.book.ids()].sort()).toEqual([ids.quote, ids.nested, ids.mayor].sort())
    // A scroll: the window moves to the last paragraph.
    const third = painter.state.doc.resolve(posOf(painter.state, 'Spending'))
    painter.book.setWindow(set(painter.state), { from: third.start(), to: third.end() })
    painter.check()
    expect([...painter.book.ids()]).toEqual([ids.record])
    // Tagging outside the window paints nothing; inside, it paints.
    painter.update(tag(painter.state, 'The council said', 'attribution', addAnnotation).state)
    painter.check()
    expect(painter.book.size).toBe(1)
    painter.update(tag(painter.state, 'Spending on schools', 'quote', addAnnotation).state)
    painter.check()
    expect(painter.book.size).toBe(2)
  })
})
