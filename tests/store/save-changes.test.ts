import { join } from 'node:path'
import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../src/main/core/dispatch'
import { createServices } from '../../src/main/core/services'
import { diffAnnotations } from '../../src/main/core/store/history'
import { openStore, type Store } from '../../src/main/core/store'
import { anchorFor } from '../../src/shared/anchor'
import type { SaveArticleInput } from '../../src/shared/contract'
import { defaultFields, type Annotation, type AnnotationKind } from '../../src/shared/domain'
import { articleSchema as s } from '../../src/shared/schema'
import { annotationChanges, bodyChange } from '../../src/shared/save-request'
import { docText } from '../../src/shared/text'
import { generateArticle } from '../../scripts/bench-data'
import { makeAnnotations } from '../../scripts/bench-interactions'
import { newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

/**
 * Saves of what changed (the editor's autosave: a body change, annotation changes) must leave
 * the store exactly as a save of everything would: the same text, body, annotations (context
 * included) and history. The model below edits an article as an editor would, in memory, and
 * after every save the store is compared with it.
 */

const WORDS = 'council budget mayor said rose fell percent million the a of in on by report data city tax police voters'.split(' ')

interface Model {
  paragraphs: string[]
  doc: Node
  annotations: Annotation[]
}

function paragraphNode(text: string): Node {
  return s.node('paragraph', null, text ? [s.text(text)] : [])
}

function textOf(m: Pick<Model, 'paragraphs'>): string {
  return m.paragraphs.join('\n\n')
}

function starts(paragraphs: string[]): number[] {
  const out: number[] = []
  let at = 0
  for (const p of paragraphs) {
    out.push(at)
    at += p.length + 2
  }
  return out
}

let serial = 0
function annotation(text: string, start: number, end: number, kind: AnnotationKind, fields: Record<string, unknown> = {}): Annotation {
  return {
    id: `t${++serial}`,
    kind,
    anchor: anchorFor(text, start, end),
    fields: { ...defaultFields(kind), ...fields },
    origin: 'manual',
    placement: 'anchored',
    createdBy: 'Test',
    createdAt: '2026-12-07T10:00:00.000Z',
    updatedBy: 'Test',
    updatedAt: '2026-12-07T10:00:00.000Z'
  } as Annotation
}

/** One editor's step: words typed or deleted in a paragraph, a paragraph added or removed, an annotation added, edited or removed. */
type Step =
  | { op: 'type'; p: number; at: number; words: string }
  | { op: 'cut'; p: number; at: number; length: number }
  | { op: 'split'; p: number }
  | { op: 'drop'; p: number }
  | { op: 'tag'; p: number; at: number; length: number; kind: AnnotationKind }
  | { op: 'check'; n: number }
  | { op: 'untag'; n: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('type' as const), p: fc.nat(), at: fc.nat(), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => `${w.join(' ')} `) }),
  fc.record({ op: fc.constant('cut' as const), p: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('split' as const), p: fc.nat() }),
  fc.record({ op: fc.constant('drop' as const), p: fc.nat() }),
  fc.record({ op: fc.constant('tag' as const), p: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }), kind: fc.constantFrom<AnnotationKind>('claim', 'quote', 'attribution') }),
  fc.record({ op: fc.constant('check' as const), n: fc.nat() }),
  fc.record({ op: fc.constant('untag' as const), n: fc.nat() })
)

