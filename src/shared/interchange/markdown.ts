import type { Annotation, Article } from '../domain'
import type { Description, Detail } from './details'
import { describe } from './details'
import type { LaidInline, LaidNode } from './layout'
import { layoutArticle } from './layout'
import type { ExportOptions } from './options'
import { approvalNotice, isWebUrl, isoDate, selectForExport } from './options'
import type { InlineEvent } from './segments'
import { segmentTextblocks } from './segments'

/** Escapes Markdown's inline specials, so the text stays text under any CommonMark/GFM reader. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;|$)/g, '\\&')
}

/** Escapes what would start a block (heading, list, quote, setext rule, code) at a line's start. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^( {0,3})([#+\-=>])/, '$1\\$2')
    .replace(/^( {0,3})(\d+)([.)])/, '$1$2\\$3')
    .replace(/^ {4,}/, (spaces) => `&#32;${spaces.slice(1)}`)
}

/** A link destination in angle brackets, with what could end it percent-encoded. */
function destination(url: string): string {
  return `<${url.trim().replace(/[<>\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`
}

/**
 * The article as Markdown with each annotation as a footnote ([^n]) placed where the
 * annotation ends; the footnote gives its details. Body text is escaped, so nothing in the
 * article can turn into markup.
 */
export function exportMarkdown(article: Article, annotations: Annotation[], options: ExportOptions = {}): string {
  const set = selectForExport(article, annotations, options)
  const layout = layoutArticle(article)
  const spans = set.items
    .filter((item) => item.placed)
    .map((item) => ({ index: item.number, start: item.annotation.anchor.start, end: item.annotation.anchor.end }))
  const events = segmentTextblocks(layout.textblocks, spans)

  const renderNodes = (nodes: LaidNode[]): string[] => {
    const lines: string[] = []
    for (const node of nodes) {
      const block = renderNode(node)
      if (block.length === 0) continue
      if (lines.length > 0) lines.push('')
      lines.push(...block)
    }
    return lines
  }
  const renderNode = (node: LaidNode): string[] => {
    if (node.kind === 'textblock') {
      const heading = node.type === 'heading'
      const content = writeInline(events.get(node) ?? [], heading)
      if (content.trim().length === 0) return []
      if (heading) {
        const hashes = '#'.repeat(Math.min(6, Math.max(2, Number(node.attrs.level ?? 2) + 1)))
        return [`${hashes} ${content.trim().replace(/#/g, '\\#')}`]
      }
      return content.split('\n').map(escapeLineStart)
    }
    switch (node.type) {
      case 'blockquote':
        return renderNodes(node.children).map((l) => (l ? `> ${l}` : '>'))
      case 'bullet_list':
      case 'ordered_list': {
        const first = Number(node.attrs.order ?? 1)
        const items = node.children.map((item, i) => {
          const marker = node.type === 'bullet_list' ? '- ' : `${(Number.isInteger(first) ? first : 1) + i}. `
          const inner = item.kind === 'container' ? renderNodes(item.children) : renderNode(item)
          const pad = ' '.repeat(marker.length)
          return inner.length === 0 ? [marker.trimEnd()] : inner.map((l, j) => (j === 0 ? marker + l : l ? pad + l : ''))
        })
        const tight = items.every((lines) => !lines.includes(''))
        return items.flatMap((lines, i) => (i > 0 && !tight ? ['', ...lines] : lines))
      }
      default:
        return renderNodes(node.children)
    }
  }

  const descriptions = set.items.map((item) => describe(set, item))
  const out: string[] = [`# ${escapeMarkdown(article.headline || 'Untitled article')}`, '']
  const meta = [article.byline, article.outlet, isoDate(article.publishedAt)]
    .filter((s) => s.trim())
    .map((s) => escapeMarkdown(s.trim()))
  if (isWebUrl(article.url)) meta.push(destination(article.url))
  if (meta.length > 0) out.push(`*${meta.join(' · ')}*`, '')
  const approval = approvalNotice(set)
  if (approval) out.push(`> ${escapeMarkdown(approval)}`, '')
  out.push(...renderNodes(layout.blocks))
  const orphans = descriptions.filter((d) => !d.placed)
  if (orphans.length > 0) out.push('', `Not found in the text: ${orphans.map((d) => `[^${d.number}]`).join(' ')}`)
  if (descriptions.length > 0) out.push('', ...descriptions.map(renderFootnote))
  return `${out.join('\n')}\n`
}

