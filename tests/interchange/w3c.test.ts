import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/shared/domain'
import type { ImportedAnnotation } from '../../src/shared/interchange/imported'
import { ANNO_CONTEXT, exportW3C } from '../../src/shared/interchange/w3c'
import { NotAnnotationsError, parseW3C } from '../../src/shared/interchange/w3c-import'
import { annotations, article, history, people, threads } from '../fixtures/interchange/article'

type Json = Record<string, any>

function items(json: Json): Json[] {
  return json.first.items
}

/** What a round trip must keep of an annotation: kind, span, fields and links. */
function essence(a: Annotation | ImportedAnnotation) {
  const span = 'anchor' in a ? a.anchor : a
  const fields = { ...a.fields } as Record<string, unknown>
  // An import names a claim's checker as the file does; the store finds them on the roster.
  if (!('anchor' in a) && a.kind === 'claim') fields.checkerId = Object.entries(people).find(([, name]) => name === a.checkerName)?.[0] ?? null
  return { kind: a.kind, start: span.start, end: span.end, exact: span.exact, prefix: span.prefix, suffix: span.suffix, fields }
}

describe('the W3C Web Annotation export', () => {
  const json: Json = JSON.parse(exportW3C(article, annotations, { includeInternal: true, history, threads }))

  it('is an AnnotationCollection in the Web Annotation JSON-LD context with one embedded page', () => {
    expect(json['@context'][0]).toBe(ANNO_CONTEXT)
    expect(Object.values(json['@context'][1])[0]).toMatch(/^urn:copydesk:/)
    expect(json.type).toBe('AnnotationCollection')
    expect(json.first.type).toBe('AnnotationPage')
    expect(json.total).toBe(items(json).length)
    const ids = items(json).map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('targets the article with a TextQuoteSelector and a TextPositionSelector on every annotation', () => {
    const own = items(json).filter((i) => i.motivation !== 'linking' && i.motivation !== 'replying')
    expect(own).toHaveLength(annotations.length)
    own.forEach((item, n) => {
      expect(item.type).toBe('Annotation')
      expect(item.target.source).toBe(article.url)
      const [quote, position] = item.target.selector
      expect(quote.type).toBe('TextQuoteSelector')
      expect(position.type).toBe('TextPositionSelector')
      expect(article.text.slice(position.start, position.end)).toBe(quote.exact)
      expect(article.text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix)
      expect(item.creator).toEqual({ type: 'Person', name: 'Dana Reyes' })
      expect(item.created).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      expect(item.modified).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      expect(item.body[0]).toEqual({ type: 'TextualBody', purpose: 'tagging', value: annotations[n].kind })
    })
  })

  it('assesses claims and tags quotes and attributions', () => {
    const byKind = (kind: string) => items(json).filter((i) => i.body?.[0]?.value === kind)
    expect(new Set(byKind('claim').map((i) => i.motivation))).toEqual(new Set(['assessing']))
    expect(new Set(byKind('quote').map((i) => i.motivation))).toEqual(new Set(['tagging']))
    expect(new Set(byKind('attribution').map((i) => i.motivation))).toEqual(new Set(['tagging']))
    const cost = byKind('claim')[0]
    const assessment = cost.body.find((b: Json) => b.purpose === 'assessing')
    expect(assessment.value).toMatch(/^Misleading: The 2022 estimate/)
    expect(assessment['copydesk:status']).toBe('misleading')
    expect(assessment['copydesk:evidence'][0]['copydesk:url']).toBe('https://council.example.org/budget-2022.pdf')
  })

  it('gives each comment of a thread as a reply to its annotation, in an internal export', () => {
    const replies = items(json).filter((i) => i.motivation === 'replying')
    const cost = items(json).find((i) => i.id === 'urn:copydesk:annotation:c-cost')!
    const reserves = items(json).find((i) => i.id === 'urn:copydesk:annotation:q-reserves')!
    expect(replies.map((r) => [r.target, r.body.value, r.creator.name, r.created])).toEqual([
      [cost.id, 'Desk to decide between misleading and false.', 'Dana Reyes', '2024-06-05T11:05:00.000Z'],
      [cost.id, 'Misleading: the £48m is right,\nonly “doubled” is wrong.', 'Lee Park', '2024-06-05T12:40:00.000Z'],
      [reserves.id, 'Quote runs over two paragraphs.', 'Dana Reyes', '2024-06-04T10:00:00.000Z']
    ])
    for (const r of replies) {
      expect(r.type).toBe('Annotation')
      expect(r.body).toMatchObject({ type: 'TextualBody', purpose: 'replying', format: 'text/plain' })
    }
    // An edited comment says when; a resolved thread says so on its annotation.
    expect(replies[1].modified).toBe('2024-06-05T12:44:00.000Z')
    expect(replies[0].modified).toBeUndefined()
    expect(reserves['copydesk:threadResolvedAt']).toBe('2024-06-05T13:00:00.000Z')
    expect(cost['copydesk:threadResolvedAt']).toBeUndefined()
  })

  it('links quotes to speakers and claims to sources with separate linking annotations', () => {
    const links = items(json).filter((i) => i.motivation === 'linking')
    const idOf = (id: string): Json => items(json).find((i) => i.id === id)!
    const pairs = links.map((l) => [l['copydesk:relation'], idOf(l.target).target.selector[0].exact, idOf(l.body).target.selector[0].exact])
    expect(pairs).toEqual([
      ['source', annotations[0].anchor.exact, 'the city council said'],
      ['speaker', '“We are not going to pass this on to residents,”', 'said Councillor Amara Osei'],
      ['speaker', annotations[4].anchor.exact, 'said Councillor Amara Osei'],
      ['source', 'reserves stood at £12 million in March', 'According to the council’s own figures'],
      ['speaker', '“a masterclass in wishful thinking”', 'Opposition members called it']
    ])
  })

  it('leaves threads and check notes out of a public export, even when given them', () => {
    const text = exportW3C(article, annotations, { threads, history })
    expect(text).not.toContain('Desk to decide')
    expect(text).not.toContain('Quote runs over')
    expect(text).not.toContain('Matches the meeting webcast')
    expect(text).not.toContain('replying')
    expect(text).not.toContain('threadResolved')
  })
})

describe('importing W3C annotations', () => {
  it('gives back the same kinds, spans, fields, links and threads after a Copydesk export', () => {
    const back = parseW3C(JSON.parse(exportW3C(article, annotations, { includeInternal: true, threads, people })))
    expect(back.skipped).toEqual([])
    expect(back.annotations.map(essence)).toEqual(annotations.map(essence))
    expect(back.annotations.map((a) => a.ref)).toEqual(annotations.map((a) => a.id))
    const quote = back.annotations.find((a) => a.ref === 'q-reserves')!
    expect(quote.links).toEqual([{ rel: 'speaker', target: 'a-osei' }])
    expect(back.annotations.find((a) => a.ref === 'c-cost')!.links).toEqual([{ rel: 'source', target: 'a-council' }])
    expect(back.annotations[0].createdBy).toBe('Dana Reyes')
    // Replies come back as the thread, in order, with author and times; resolved stays resolved.
    expect(back.annotations.find((a) => a.ref === 'c-cost')!.comments).toEqual([
      { authorName: 'Dana Reyes', body: 'Desk to decide between misleading and false.', createdAt: '2024-06-05T11:05:00.000Z', editedAt: undefined },
      { authorName: 'Lee Park', body: 'Misleading: the £48m is right,\nonly “doubled” is wrong.', createdAt: '2024-06-05T12:40:00.000Z', editedAt: '2024-06-05T12:44:00.000Z' }
    ])
    expect(quote.comments.map((c) => c.body)).toEqual(['Quote runs over two paragraphs.'])
    expect(quote.resolvedAt).toBe('2024-06-05T13:00:00.000Z')
    expect(back.annotations.find((a) => a.ref === 'c-cost')!.resolvedAt).toBeUndefined()
    expect(back.annotations.filter((a) => a.comments.length).map((a) => a.ref)).toEqual(['c-cost', 'q-reserves'])
  })

  it('reads an older Copydesk export’s internal note as the first comment, by the annotation’s author', () => {
    const old = JSON.parse(exportW3C(article, [annotations[0]]))
    old.first.items[0].body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: 'Desk to decide.', 'copydesk:field': 'note' })
    const [a] = parseW3C(old).annotations
    expect(a.comments).toEqual([{ body: 'Desk to decide.', createdAt: annotations[0].createdAt }])
    expect(a.createdBy).toBe('Dana Reyes')
  })

  it('skips a reply to an annotation the file does not hold', () => {
    const json = JSON.parse(exportW3C(article, [annotations[0]]))
    json.first.items.push({ type: 'Annotation', motivation: 'replying', body: { type: 'TextualBody', value: 'Orphan reply' }, target: 'urn:copydesk:annotation:elsewhere' })
    const got = parseW3C(json)
    expect(got.annotations[0].comments).toEqual([])
    expect(got.skipped).toEqual(['annotation 2: a reply to an annotation not in this file'])
  })

  it('reads Hypothesis’s own export: selectors, tags for the kind, the comment and its replies as the thread', () => {
    const hypothesis = {
      export_date: '2024-06-06T10:00:00Z',
      annotations: [
        {
          id: 'h1',
          created: '2024-06-06T09:00:00Z',
          updated: '2024-06-06T09:05:00Z',
          user: 'acct:reader@hypothes.is',
          text: 'Is this the 2022 figure?',
          tags: ['Quote'],
          target: [
            {
              source: article.url,
              selector: [
                { type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 8 },
                { type: 'TextPositionSelector', start: 0, end: 8 },
                { type: 'TextQuoteSelector', exact: 'The cost', prefix: '', suffix: ' of repairing' }
              ]
            }
          ]
        },
        { id: 'h2', text: 'Untagged comment', tags: [], target: [{ source: article.url, selector: [{ type: 'TextQuoteSelector', exact: 'Who pays' }] }] },
        { id: 'h3', text: 'A page note', tags: [], target: [{ source: article.url }] },
        { id: 'h4', text: 'A reply', user: 'acct:editor@hypothes.is', created: '2024-06-06T09:30:00Z', references: ['h1'], target: [{ source: article.url }] },
        { id: 'h5', text: 'A reply to a page note', references: ['h3'], target: [{ source: article.url }] }
      ]
    }
    const { annotations: got, skipped } = parseW3C(hypothesis)
    expect(got.map((a) => [a.kind, a.exact, a.start, a.end, a.comments.map((c) => c.body)])).toEqual([
      ['quote', 'The cost', 0, 8, ['Is this the 2022 figure?', 'A reply']],
      ['claim', 'Who pays', undefined, undefined, ['Untagged comment']]
    ])
    expect(got[0].suffix).toBe(' of repairing')
    expect(got[0].createdBy).toBe('acct:reader@hypothes.is')
    // The annotation's own comment is its creator's (no author of its own: filled in as it is placed); a reply is its writer's.
    expect(got[0].comments).toEqual([
      { body: 'Is this the 2022 figure?', createdAt: '2024-06-06T09:00:00Z' },
      { body: 'A reply', authorName: 'acct:editor@hypothes.is', createdAt: '2024-06-06T09:30:00Z', editedAt: undefined }
    ])
    expect(skipped).toEqual(['annotation 3: has no text selector (a page note?)', 'annotation 5: a reply to an annotation not in this file'])
  })

  it('reads a plain Web Annotation whose tagging body says attribution and fills the quote from the text', () => {
    const start = article.text.indexOf('said Councillor Amara Osei')
    const single = {
      '@context': ANNO_CONTEXT,
      id: 'https://example.org/anno/9',
      type: 'Annotation',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'attribution' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Councillor, transport chair' }
      ],
      target: { source: article.url, selector: { type: 'TextPositionSelector', start, end: start + 26 } }
    }
    const { annotations: got } = parseW3C(single, article.text)
    expect(got).toHaveLength(1)
    expect(got[0]).toMatchObject({ kind: 'attribution', exact: 'said Councillor Amara Osei', ref: 'https://example.org/anno/9' })
    expect(got[0].prefix).toBe(article.text.slice(start - 32, start))
    expect(got[0].comments.map((c) => c.body)).toEqual(['Councillor, transport chair'])
  })

  it('refuses malformed input with a specific message', () => {
    // JSON that is not annotations at all, or none: said as such, not as "0 placed".
    for (const other of ['not json', { hello: 1 }, [42], [{ name: 'Lee' }]]) {
      expect(() => parseW3C(other), JSON.stringify(other)).toThrow(NotAnnotationsError)
    }
    expect(() => parseW3C([])).toThrow(/holds no annotations/)
    expect(() => parseW3C({ type: 'AnnotationCollection', first: 'https://example.org/page1' })).toThrow(/embedding/)
    expect(() => parseW3C([{ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 5 } } }])).toThrow(
      /annotation 1 has a TextQuoteSelector without "exact"/
    )
    expect(() => parseW3C([{ target: { selector: { type: 'TextPositionSelector', start: 9, end: 3 } } }])).toThrow(/bad offsets/)
    const badStatus = JSON.parse(exportW3C(article, [annotations[0]]))
    badStatus.first.items[0].body[1]['copydesk:status'] = 'probably'
    expect(() => parseW3C(badStatus)).toThrow(/annotation 1: field "status" should be one of/)
    const quote = { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'x' } } }
    expect(() => parseW3C([quote, 42])).toThrow(/annotation 2 is not an object/)
  })
})
