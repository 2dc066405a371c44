import { describe, expect, it } from 'vitest'
import { Fragment, Schema, Slice, type Node } from 'prosemirror-model'
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import { closeHistory, history, isHistoryTransaction, redo, undo } from 'prosemirror-history'
import { articleSchema } from '../../src/shared/schema'
import { addAnnotation, annotationDecorations, annotations, annotationsKey, getAnnotation, getAnnotations } from '../../src/renderer/editor/annotations'
import { expectHighlightsMatch } from './helpers'

/**
 * Random user-like edits, a few hundred, and after each one: every annotation whose words are
 * all still in the text, in their order, is anchored on them (from its first word's first
 * letter to its last word's last). Each letter carries its own identity in a mark, so "its
 * words" means those very letters: a paste of fresh text is new letters, a drag moves the
 * same ones, a paste of the same selection over itself keeps them. SURVIVAL_SEEDS=3000 runs
 * 3,000 seeds instead of 8 (180,000 edits; all passed when this was written).
 */

const schema = new Schema({
  nodes: articleSchema.spec.nodes,
  marks: articleSchema.spec.marks.addToEnd('letter', { attrs: { id: {} }, inclusive: false })
})

/** A small, seeded random number generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['the', 'council', 'voted', 'to', 'raise', 'taxes', 'by', '6.8%', 'said', 'mayor', 'Becker', '"we', 'spent"', 'a', 'decade', 'on', 'pensions', 'in', '1998']

class Run {
  private next = 0
  readonly rnd: () => number
  /** Each tracked annotation's letters, in order, as they were when it was tagged. */
  readonly letters = new Map<string, number[]>()
  /** Letters typed, pasted or dropped inside each annotation since: it stretches over them. */
  readonly inside = new Map<string, Set<number>>()
  /** Annotations a drag took some but not all of the words of: their words no longer go together. */
  readonly split = new Set<string>()
  state: EditorState

  constructor(seed: number) {
    this.rnd = random(seed)
    const paragraphs = Array.from({ length: 4 }, () => this.paragraph(8 + this.int(10)))
    let n = 0
    this.state = EditorState.create({
      doc: schema.node('doc', null, paragraphs),
      plugins: [history(), annotations({ user: () => 'Ada', newId: () => `a${++n}` }), annotationDecorations({ windowed: false })]
    })
    for (let i = 0; i < 12; i++) this.tagRandom()
  }

  int(n: number): number {
    return Math.floor(this.rnd() * n)
  }

  /** Fresh letters: text a user types or pastes from elsewhere. */
  text(s: string): Node[] {
    return [...s].map((ch) => schema.text(ch, [schema.marks.letter.create({ id: this.next++ })]))
  }

  words(n: number): string {
    return Array.from({ length: n }, () => WORDS[this.int(WORDS.length)]).join(' ')
  }

  paragraph(words: number): Node {
    return schema.node('paragraph', null, this.text(this.words(words)))
  }

  /** A random position where text can go. */
  pos(): number {
    const spots: number[] = []
    this.state.doc.descendants((node, pos) => {
      if (!node.isTextblock) return true
      for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) spots.push(p)
      return false
    })
    return spots[this.int(spots.length)]
  }

  /** A random range of up to `max` positions, possibly across paragraphs. */
  range(max = 30): [number, number] {
    const a = this.pos()
    let b = a
    for (let i = 0; i < 5 && b === a; i++) b = this.pos()
    let [from, to] = a < b ? [a, b] : [b, a]
    if (to - from > max && this.rnd() < 0.8) to = this.state.doc.resolve(from).end() // most ranges stay in one paragraph
    return [from, Math.max(from, to)]
  }

  /** The letters in [from, to), in order. */
  lettersIn(from: number, to: number): number[] {
    const ids: number[] = []
    this.state.doc.nodesBetween(from, to, (node) => {
      if (node.isText) ids.push(node.marks.find((m) => m.type === schema.marks.letter)!.attrs.id as number)
    })
    return ids
  }

  tagRandom(): void {
    const [from, to] = this.range(60)
    const kind = (['claim', 'quote', 'attribution'] as const)[this.int(3)]
    const before = new Set(getAnnotations(this.state).map((a) => a.id))
    addAnnotation(kind, { range: { from, to } })(this.state, (tr) => this.apply(tr))
    const added = getAnnotations(this.state).find((a) => !before.has(a.id))
    if (added) {
      this.letters.set(added.id, this.lettersIn(added.from, added.to))
      this.inside.set(added.id, new Set())
    }
  }

  /** Applies an edit that inserts fresh letters over [from, to), noting the annotations it lands inside. */
  insertFresh(from: number, to: number, make: (tr: Transaction) => void): void {
    const within = getAnnotations(this.state).filter((a) => a.from < from && to < a.to).map((a) => a.id)
    const first = this.next
    const tr = this.state.tr
    make(tr)
    this.apply(tr)
    for (const id of within) for (let l = first; l < this.next; l++) this.inside.get(id)?.add(l)
  }

  /** The last transaction applied (to group the next one with it). */
  private last: Transaction | null = null

  /**
   * Applies an edit as its own undo step, or now and then in the same undo step as the one
   * before it, as quick edits are grouped (a tag, then a deletion a moment later).
   */
  apply(tr: Transaction): void {
    if (this.last && !isHistoryTransaction(this.last) && this.rnd() < 0.3) tr.setMeta('appendedTransaction', this.last)
    else closeHistory(tr)
    this.last = tr
    this.state = this.state.apply(tr)
    expectHighlightsMatch(this.state)
  }

  /** One random user edit; returns what it was, for the failure message. */
  edit(): string {
    const r = this.rnd()
    const tr = this.state.tr
    if (r < 0.2) {
      const at = this.pos()
      const word = this.rnd() < 0.5 ? 'x' : ` ${this.words(1)}`
      this.insertFresh(at, at, (t) => t.insert(at, this.text(word)))
      return `type "${word}" at ${at}`
    }
    if (r < 0.35) {
      const [from, to] = this.range()
      this.apply(tr.delete(from, to))
      return `delete ${from}-${to}`
    }
    if (r < 0.45) {
      const [from, to] = this.range()
      const twoParagraphs = this.rnd() < 0.5
      this.insertFresh(from, to, (t) => {
        const pasted = twoParagraphs ? new Slice(Fragment.from([this.paragraph(2), this.paragraph(3)]), 1, 1) : new Slice(Fragment.from(this.text(this.words(2))), 0, 0)
        t.setSelection(TextSelection.create(t.doc, from, to)).replaceSelection(pasted)
      })
      return `paste other text over ${from}-${to}`
    }
    if (r < 0.55) {
      const [from, to] = this.range()
      this.apply(tr.setSelection(TextSelection.create(tr.doc, from, to)).replaceSelection(this.state.doc.slice(from, to)))
      return `paste the same text over ${from}-${to}`
    }
    if (r < 0.72) {
      // A drag and drop, as ProseMirror's drop handler does it: onto itself now and then.
      const [from, to] = this.range()
      if (from === to) return 'nothing'
      const at = this.rnd() < 0.25 ? from + this.int(to - from + 1) : this.pos()
      const slice = this.state.doc.slice(from, to)
      const dragged = new Set(this.lettersIn(from, to))
      for (const [id, letters] of this.letters) {
        const taken = letters.filter((l) => dragged.has(l)).length
        if (taken > 0 && taken < letters.length) this.split.add(id)
      }
      // A drop inside an annotation (not onto the dragged words themselves) becomes part of it, as typing there does.
      const landsIn = at < from || at > to ? getAnnotations(this.state).filter((a) => a.from < at && at < a.to).map((a) => a.id) : []
      tr.setSelection(TextSelection.create(tr.doc, from, to)).deleteSelection()
      const pos = tr.mapping.map(at)
      tr.replaceRange(pos, pos, slice)
      this.apply(tr.setMeta('uiEvent', 'drop'))
      for (const id of landsIn) for (const l of dragged) this.inside.get(id)?.add(l)
      return `drag ${from}-${to} to ${at}`
    }
    if (r < 0.8) {
      // Cut, then paste elsewhere: the clipboard's copy is new text.
      const [from, to] = this.range()
      const cut = this.state.doc.textBetween(from, to, ' ')
      this.apply(tr.delete(from, to))
      const at = this.pos()
      if (cut.trim()) this.insertFresh(at, at, (t) => t.insert(at, this.text(cut)))
      return `cut ${from}-${to}, paste at ${at}`
    }
    if (r < 0.85) {
      const at = this.pos()
      this.apply(tr.split(at))
      return `Enter at ${at}`
    }
    if (r < 0.93) {
      undo(this.state, (t) => this.apply(t))
      return 'undo'
    }
    if (r < 0.97) {
      redo(this.state, (t) => this.apply(t))
      return 'redo'
    }
    this.tagRandom()
    return 'tag'
  }

  /**
   * Every annotation whose letters are all here, in order, with nothing between them but
   * letters typed or pasted inside it, is on them.
   */
  check(): void {
    const where = new Map<number, number>()
    this.state.doc.descendants((node, pos) => {
      if (node.isText) where.set(node.marks.find((m) => m.type === schema.marks.letter)!.attrs.id as number, pos)
    })
    const set = annotationsKey.getState(this.state)!
    for (const [id, letters] of this.letters) {
      // Its tagging undone: no annotation any more (one whose words were deleted is kept, hidden).
      if (!set.live.has(id) && !set.zombies.has(id) && !set.orphans.has(id)) continue
      if (this.split.has(id)) continue
      const at = letters.map((l) => where.get(l))
      if (at.some((p) => p === undefined)) continue
      const positions = at as number[]
      if (positions.some((p, i) => i > 0 && p <= positions[i - 1])) continue
      const own = new Set([...letters, ...this.inside.get(id)!])
      const between = this.lettersIn(positions[0], positions[positions.length - 1] + 1)
      if (between.some((l) => !own.has(l))) continue
      const a = getAnnotation(this.state, id)
      expect(a?.placement, `annotation ${id} should be in the text`).toBe('anchored')
      expect(getAnnotations(this.state).some((x) => x.id === id), `annotation ${id} should be listed`).toBe(true)
      expect({ from: a!.from, to: a!.to }, `annotation ${id}`).toEqual({ from: positions[0], to: positions[positions.length - 1] + 1 })
    }
  }
}

describe('annotations survive what an editor does to the text', () => {
  const seeds = process.env.SURVIVAL_SEEDS ? Array.from({ length: Number(process.env.SURVIVAL_SEEDS) }, (_, i) => i + 1) : [1, 2, 3, 4, 5, 6, 7, 8]
  for (const seed of seeds) {
    it(`every annotation whose words survive 60 random edits (seed ${seed}) is still anchored to them`, () => {
      const run = new Run(seed)
      const done: string[] = []
      for (let i = 0; i < 60; i++) {
        try {
          done.push(run.edit())
          run.check()
        } catch (err) {
          throw new Error(`seed ${seed}, after ${done.join('; ')}:\n${(err as Error).message}`)
        }
      }
    })
  }
})
