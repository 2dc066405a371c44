import { describe, expect, it } from 'vitest'
import { layoutArticle, layoutPlainText, plainTextToDoc } from '../../src/shared/interchange/layout'
import type { InlineEvent, Span } from '../../src/shared/interchange/segments'
import { segmentTextblocks } from '../../src/shared/interchange/segments'
import { articleSchema } from '../../src/shared/schema'
import { docText } from '../../src/shared/text'
import { article } from '../fixtures/interchange/article'

/** Every block's events as compact strings: "text[covering]", "+n" for a start, "-n" for an end. */
function trace(text: string, spans: Span[]): string[][] {
  const layout = layoutPlainText(text)
  const events = segmentTextblocks(layout.textblocks, spans)
  return layout.textblocks.map((b) => (events.get(b) ?? []).map(show))
}
function show(e: InlineEvent): string {
  if (e.type === 'start') return `+${e.index}`
  if (e.type === 'end') return `-${e.index}`
  return `${e.text}[${e.covering.join(',')}]`
}

describe('laying out an article body', () => {
  it('counts offsets exactly as the editor’s plain-text projection does', () => {
    const layout = layoutArticle(article)
    expect(layout.text).toBe(docText(articleSchema.nodeFromJSON(article.body)))
    for (const block of layout.textblocks) {
      for (const inline of block.inlines) {
        expect(layout.text.slice(inline.start, inline.start + inline.text.length)).toBe(inline.text)
      }
    }
  })

  it('falls back to the plain text when the body no longer matches it, so highlights stay right', () => {
    const stale = { ...article, text: 'First paragraph.\n\nSecond\nline.' }
    const layout = layoutArticle(stale)
    expect(layout.text).toBe(stale.text)
    expect(layout.textblocks).toHaveLength(2)
    expect(layout.textblocks[1].inlines.map((i) => i.isBreak)).toEqual([false, true, false])
  })
})

describe('a body made from plain text', () => {
  it('projects back to exactly that text, blank lines, line breaks and empty paragraphs included', () => {
    for (const text of ['One.\n\nTwo\nlines.', 'A\n\n\nB', 'A\n\n\n\nB', '', 'Trailing\n\n']) {
      expect(docText(articleSchema.nodeFromJSON(plainTextToDoc(text)))).toBe(text)
    }
  })
})

describe('cutting text at annotation boundaries', () => {
  it('splits overlapping annotations into segments that each carry every covering annotation', () => {
    //          0123456789012345678
    const text = 'aaaa bbbb cccc dddd'
    expect(trace(text, [{ index: 1, start: 0, end: 9 }, { index: 2, start: 5, end: 14 }])).toEqual([
      ['+1', 'aaaa [1]', '+2', 'bbbb[1,2]', '-1', ' cccc[2]', '-2', ' dddd[]']
    ])
  })

  it('nests an annotation inside another and shares a start between two', () => {
    const text = 'one two three four'
    expect(
      trace(text, [
        { index: 1, start: 0, end: 18 },
        { index: 2, start: 4, end: 7 },
        { index: 3, start: 0, end: 3 }
      ])
    ).toEqual([['+1', '+3', 'one[1,3]', '-3', ' [1]', '+2', 'two[1,2]', '-2', ' three four[1]', '-1']])
  })

  it('carries an annotation over a paragraph break and closes it after its last character', () => {
    const text = 'First part.\n\nSecond part.'
    expect(trace(text, [{ index: 1, start: 6, end: 19 }])).toEqual([
      ['First []', '+1', 'part.[1]'],
      ['Second[1]', '-1', ' part.[]']
    ])
  })

  it('closes an annotation whose end falls in a paragraph break in the paragraph before', () => {
    const text = 'First part.\n\nSecond part.'
    // end 13 is the start of the second paragraph: the last character covered is the break.
    expect(trace(text, [{ index: 1, start: 0, end: 13 }])).toEqual([['+1', 'First part.[1]', '-1'], ['Second part.[]']])
  })

  it('opens an annotation whose start falls in a paragraph break in the paragraph after', () => {
    const text = 'First part.\n\nSecond part.'
    expect(trace(text, [{ index: 1, start: 12, end: 19 }])).toEqual([['First part.[]'], ['+1', 'Second[1]', '-1', ' part.[]']])
  })

  it('cuts inside styled text nodes without losing their marks', () => {
    const layout = layoutArticle(article)
    const start = article.text.indexOf('third')
    const events = segmentTextblocks(layout.textblocks, [{ index: 1, start, end: start + 5 }])
    const pieces = [...events.values()].flat().filter((e) => e.type === 'text' && e.covering.length > 0)
    expect(pieces).toHaveLength(1)
    const piece = pieces[0] as Extract<InlineEvent, { type: 'text' }>
    expect(piece.text).toBe('third')
    expect(piece.inline.marks).toEqual([{ type: 'em' }])
  })
})