/** Applies a step to the model as the editor would: annotations move with the text, lose what is cut, go with their paragraph. */
function apply(m: Model, st: Step): Model {
  const paragraphs = [...m.paragraphs]
  const blocks = Array.from({ length: m.doc.childCount }, (_, i) => m.doc.child(i))
  let annotations = m.annotations
  const p = 'p' in st ? st.p % paragraphs.length : 0
  const base = starts(paragraphs)[p]
  // Offsets: each annotation's [start, end) through an edit that replaces [from, to) with `inserted` characters.
  const through = (from: number, to: number, inserted: number, text: string): Annotation[] =>
    annotations.flatMap((a) => {
      const map = (x: number, end: boolean): number => (x < from || (x === from && end) ? x : x >= to ? x - (to - from) + inserted : from + (end ? inserted : 0))
      const start = map(a.anchor.start, false)
      const finish = map(a.anchor.end, true)
      if (finish <= start) return []
      const anchor = anchorFor(text, start, finish)
      const same = anchor.exact === a.anchor.exact && anchor.prefix === a.anchor.prefix && anchor.suffix === a.anchor.suffix && anchor.start === a.anchor.start
      return [same ? a : { ...a, anchor }]
    })
  switch (st.op) {
    case 'type': {
      const at = st.at % (paragraphs[p].length + 1)
      paragraphs[p] = paragraphs[p].slice(0, at) + st.words + paragraphs[p].slice(at)
      blocks[p] = paragraphNode(paragraphs[p])
      annotations = through(base + at, base + at, st.words.length, textOf({ paragraphs }))
      break
    }
    case 'cut': {
      if (!paragraphs[p].length) return m
      const at = st.at % paragraphs[p].length
      const end = Math.min(paragraphs[p].length, at + st.length)
      paragraphs[p] = paragraphs[p].slice(0, at) + paragraphs[p].slice(end)
      blocks[p] = paragraphNode(paragraphs[p])
      annotations = through(base + at, base + end, 0, textOf({ paragraphs }))
      break
    }
    case 'split': {
      const at = Math.floor(paragraphs[p].length / 2)
      const [head, tail] = [paragraphs[p].slice(0, at), paragraphs[p].slice(at)]
      paragraphs.splice(p, 1, head, tail)
      blocks.splice(p, 1, paragraphNode(head), paragraphNode(tail))
      annotations = through(base + at, base + at, 2, textOf({ paragraphs }))
      break
    }
    case 'drop': {
      if (paragraphs.length === 1) return m
      const from = p === 0 ? 0 : base - 2
      const to = p === 0 ? starts(paragraphs)[1] : base + paragraphs[p].length
      paragraphs.splice(p, 1)
      blocks.splice(p, 1)
      const text = textOf({ paragraphs })
      const gone = new Set(annotations.filter((a) => a.anchor.start < to && a.anchor.end > from).map((a) => a.id))
      annotations = annotations.filter((a) => !gone.has(a.id))
      annotations = through(from, to, 0, text)
      break
    }
    case 'tag': {
      if (!paragraphs[p].length) return m
      const at = st.at % paragraphs[p].length
      const end = Math.min(paragraphs[p].length, at + st.length)
      const text = textOf({ paragraphs })
      if (!text.slice(base + at, base + end).trim()) return m
      // A new quote names the first attribution as its speaker, when there is one.
      const speaker = st.kind === 'quote' ? annotations.find((a) => a.kind === 'attribution') : undefined
      annotations = [...annotations, annotation(text, base + at, base + end, st.kind, speaker ? { speakerId: speaker.id } : {})]
      break
    }
    case 'check': {
      if (!annotations.length) return m
      const i = st.n % annotations.length
      const a = annotations[i]
      const said = `checked ${serial++}`
      const fields = a.kind === 'claim' ? { explanation: said } : a.kind === 'quote' ? { checkedNote: said } : { cue: said }
      const edited = { ...a, fields: { ...a.fields, ...fields }, updatedAt: '2026-12-07T11:00:00.000Z' } as Annotation
      annotations = annotations.map((x, j) => (j === i ? edited : x))
      break
    }
    case 'untag': {
      if (!annotations.length) return m
      const gone = annotations[st.n % annotations.length]
      annotations = annotations.filter((a) => a !== gone)
      break
    }
  }
  if (!paragraphs.length) return m
  // A quote whose speaker went (cut away, removed) is unlinked, as the editor does.
  const ids = new Set(annotations.map((a) => a.id))
  annotations = annotations.map((a) =>
    a.kind === 'quote' && a.fields.speakerId && !ids.has(a.fields.speakerId) ? ({ ...a, fields: { ...a.fields, speakerId: null } } as Annotation) : a
  )
  return { paragraphs, doc: s.node('doc', null, blocks), annotations }
}

function inStoreOrder(list: Annotation[]): Annotation[] {
  return [...list].sort((a, b) => a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end || (a.id < b.id ? -1 : 1))
}

