import { describe, expect, it } from 'vitest'
import type { Annotation, Article, ClaimStatus, Thread } from '../../src/shared/domain'
import { CLAIM_STATUSES } from '../../src/shared/domain'
import { importedSignoff } from '../../src/shared/signoff'
import { exportBrat } from '../../src/shared/interchange/brat'
import { parseBrat } from '../../src/shared/interchange/brat-import'
import { exportHtml } from '../../src/shared/interchange/html'
import type { ImportedAnnotation } from '../../src/shared/interchange/imported'
import { exportW3C } from '../../src/shared/interchange/w3c'
import { parseW3C } from '../../src/shared/interchange/w3c-import'
import { article as base, make } from '../fixtures/interchange/article'
import { byClass, parse, textOf } from './dom'

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    return s / 0x7fffffff
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] }
}

const WORDS = ['the', 'council', 'said', 'bridge', '“repairs”', 'cost', '£48m', 'steel', 'Osei', 'told', 'reporters', 'reserves', '🚧', 'café']
/** The roster the generated claims' checkers come from (names an export writes and an import reads). */
const ROSTER: Record<string, string> = { 'p-1': 'plain', 'p-2': 'quote "x" and, comma', 'p-3': '<b>markup</b>', 'p-4': 'emoji 🚧 and ünïcode', 'p-5': '=1+1' }
const idOfName = new Map(Object.entries(ROSTER).map(([id, name]) => [name, id]))

const FIELD_TEXT = ['', 'plain', 'two\nlines', 'tab\there', 'quote "x" and, comma', '<b>markup</b>', 'emoji 🚧 and ünïcode', '=1+1']

/** An article of generated paragraphs and many overlapping, nested and duplicate annotations, some with threads. */
function generate(seed: number, count: number): { article: Article; annotations: Annotation[]; threads: Thread[] } {
  const r = random(seed)
  const paragraphs = Array.from({ length: 12 }, () =>
    Array.from({ length: 20 + r.int(30) }, () => r.pick(WORDS)).join(' ')
  )
  const text = paragraphs.join('\n\n')
  const body = { type: 'doc' as const, content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) }
  const article: Article = { ...base, text, body }
  const annotations: Annotation[] = []
  const attributions: string[] = []
  const threads: Thread[] = []
  for (let i = 0; i < count; i++) {
    let start = r.int(text.length - 2)
    let end = Math.min(text.length, start + 1 + r.int(r.next() < 0.1 ? 400 : 40))
    if (r.next() < 0.1 && annotations.length > 0) ({ start, end } = r.pick(annotations).anchor) // a duplicate span
    // An editor selection never splits a character: keep surrogate pairs whole.
    if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++
    while (start < end && text[start] === '\n') start++
    while (end > start && text[end - 1] === '\n') end--
    if (end <= start) continue
    const exact = text.slice(start, end)
    const kind = r.pick(['claim', 'quote', 'attribution'] as const)
    const id = `g${i}`
    const link = attributions.length > 0 && r.next() < 0.6 ? r.pick(attributions) : null
    const fieldText = () => r.pick(FIELD_TEXT)
    const fields =
      kind === 'claim'
        ? {
            ...importedSignoff(CLAIM_STATUSES[i % CLAIM_STATUSES.length]),
            status: CLAIM_STATUSES[i % CLAIM_STATUSES.length] as ClaimStatus,
            explanation: fieldText(),
            evidence: r.next() < 0.5 ? [] : [{ url: 'https://example.org/e', note: fieldText() }, { url: '', note: fieldText() }],
            checkerId: r.next() < 0.3 ? null : r.pick(Object.keys(ROSTER)),
            reviewerId: null,
            due: '',
            sourceId: link
          }
        : kind === 'quote'
          ? { speakerId: link, speakerName: link ? '' : fieldText(), checked: r.next() < 0.5, checkedNote: fieldText() }
          : { sourceName: fieldText(), sourceType: r.pick(['person', 'organisation', 'document', 'anonymous'] as const), cue: fieldText() }
    const a = make(kind, id, exact, fields, text)
    a.anchor = { start, end, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) }
    annotations.push(a)
    if (kind === 'attribution') attributions.push(id)
    const words = FIELD_TEXT.filter(Boolean)
    const said = Array.from({ length: r.next() < 0.3 ? 1 + r.int(3) : 0 }, () => r.pick(words))
    if (said.length) {
      threads.push({
        articleId: article.id,
        annotationId: id,
        comments: said.map((body, n) => ({
          id: `${id}-c${n}`,
          articleId: article.id,
          annotationId: id,
          authorId: null,
          authorName: r.pick(['Dana Reyes', 'Lee Park', '']),
          body,
          createdAt: `2024-06-0${1 + n}T10:00:00.000Z`,
          editedAt: null,
          deletedAt: null
        })),
        resolvedAt: r.next() < 0.3 ? '2024-06-09T10:00:00.000Z' : null,
        resolvedBy: null,
        resolvedByName: ''
      })
    }
  }
  return { article, annotations, threads }
}

