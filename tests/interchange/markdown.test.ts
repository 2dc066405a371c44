import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/shared/domain'
import { exportMarkdown } from '../../src/shared/interchange/markdown'
import { annotations, article, history, make, threads } from '../fixtures/interchange/article'
import { elements, parse, textOf } from './dom'

// html: true so that any markup that slipped through would come out as elements.
const md = new MarkdownIt({ html: true })

/** The body (between the metadata line and the footnotes) rendered by markdown-it. */
function renderBody(markdown: string) {
  const body = markdown.split('\n[^1]: ')[0]
  return parse(md.render(body.replace(/\[\^\d+\]/g, '')))
}

function footnote(markdown: string, n: number): string {
  const start = markdown.indexOf(`\n[^${n}]: `)
  const end = markdown.indexOf(`\n[^${n + 1}]: `, start + 1)
  return markdown.slice(start + 1, end < 0 ? undefined : end)
}

describe('the Markdown export', () => {
  it('puts a footnote reference where each annotation ends and defines each footnote once', () => {
    const out = exportMarkdown(article, annotations)
    expect(out).toContain('has doubled to £48 million[^1], the city council said[^2] on Tuesday')
    expect(out).toContain('“Nobody’s council tax goes up because of this bridge.”[^5]')
    expect(out).toContain('reserves stood at £12 million in March[^7], *less than a third* of the shortfall[^8].')
    for (let n = 1; n <= annotations.length; n++) {
      expect(out.split(`[^${n}]: `)).toHaveLength(2)
      expect(out.split(`[^${n}]`).length).toBe(3) // one reference, one definition
    }
  })

  it('puts the footnote of an annotation ending inside a link after the link', () => {
    const out = exportMarkdown(article, [make('claim', 'c-link', 'on the council website')])
    expect(out).toContain('on the [council website](<https://council.example.org/bridge-report>)[^1] and runs')
  })

  it('keeps the article’s text and structure when read back by a Markdown parser', () => {
    const doc = renderBody(exportMarkdown(article, annotations))
    // A tight list's items hold their text directly.
    const blocks = elements(doc).filter((e) => /^(p|h[1-6])$/.test(e.name) || (e.name === 'li' && !elements(e).some((c) => c.name === 'p')))
    // The title, the byline, the note that verdicts here are not approved yet, then the article.
    expect(blocks.map((e) => e.name)).toEqual(['h1', 'p', 'p', 'p', 'h3', 'p', 'p', 'p', 'p', 'li', 'li', 'p'])
    expect(textOf(blocks[0])).toBe(article.headline)
    expect(textOf(blocks[2])).toMatch(/^\d verdicts here are not approved by an editor yet\.$/)
    // Markdown-it keeps the hard break as <br> plus the source newline.
    expect(blocks.slice(3).map((e) => textOf(e).replace('\n\n', '\n')).join('\n\n')).toBe(article.text)
    const names = new Set(elements(doc).map((e) => e.name))
    for (const name of ['blockquote', 'ul', 'li', 'em', 'a', 'br']) expect(names.has(name), name).toBe(true)
    const link = elements(doc).find((e) => e.name === 'a' && textOf(e) === 'council website')
    expect(link?.attribs.href).toBe('https://council.example.org/bridge-report')
  })

  it('escapes Markdown and HTML in the article so none of it turns into markup', () => {
    const tricky = [
      '*not emphasis* and _not either_ and **nor this**',
      '[not a link](https://example.org) <b>not bold</b> <script>alert(1)</script>',
      '# not a heading',
      '- not a list',
      '1. not numbered',
      '`not code` | not | a table ~~not struck~~ AT&T &amp; &copy;',
      '> not a quote',
      '    not indented code',
      '==='
    ]
    const body = { type: 'doc' as const, content: tricky.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) }
    const a: Article = {
      ...article,
      body,
      text: tricky.join('\n\n'),
      headline: '# Heading *with* <i>markup</i>',
      byline: '',
      outlet: '',
      url: '',
      publishedAt: ''
    }
    const doc = renderBody(exportMarkdown(a, [make('claim', 'c', 'not a heading', {}, a.text)]))
    const names = elements(doc).map((e) => e.name)
    expect(names).toEqual(['h1', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p'])
    expect(textOf(elements(doc)[0])).toBe('# Heading *with* <i>markup</i>')
    const paragraphs = elements(doc).filter((e) => e.name === 'p')
    expect(paragraphs.map((p) => textOf(p))).toEqual(tricky)
  })

  it('gives each annotation’s details in its footnote, escaped', () => {
    const hostile = make('claim', 'c-x', 'Steel: up 40% since 2021', {
      status: 'false',
      explanation: 'See <script>alert(1)</script> and [this](javascript:alert(2))\n\n"><img src=x onerror=alert(3)>',
      evidence: [{ url: 'https://example.org/a(b)<c>', note: 'Price index' }]
    })
    const out = exportMarkdown(article, [annotations[0], annotations[1], hostile])
    const first = footnote(out, 1)
    expect(first).toContain('**Claim** · *Misleading*')
    expect(first).toContain('The 2022 estimate was £31 million')
    expect(first).toContain('[2022 capital budget, page 14](<https://council.example.org/budget-2022.pdf>)')
    expect(first).toContain('**Source:** Millbrook City Council (note 2)')
    const third = footnote(out, 3)
    const rendered = parse(md.render(third.replace(/^\[\^3\]: /, '').replace(/^ {4}/gm, '')))
    expect(elements(rendered).some((e) => ['script', 'img'].includes(e.name))).toBe(false)
    const anchors = elements(rendered).filter((e) => e.name === 'a')
    expect(anchors.map((e) => e.attribs.href)).toEqual(['https://example.org/a(b)%3Cc%3E'])
    expect(textOf(rendered)).toContain('<script>alert(1)</script>')
  })

  it('leaves the desk’s threads and history out of a public copy', () => {
    const publicCopy = exportMarkdown(article, annotations, { history, threads })
    expect(publicCopy).not.toContain('Desk to decide')
    expect(publicCopy).not.toContain('Comment:')
    const internal = exportMarkdown(article, annotations, { includeInternal: true, history, threads })
    expect(footnote(internal, 1)).toContain('**Comment:** Dana Reyes, 2024-06-05 11:05: Desk to decide between misleading and false.')
    // A comment over two lines stays inside its footnote.
    expect(footnote(internal, 1)).toContain('Misleading: the £48m is right,\\\n    only “doubled” is wrong.')
    expect(footnote(internal, 5)).toContain('**Thread:** Resolved by Lee Park, 2024-06-05 13:00')
    expect(footnote(internal, 1)).toContain('status: In review → Misleading')
  })
})