describe('saving what changed', () => {
  const dir = useTempDir()
  let store: Store | undefined
  afterEach(() => store?.close())

  function open(name: string): { store: Store; dispatch: Dispatch } {
    store?.close()
    store = openStore(join(dir(), name))
    return { store, dispatch: createDispatch(createServices(store)) }
  }

  let run = 0
  /** A new library with an article of these paragraphs (some empty), and the editor's model of it. */
  function startArticle(start: string[]): { store: Store; dispatch: Dispatch; created: { id: number; revision: number }; model: Model } {
    const { store, dispatch } = open(`p${run++}.db`)
    const paragraphs = start.map((p, i) => p || (i % 2 ? '' : 'x'))
    const created = store.insertArticle({ ...newArticle(paragraphs), body: s.node('doc', null, paragraphs.map(paragraphNode)).toJSON() as never, text: paragraphs.join('\n\n') })
    return { store, dispatch, created, model: { paragraphs, doc: articleDoc(store, created.id), annotations: [] } }
  }
  const article = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 14 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 6 })
  const edits = fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 })

  /**
   * The changes a client sends that leaves the context of moved annotations to the store
   * (sends them as moved though the words around them changed): the store takes it afresh.
   */
  function withStaleContext(current: Annotation[], saved: ReadonlyMap<string, Annotation>): ReturnType<typeof annotationChanges> {
    const stale = current.map((a) => {
      const b = saved.get(a.id)
      return b && b.anchor.exact === a.anchor.exact ? ({ ...a, anchor: { ...a.anchor, prefix: b.anchor.prefix, suffix: b.anchor.suffix } } as Annotation) : a
    })
    const changes = annotationChanges(stale, saved)
    const byId = new Map(current.map((a) => [a.id, a]))
    return { ...changes, upsert: changes.upsert.map((a) => byId.get(a.id)!) }
  }

  it.each([
    ['as the editor sends it', annotationChanges],
    ['when the client leaves the context of moved annotations to the store', withStaleContext]
  ])('leaves the store as the editor has the article, with the history a whole save records, whatever is typed, cut, tagged or removed (%s)', async (_, changesOf) => {
    await fc.assert(
      fc.asyncProperty(article, edits, async (start, saves) => {
          const { store, dispatch, created, model } = startArticle(start)
          let m = model
          let revision = created.revision
          let saved = new Map<string, Annotation>()
          for (const steps of saves) {
            const before = m
            for (const st of steps) m = apply(m, st)
            const input: SaveArticleInput = {
              id: created.id,
              baseRevision: revision,
              bodyChange: bodyChange(before.doc, m.doc, textOf(m).length),
              changes: changesOf(m.annotations, saved)
            }
            const historyBefore = store.annotationHistory(created.id).length
            const result = await dispatch('saveArticle', JSON.parse(JSON.stringify(input)))
            if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
            revision = (result.value as { revision: number }).revision
            const article = store.getArticle(created.id)
            expect(article.text).toBe(textOf(m))
            expect(docText(s.nodeFromJSON(article.body))).toBe(textOf(m))
            expect(article.body).toEqual(m.doc.toJSON())
            expect(store.listAnnotations(created.id)).toEqual(inStoreOrder(m.annotations))
            const recorded = store.annotationHistory(created.id).slice(historyBefore).map((h) => [h.annotationId, h.action, h.changes])
            const expected = diffAnnotations([...saved.values()], m.annotations).map((c) => [c.annotationId, c.action, c.changes])
            expect(sortEntries(recorded)).toEqual(sortEntries(expected))
            saved = new Map(m.annotations.map((a) => [a.id, a]))
          }
        }
      ),
      { numRuns: 60 }
    )
  })

  it('refuses a shift off by one wherever an annotation it moves lands off its words, and otherwise saves as the editor has it', async () => {
    let refused = 0
    await fc.assert(
      fc.asyncProperty(article, edits, fc.nat(), fc.constantFrom(-1, 1), async (start, saves, which, off) => {
        const { store, dispatch, created, model } = startArticle(start)
        let m = model
        let revision = created.revision
        let saved = new Map<string, Annotation>()
        for (const steps of saves) {
          const before = m
          for (const st of steps) m = apply(m, st)
          const changes = annotationChanges(m.annotations, saved)
          const wrong = changes.shifts.length ? which % changes.shifts.length : -1
          const shifts = changes.shifts.map((sh, i) => (i === wrong ? { ...sh, by: sh.by + off } : sh))
          const input = { id: created.id, baseRevision: revision, bodyChange: bodyChange(before.doc, m.doc, textOf(m).length), changes: { ...changes, shifts } }
          const storedBefore = store.listAnnotations(created.id)
          const result = await dispatch('saveArticle', JSON.parse(JSON.stringify(input)))
          if (!result.ok) {
            expect(result.error.code).toBe('conflict')
            expect(store.listAnnotations(created.id)).toEqual(storedBefore)
            expect(store.getArticle(created.id).revision).toBe(revision)
            refused++
            return
          }
          // Accepted: the shift moved only annotations the edit had not changed, by as much as it said,
          // and those still sit on their words.
          revision = (result.value as { revision: number }).revision
          const text = store.getArticle(created.id).text
          for (const a of store.listAnnotations(created.id)) expect(text.slice(a.anchor.start, a.anchor.end)).toBe(a.anchor.exact)
          if (wrong >= 0) {
            m = { ...m, annotations: inStoreOrder(store.listAnnotations(created.id)) }
          }
          saved = new Map(m.annotations.map((a) => [a.id, a]))
        }
      }),
      // A fixed seed, so that the runs are sure to include wrong shifts that must be refused.
      { numRuns: 120, seed: 19 }
    )
    expect(refused).toBeGreaterThan(0)
  })

  it('saves a word typed in a 100,000-word article with 10,000 annotations exactly: reopened, it is what was saved, and the history has nothing new', async () => {
    const { store, dispatch } = open('big.db')
    const g = generateArticle(100_000)
    const created = store.insertArticle({ ...newArticle(), body: g.body as never, text: g.text })
    const annotations = makeAnnotations(g.text, 10_000)
    const revision = store.saveArticle({ id: created.id, baseRevision: created.revision, annotations, who: 'Test' }).revision
    const savedDoc = articleDoc(store, created.id)
    const p = 1_000
    const paragraphs = g.body.content.map((b) => (b.content as { text: string }[])[0].text)
    const at = starts(paragraphs)[p] + 10
    const word = 'reportedly '
    paragraphs[p] = paragraphs[p].slice(0, 10) + word + paragraphs[p].slice(10)
    const text = paragraphs.join('\n\n')
    const blocks = Array.from({ length: savedDoc.childCount }, (_, i) => savedDoc.child(i))
    blocks[p] = paragraphNode(paragraphs[p])
    const doc = s.node('doc', null, blocks)
    const after = annotations.map((a) => {
      const start = a.anchor.start >= at ? a.anchor.start + word.length : a.anchor.start
      const end = a.anchor.end > at ? a.anchor.end + word.length : a.anchor.end
      const anchor = anchorFor(text, start, end)
      return anchor.start === a.anchor.start && anchor.exact === a.anchor.exact && anchor.prefix === a.anchor.prefix && anchor.suffix === a.anchor.suffix ? a : { ...a, anchor }
    })
    const changes = annotationChanges(after, new Map(annotations.map((a) => [a.id, a])))
    const input: SaveArticleInput = { id: created.id, baseRevision: revision, bodyChange: bodyChange(savedDoc, doc, text.length), changes }
    // What is sent is what changed: one paragraph, the annotations whose context the word touched, one shift.
    expect(input.bodyChange!.blocks).toHaveLength(1)
    expect(changes.upsert.length).toBeLessThan(10)
    expect(changes.shifts).toHaveLength(1)
    const historyBefore = store.annotationHistory(created.id).length
    expect(await dispatch('saveArticle', JSON.parse(JSON.stringify(input)))).toMatchObject({ ok: true, value: { revision: revision + 1, annotationCount: 10_000 } })
    store.close()
    const reopened = openStore(join(dir(), 'big.db'))
    try {
      const back = reopened.getArticle(created.id)
      expect(back.text).toBe(text)
      expect(back.body).toEqual(doc.toJSON())
      expect(reopened.listAnnotations(created.id)).toEqual(inStoreOrder(after))
      // Offsets moving is not a change; the annotations the word went into record it.
      const entries = reopened.annotationHistory(created.id).slice(historyBefore)
      expect(entries.map((e) => [e.annotationId, e.action])).toEqual(diffAnnotations(annotations, after).map((c) => [c.annotationId, c.action]))
    } finally {
      reopened.close()
    }
  })

  describe('refusals, which change nothing', () => {
    function setUp(): { store: Store; dispatch: Dispatch; text: string; doc: Node; saved: Annotation[] } {
      const { store, dispatch } = open('r.db')
      const created = store.insertArticle(newArticle())
      const text = created.text
      const attribution = annotation(text, text.indexOf('said Mayor Lena Park'), text.indexOf('said Mayor Lena Park') + 20, 'attribution')
      const quote = annotation(text, 1 + text.indexOf('This is a budget'), text.indexOf('This is a budget') + 16, 'quote', { speakerId: attribution.id })
      const claim = annotation(text, text.indexOf('$4.2 billion'), text.indexOf('$4.2 billion') + 12, 'claim')
      store.saveArticle({ id: created.id, baseRevision: 1, annotations: [claim, quote, attribution], who: 'Test' })
      return { store, dispatch, text, doc: articleDoc(store, created.id), saved: [claim, quote, attribution] }
    }
    const unchanged = (store: Store, text: string, saved: Annotation[]): void => {
      expect(store.getArticle(1).revision).toBe(2)
      expect(store.getArticle(1).text).toBe(text)
      expect(store.listAnnotations(1)).toEqual(inStoreOrder(saved))
    }

    it('refuses a shift that does not put the annotations on their words', async () => {
      const { store, dispatch, text, doc, saved } = setUp()
      const typed = s.node('doc', null, [paragraphNode(`Late news: ${doc.child(0).textContent}`), doc.child(1)])
      const input = { id: 1, baseRevision: 2, bodyChange: bodyChange(doc, typed, text.length + 11), changes: { upsert: [], removed: [], shifts: [{ from: 0, by: 10 }] } }
      const r = await dispatch('saveArticle', input)
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } })
      if (!r.ok) expect(r.error.message).toMatch(/would not be on its words/)
      unchanged(store, text, saved)
    })

    it('refuses removing an attribution a kept quote still names', async () => {
      const { store, dispatch, text, saved } = setUp()
      const r = await dispatch('saveArticle', { id: 1, baseRevision: 2, changes: { upsert: [], removed: [saved[2].id], shifts: [] } })
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      if (!r.ok) expect(r.error.message).toMatch(/is linked to .*, which is not an attribution in this article/)
      unchanged(store, text, saved)
    })

    it('refuses a new quote naming a speaker removed in the same save, and an id another article uses', async () => {
      const { store, dispatch, text, saved } = setUp()
      const quote = { ...saved[1], id: 'q-new' }
      const linked = await dispatch('saveArticle', { id: 1, baseRevision: 2, changes: { upsert: [{ ...saved[1], fields: { ...saved[1].fields, speakerId: null } }, quote], removed: [saved[2].id], shifts: [] } })
      expect(linked).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      const other = store.insertArticle(newArticle())
      store.saveArticle({ id: other.id, baseRevision: 1, annotations: [{ ...saved[0], id: 'theirs' }], who: 'Test' })
      const taken = await dispatch('saveArticle', { id: 1, baseRevision: 2, changes: { upsert: [{ ...saved[0], id: 'theirs' }], removed: [], shifts: [] } })
      expect(taken).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Annotation theirs is already used by another article.' } })
      unchanged(store, text, saved)
    })

    it('refuses a body change that does not fit the stored body, or leaves a different text than the editor has', async () => {
      const { store, dispatch, text, saved } = setUp()
      const block = paragraphNode('Short.').toJSON()
      for (const [bodyChange, message] of [
        [{ from: 2, remove: 1, blocks: [block], textLength: 10 }, /replaces paragraphs 3 to 3, and the article has 2/],
        [{ from: 0, remove: 1, blocks: [block], textLength: 10 }, /its text would be .* characters long, and the editor's is 10/],
        [{ from: 0, remove: 2, blocks: [], textLength: 0 }, /needs at least one paragraph/]
      ] as const) {
        const r = await dispatch('saveArticle', { id: 1, baseRevision: 2, bodyChange })
        expect(r.ok).toBe(false)
        if (!r.ok) expect(r.error.message).toMatch(message)
      }
      unchanged(store, text, saved)
    })

    it('refuses a save of changes from a revision the article has moved on from', async () => {
      const { store, dispatch, text, saved } = setUp()
      const r = await dispatch('saveArticle', { id: 1, baseRevision: 1, bodyChange: { from: 0, remove: 0, blocks: [], textLength: text.length }, changes: { upsert: [], removed: [], shifts: [] } })
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } })
      unchanged(store, text, saved)
    })
  })
})

function articleDoc(store: Store, id: number): Node {
  return s.nodeFromJSON(store.getArticle(id).body)
}

function sortEntries(list: unknown[][]): string[] {
  return list.map((e) => JSON.stringify(e)).sort()
}
