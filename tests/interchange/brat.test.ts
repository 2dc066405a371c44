import { describe, expect, it } from 'vitest'
import type { Annotation, Article } from '../../src/shared/domain'
import { exportBrat } from '../../src/shared/interchange/brat'
import { parseBrat } from '../../src/shared/interchange/brat-import'
import type { ImportedAnnotation } from '../../src/shared/interchange/imported'
import { annotations, article, make, people } from '../fixtures/interchange/article'

/** The .ann lines by kind, read with brat's own line grammar. */
function readAnn(ann: string) {
  const t = new Map<string, { label: string; fragments: number[][]; text: string }>()
  const e: { id: string; args: Record<string, string> }[] = []
  for (const line of ann.trimEnd().split('\n')) {
    const cols = line.split('\t')
    if (line.startsWith('T')) {
      const [label, ...rest] = cols[1].split(' ')
      t.set(cols[0], { label, fragments: rest.join(' ').split(';').map((f) => f.split(' ').map(Number)), text: cols[2] })
    } else if (line.startsWith('E')) {
      e.push({ id: cols[0], args: Object.fromEntries(cols[1].split(' ').map((p) => p.split(':'))) })
    } else expect(line).toMatch(/^(A\d+\t\w+ T\d+( \S+)?|#\d+\tAnnotatorNotes T\d+\t\w+: .+)$/)
  }
  return { t, e }
}

/** A round trip compares imported refs by the annotation each stands for. */
function essence(a: Annotation | ImportedAnnotation, idOf: (ref: string | null) => string | null) {
  const span = 'anchor' in a ? a.anchor : a
  const fields = { ...a.fields } as Record<string, unknown>
  if ('speakerId' in fields) fields.speakerId = idOf(fields.speakerId as string | null)
  if ('sourceId' in fields) fields.sourceId = idOf(fields.sourceId as string | null)
  if (!('anchor' in a) && a.kind === 'claim') fields.checkerId = Object.entries(people).find(([, name]) => name === a.checkerName)?.[0] ?? null
  return { kind: a.kind, start: span.start, end: span.end, exact: span.exact, fields }
}

describe('the brat export', () => {
  const { txt, ann } = exportBrat(article, annotations, { includeInternal: true })
  const { t, e } = readAnn(ann)

  it('writes the article’s plain text and a text-bound line per annotation', () => {
    expect(txt).toBe(article.text)
    const own = [...t.values()].filter((x) => ['Claim', 'Quote', 'Attribution'].includes(x.label))
    expect(own.map((x) => x.label)).toEqual(annotations.map((a) => ({ claim: 'Claim', quote: 'Quote', attribution: 'Attribution' })[a.kind]))
    for (const x of t.values()) {
      for (const [s, end] of x.fragments) expect(x.text).toContain(txt.slice(s, end))
    }
  })

  it('splits a span running over a paragraph break into fragments, as brat does', () => {
    const quote = [...t.values()].find((x) => x.text.startsWith('“The extra money'))!
    expect(quote.fragments).toHaveLength(2)
    expect(quote.text).toBe('“The extra money comes from reserves. “Nobody’s council tax goes up because of this bridge.”')
  })

  it('writes each link as a PolNeAR-style Attribution event with Source and Cue spans', () => {
    expect(e).toHaveLength(5)
    const osei = e.filter((x) => t.get(x.args.Attribution)?.text === 'said Councillor Amara Osei')
    expect(osei).toHaveLength(2)
    for (const ev of osei) {
      expect(Object.keys(ev.args)).toEqual(['Attribution', 'Content', 'Cue', 'Source'])
      expect(t.get(ev.args.Source)).toMatchObject({ label: 'Source', text: 'Amara Osei' })
      expect(t.get(ev.args.Cue)).toMatchObject({ label: 'Cue', text: 'said' })
      expect(t.get(ev.args.Content)!.label).toBe('Quote')
    }
    // A source named differently from the text takes the words beside the cue.
    const council = e.find((x) => t.get(x.args.Attribution)!.text === 'the city council said')!
    expect(t.get(council.args.Source)!.text).toBe('the city council')
    expect(t.get(council.args.Content)!.label).toBe('Claim')
  })

  it('counts offsets in code points, as brat does, when the text has characters beyond 16 bits', () => {
    const text = 'Traffic 🚧 will be diverted, officials said.'
    const a: Article = { ...article, text, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } }
    const claim = make('claim', 'c', 'will be diverted', {}, text)
    const out = exportBrat(a, [claim])
    expect(out.ann.split('\n')[0]).toBe('T1\tClaim 10 26\twill be diverted')
    const back = parseBrat(out.ann, out.txt)
    expect(back.annotations[0]).toMatchObject({ start: claim.anchor.start, end: claim.anchor.end, exact: 'will be diverted' })
  })
})

describe('importing brat', () => {
  it('gives back the same kinds, spans, fields and links after a Copydesk export', () => {
    const { txt, ann } = exportBrat(article, annotations, { includeInternal: true, people })
    const back = parseBrat(ann, txt)
    expect(back.skipped).toEqual([])
    const byRef = new Map(back.annotations.map((a) => [a.ref, a]))
    // Refs are T ids; map each to the original annotation on the same span.
    const original = (ref: string | null) => {
      if (ref === null) return null
      const a = byRef.get(ref)!
      return annotations.find((o) => o.anchor.start === a.start && o.anchor.end === a.end && o.kind === a.kind)!.id
    }
    expect(back.annotations.map((a) => essence(a, original))).toEqual(annotations.map((a) => essence(a, (id) => id)))
    const quote = back.annotations.find((a) => a.exact.startsWith('“The extra money'))!
    expect(quote.links).toHaveLength(1)
    expect(original(quote.links[0].target)).toBe('a-osei')
  })

  it('turns PolNeAR-style Source/Cue/Content relations into an attribution and a linked quote', () => {
    const text = [
      'The tunnel will open in May, the mayor said on Monday.',
      '“We are on schedule,” she told reporters, “and under budget.”',
      'It was reported that the contract had been signed.'
    ].join('\n\n')
    const at = (s: string, from = 0) => {
      const i = text.indexOf(s, from)
      if (i < 0) throw new Error(s)
      return `${i} ${i + s.length}`
    }
    const second = text.indexOf('“We')
    const ann = [
      `T1\tContent ${at('The tunnel will open in May')}\tThe tunnel will open in May`,
      `T2\tSource ${at('the mayor')}\tthe mayor`,
      `T3\tCue ${at('said')}\tsaid`,
      `T4\tAttribution ${at('said')}\tsaid`,
      'E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2',
      `T5\tContent ${at('“We are on schedule,”')};${at('“and under budget.”')}\t“We are on schedule,” “and under budget.”`,
      `T6\tSource ${at('she', second)}\tshe`,
      `T7\tCue ${at('told', second)}\ttold`,
      `T8\tAttribution ${at('told', second)}\ttold`,
      'E2\tAttribution:T8 Source:T6 Cue:T7 Content:T5',
      `T9\tCue ${at('It was reported')}\tIt was reported`,
      `T10\tContent ${at('the contract had been signed')}\tthe contract had been signed`,
      `T11\tAttribution-no-source ${at('It was reported')}\tIt was reported`,
      'E3\tAttribution-no-source:T11 Content:T10 Cue:T9',
      `T12\tDiscuss ${at('on Monday')}\ton Monday`
    ].join('\n')
    const { annotations: got, skipped } = parseBrat(ann, text)
    const show = got.map((a) => [a.kind, a.exact, a.kind === 'attribution' ? [a.fields.sourceName, a.fields.cue, a.fields.sourceType] : a.links.map((l) => got.find((x) => x.ref === l.target)!.exact)])
    expect(show).toEqual([
      ['quote', 'The tunnel will open in May', ['the mayor said']],
      ['attribution', 'the mayor said', ['the mayor', 'said', 'person']],
      ['quote', '“We are on schedule,” she told reporters, “and under budget.”', ['she told']],
      ['attribution', 'she told', ['she', 'told', 'person']],
      ['attribution', 'It was reported', ['', 'It was reported', 'anonymous']],
      ['quote', 'the contract had been signed', ['It was reported']]
    ])
    expect(got[0]).toMatchObject({ start: 0, end: 27, prefix: '', suffix: text.slice(27, 59) })
    expect(skipped).toEqual(['T12 (Discuss) is not a claim, quote or attribution'])
  })

  it('reads spans and fields without the text, taking the quote from the .ann', () => {
    const { ann } = exportBrat(article, annotations, { people })
    const { annotations: got } = parseBrat(ann)
    expect(got[0]).toMatchObject({ kind: 'claim', exact: annotations[0].anchor.exact, start: 0, prefix: '', checkerName: 'Dana Reyes' })
    // A verdict read from a file is proposed: approving it is this desk's editors' call.
    expect(got[0].fields).toMatchObject({ status: 'misleading', signoff: 'proposed', checkerId: null })
  })

  it('refuses malformed input with a message naming the line or the id', () => {
    expect(() => parseBrat('T1\tClaim 0 x\toops')).toThrow(/line 1 is not a text-bound annotation/)
    expect(() => parseBrat('T1\tClaim 5 2\toops')).toThrow(/line 1 has a span that ends before it starts/)
    expect(() => parseBrat('Q1\tsomething')).toThrow(/line 1 is not a brat standoff line/)
    expect(() => parseBrat('T1\tClaim 0 3\tThe\nT1\tQuote 0 3\tThe')).toThrow(/line 2 defines T1 twice/)
    expect(() => parseBrat('T1\tAttribution 0 3\tThe\nE1\tAttribution:T1 Content:T9')).toThrow(/E1 names T9, which is not defined/)
    expect(() => parseBrat('T1\tClaim 0 3\tThe', 'Hello')).toThrow(/T1 says "The" but the text there is "Hel"/)
    expect(() => parseBrat('T1\tClaim 0 30\tThe', 'The end')).toThrow(/T1 ends at 30, after the end of the text \(7 characters\)/)
    expect(() => parseBrat('T1\tClaim 0 3\tThe\nA1\tStatus T1 maybe', 'The end')).toThrow(/A1: field "status" should be one of/)
  })
})
