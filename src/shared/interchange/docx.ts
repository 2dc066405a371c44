import type { ICommentOptions, ILevelsOptions, IParagraphOptions, ParagraphChild } from 'docx'
import { cleanStrings } from '../clean-text'
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun
} from 'docx'
import type { Annotation, Article } from '../domain'
import type { Description } from './details'
import { describe } from './details'
import type { LaidInline, LaidNode } from './layout'
import { layoutArticle } from './layout'
import type { ExportOptions } from './options'
import { approvalNotice, isWebUrl, isoDate, selectForExport } from './options'
import type { InlineEvent } from './segments'
import { segmentTextblocks } from './segments'

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6
]

/** Where a block sits: how deep in block quotes and in which list. */
interface BlockContext {
  quoteDepth: number
  list: { reference: string | null; level: number; first: boolean } | null
}

/**
 * The article as a Word document in which every annotation is a comment anchored to its
 * text: how editors hand copy back. Comment ranges may overlap and nest (Word allows it);
 * annotations not found in the text are commented on a closing list of their quotes.
 */
export async function exportDocx(stored: Article, storedAnnotations: Annotation[], options: ExportOptions = {}): Promise<Uint8Array> {
  // XML forbids noncharacters and most controls: text stored before the contract cleaned
  // them would make an unreadable file (cleaning keeps lengths, so offsets hold).
  const article = cleanStrings(stored)
  const annotations = cleanStrings(storedAnnotations)
  const set = selectForExport(article, annotations, options)
  const layout = layoutArticle(article)
  const spans = set.items
    .filter((item) => item.placed)
    .map((item) => ({ index: item.number, start: item.annotation.anchor.start, end: item.annotation.anchor.end }))
  const events = segmentTextblocks(layout.textblocks, spans)
  const numbering: { reference: string; levels: ILevelsOptions[] }[] = []
  const paragraphs: Paragraph[] = []

  const walk = (node: LaidNode, ctx: BlockContext): void => {
    if (node.kind === 'textblock') {
      const children = inlineChildren(events.get(node) ?? [])
      const props: { -readonly [K in keyof IParagraphOptions]?: IParagraphOptions[K] } = { children }
      if (node.type === 'heading') props.heading = HEADINGS[Math.min(6, Math.max(1, Number(node.attrs.level ?? 2))) - 1]
      const indent = 720 * ctx.quoteDepth + (ctx.list ? 720 * (ctx.list.level + 1) : 0)
      if (ctx.list?.first) {
        props.numbering = ctx.list.reference
          ? { reference: ctx.list.reference, level: ctx.list.level }
          : undefined
        if (!ctx.list.reference) props.bullet = { level: ctx.list.level }
        if (ctx.quoteDepth > 0) props.indent = { left: indent, hanging: 360 }
        ctx.list.first = false
      } else if (indent > 0) props.indent = { left: indent }
      paragraphs.push(new Paragraph(props))
      return
    }
    switch (node.type) {
      case 'blockquote':
        for (const child of node.children) walk(child, { ...ctx, quoteDepth: ctx.quoteDepth + 1 })
        return
      case 'bullet_list':
      case 'ordered_list': {
        const level = ctx.list ? Math.min(8, ctx.list.level + 1) : 0
        let reference: string | null = null
        if (node.type === 'ordered_list') {
          reference = `copydesk-list-${numbering.length + 1}`
          const order = Number(node.attrs.order ?? 1)
          numbering.push({ reference, levels: orderedLevels(Number.isInteger(order) && order > 0 ? order : 1) })
        }
        for (const item of node.children) {
          const list = { reference, level, first: true }
          if (item.kind === 'container') for (const child of item.children) walk(child, { ...ctx, list })
          else walk(item, { ...ctx, list })
        }
        return
      }
      default:
        for (const child of node.children) walk(child, ctx)
    }
  }
  for (const block of layout.blocks) walk(block, { quoteDepth: 0, list: null })

  const descriptions = set.items.map((item) => describe(set, item))
  const orphans = descriptions.filter((d) => !d.placed)
  if (orphans.length > 0) {
    paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Not found in the text')] }))
    for (const d of orphans) {
      paragraphs.push(
        new Paragraph({
          children: [
            new CommentRangeStart(d.number),
            new TextRun(d.exact),
            new CommentRangeEnd(d.number),
            new TextRun({ children: [new CommentReference(d.number)] })
          ]
        })
      )
    }
  }

  const byNumber = new Map(set.items.map((item) => [item.number, item.annotation]))
  const comments: ICommentOptions[] = descriptions.map((d) => {
    const a = byNumber.get(d.number) as Annotation
    const date = new Date(a.createdAt)
    return {
      id: d.number,
      author: a.createdBy.trim() || 'Copydesk',
      initials: initials(a.createdBy) || 'CD',
      ...(Number.isNaN(date.getTime()) ? {} : { date }),
      children: commentParagraphs(d)
    }
  })

  const doc = new Document({
    creator: options.organisation?.name.trim() || 'Copydesk',
    title: article.headline,
    description: 'Annotated copy exported by Copydesk',
    comments: { children: comments },
    numbering: { config: numbering },
    sections: [{ children: [...headerParagraphs(article), ...approvalParagraph(approvalNotice(set)), ...paragraphs] }]
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

/** Runs, links and comment markers of one textblock. */
function inlineChildren(events: InlineEvent[]): ParagraphChild[] {
  const out: ParagraphChild[] = []
  let link: { inline: LaidInline; href: string; children: ParagraphChild[] } | null = null
  const closeLink = (): void => {
    if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.children }))
    link = null
  }
  const target = (): ParagraphChild[] => (link ? link.children : out)
  for (const ev of events) {
    if (ev.type === 'start') target().push(new CommentRangeStart(ev.index))
    else if (ev.type === 'end') {
      target().push(new CommentRangeEnd(ev.index), new TextRun({ children: [new CommentReference(ev.index)] }))
    } else {
      const inline = ev.inline
      if (link && link.inline !== inline) closeLink()
      if (inline.isBreak) {
        out.push(new TextRun({ break: 1 }))
        continue
      }
      const href: string = String(inline.marks.find((m) => m.type === 'link')?.attrs?.href ?? '')
      if (!link && isWebUrl(href)) link = { inline, href: href.trim(), children: [] }
      target().push(
        new TextRun({
          text: ev.text,
          bold: inline.marks.some((m) => m.type === 'strong') || undefined,
          italics: inline.marks.some((m) => m.type === 'em') || undefined,
          style: link ? 'Hyperlink' : undefined
        })
      )
    }
  }
  closeLink()
  return out
}