interface OpenMark {
  key: string
  close: string
  /** False while only whitespace followed the mark: its delimiter is not written yet. */
  written: boolean
  open: string
  isLink: boolean
}

/** Writes one textblock's inline content with marks, escapes and footnote references. */
function writeInline(events: InlineEvent[], inHeading: boolean): string {
  const out: string[] = []
  const stack: OpenMark[] = []
  let pendingRefs: number[] = []
  let current: LaidInline | null = null

  const closeTo = (depth: number): void => {
    while (stack.length > depth) {
      const mark = stack.pop() as OpenMark
      if (!mark.written) continue
      if (mark.isLink) {
        out.push(mark.close)
        for (const n of pendingRefs) out.push(`[^${n}]`)
        pendingRefs = []
        continue
      }
      // Emphasis cannot close after whitespace: move the delimiter before it.
      const last = out.length > 0 ? out[out.length - 1] : ''
      const trimmed = last.replace(/\s+$/, '')
      if (trimmed.length < last.length) out[out.length - 1] = trimmed + mark.close + last.slice(trimmed.length)
      else out.push(mark.close)
    }
  }
  const writeText = (text: string): void => {
    const unwritten = stack.filter((m) => !m.written)
    if (unwritten.length > 0) {
      const lead = /^\s*/.exec(text)?.[0] ?? ''
      if (lead.length === text.length) {
        out.push(text)
        return
      }
      out.push(lead, ...unwritten.map((m) => m.open))
      for (const m of unwritten) m.written = true
      text = text.slice(lead.length)
    }
    out.push(text)
  }

  for (const ev of events) {
    if (ev.type === 'text') {
      if (ev.inline !== current) {
        current = ev.inline
        const wanted = marksOf(ev.inline)
        let same = 0
        while (same < stack.length && same < wanted.length && stack[same].key === wanted[same].key) same++
        closeTo(same)
        for (const mark of wanted.slice(same)) stack.push(mark)
      }
      if (ev.inline.isBreak) {
        out.push(inHeading ? ' ' : '\\\n')
        continue
      }
      writeText(escapeMarkdown(ev.text))
    } else if (ev.type === 'end') {
      if (stack.some((m) => m.isLink && m.written)) pendingRefs.push(ev.index)
      else out.push(`[^${ev.index}]`)
    }
  }
  closeTo(0)
  for (const n of pendingRefs) out.push(`[^${n}]`)
  return out.join('')
}

function marksOf(inline: LaidInline): OpenMark[] {
  const marks: OpenMark[] = []
  const link = inline.marks.find((m) => m.type === 'link')
  const href = link ? String(link.attrs?.href ?? '') : ''
  if (link && isWebUrl(href)) {
    marks.push({ key: `link ${href}`, open: '[', close: `](${destination(href)})`, written: false, isLink: true })
  }
  if (inline.marks.some((m) => m.type === 'strong')) marks.push({ key: 'strong', open: '**', close: '**', written: false, isLink: false })
  if (inline.marks.some((m) => m.type === 'em')) marks.push({ key: 'em', open: '*', close: '*', written: false, isLink: false })
  return marks
}

/** Text as footnote paragraphs: escaped, line breaks kept, continuation indented four spaces. */
function footnoteText(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => escapeLineStart(escapeMarkdown(line.trim())))
        .join('\\\n    ')
    )
    .join('\n\n    ')
}

function renderDetail(d: Detail): string {
  const label = `**${escapeMarkdown(d.label)}:** `
  if (d.url) return `${label}[${footnoteText(d.text)}](${destination(d.url)})`
  const refs = d.refs && !d.refsOnly ? ` (${d.refs.map((n) => `note ${n}`).join(', ')})` : ''
  return label + footnoteText(d.text) + refs
}

function renderFootnote(d: Description): string {
  const summary = d.summary.trim() ? ` · *${escapeMarkdown(d.summary.trim())}*` : ''
  const exact = d.exact
    .split('\n')
    .map((line) => (line.trim() ? `    > ${escapeMarkdown(line.trim())}` : '    >'))
    .join('\n')
  const details = d.details.map((detail) => `    ${renderDetail(detail)}`)
  return [`[^${d.number}]: **${d.kindLabel}**${summary}`, '', exact, ...details.flatMap((line) => ['', line]), ''].join('\n')
}