/** An annotation's thread as an import gives it back: who said what when, and whether it was resolved. */
function threadOf(a: Annotation, threads: Thread[]) {
  const t = threads.find((x) => x.annotationId === a.id)
  return { comments: (t?.comments ?? []).map((c) => [c.authorName, c.body, c.createdAt]), resolvedAt: t?.resolvedAt ?? undefined }
}

function importedThread(a: ImportedAnnotation) {
  return { comments: a.comments.map((c) => [c.authorName ?? '', c.body, c.createdAt]), resolvedAt: a.resolvedAt }
}

function essence(a: Annotation | ImportedAnnotation, idOf: (ref: string | null) => string | null = (x) => x) {
  const span = 'anchor' in a ? a.anchor : a
  const fields = { ...a.fields } as Record<string, unknown>
  if (!('anchor' in a) && a.kind === 'claim') fields.checkerId = (a.checkerName && idOfName.get(a.checkerName)) ?? null
  if ('speakerId' in fields) fields.speakerId = idOf(fields.speakerId as string | null)
  if ('sourceId' in fields) fields.sourceId = idOf(fields.sourceId as string | null)
  return { kind: a.kind, start: span.start, end: span.end, exact: span.exact, fields }
}

/** Export order: by position, longer first, then kind and id (what both exports write). */
function inExportOrder(list: Annotation[]): Annotation[] {
  const rank = { claim: 0, quote: 1, attribution: 2 }
  return [...list].sort(
    (x, y) =>
      x.anchor.start - y.anchor.start || y.anchor.end - x.anchor.end || rank[x.kind] - rank[y.kind] || (x.id < y.id ? -1 : 1)
  )
}

describe('round trips over many overlapping annotations', () => {
  for (const seed of [1, 2, 3]) {
    const { article, annotations, threads } = generate(seed, 300)

    it(`W3C export then import gives back every annotation and thread (seed ${seed})`, () => {
      expect(threads.length).toBeGreaterThan(50)
      const back = parseW3C(JSON.parse(exportW3C(article, annotations, { includeInternal: true, threads, people: ROSTER })))
      expect(back.skipped).toEqual([])
      expect(back.annotations.map((a) => essence(a))).toEqual(inExportOrder(annotations).map((a) => essence(a)))
      expect(back.annotations.map(importedThread)).toEqual(inExportOrder(annotations).map((a) => threadOf(a, threads)))
    })

    it(`brat export then import gives back every annotation and thread (seed ${seed})`, () => {
      const { txt, ann } = exportBrat(article, annotations, { includeInternal: true, threads, people: ROSTER })
      const back = parseBrat(ann, txt)
      expect(back.skipped).toEqual([])
      const ordered = inExportOrder(annotations)
      // T ids follow export order, one per annotation.
      const idOf = (ref: string | null) => (ref === null ? null : ordered[Number(ref.slice(1)) - 1].id)
      expect(back.annotations.map((a) => essence(a, idOf))).toEqual(ordered.map((a) => essence(a)))
      expect(back.annotations.map(importedThread)).toEqual(ordered.map((a) => threadOf(a, threads)))
    })

    it(`the HTML copy highlights exactly each annotation’s text (seed ${seed})`, () => {
      const doc = parse(exportHtml(article, annotations))
      const covered = new Map<string, string>()
      for (const mark of byClass(byClass(doc, 'body')[0], 'hl')) {
        // Nested marks are the same segment: each holds its whole text.
        const own = textOf(mark, ['sup'])
        for (const n of mark.attribs['data-notes'].split(' ')) covered.set(n, (covered.get(n) ?? '') + own)
      }
      inExportOrder(annotations).forEach((a, i) => {
        expect(covered.get(String(i + 1)), a.id).toBe(a.anchor.exact.replace(/\n/g, ''))
      })
    })
  }
})