/** What the copy says about the verdicts it publishes (see approvalNotice), as a paragraph. */
function approvalParagraph(notice: string | null): Paragraph[] {
  return notice ? [new Paragraph({ children: [new TextRun({ text: notice, italics: true })] })] : []
}

function headerParagraphs(article: Article): Paragraph[] {
  const out = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(article.headline || 'Untitled article')] })]
  const meta = [article.byline, article.outlet, isoDate(article.publishedAt)].filter((s) => s.trim()).join(' · ')
  const children: ParagraphChild[] = []
  if (meta) children.push(new TextRun({ text: meta, color: '595959' }))
  if (isWebUrl(article.url)) {
    if (meta) children.push(new TextRun({ text: ' · ', color: '595959' }))
    children.push(
      new ExternalHyperlink({ link: article.url.trim(), children: [new TextRun({ text: article.url.trim(), style: 'Hyperlink' })] })
    )
  }
  if (children.length > 0) out.push(new Paragraph({ children }))
  return out
}

/** A comment's body: the kind and summary, then one paragraph per detail. */
function commentParagraphs(d: Description): Paragraph[] {
  const head = `${d.kindLabel} ${d.number}${d.summary.trim() ? ` · ${d.summary.trim()}` : ''}`
  const out = [new Paragraph({ children: [new TextRun({ text: head, bold: true })] })]
  for (const detail of d.details) {
    const refs = detail.refs && !detail.refsOnly ? ` (${detail.refs.map((n) => `comment ${n}`).join(', ')})` : ''
    // One run per line keeps a comment light: 2,000 comments are most of a large document.
    const lines = `${detail.label}: ${detail.text}${refs}`.split('\n')
    const runs: ParagraphChild[] = lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }))
    if (detail.url && detail.url !== detail.text) {
      runs.push(new TextRun(' '), new ExternalHyperlink({ link: detail.url, children: [new TextRun({ text: detail.url, style: 'Hyperlink' })] }))
    }
    out.push(new Paragraph({ children: runs }))
  }
  return out
}

function orderedLevels(start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
  }))
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase())
    .join('')
    .slice(0, 4)
}
