import type { Annotation, AnnotationKind, Article } from '../domain'
import { ANNOTATION_KINDS } from '../domain'
import type { Description, Detail } from './details'
import { describe, KIND_LABELS } from './details'
import { HTML_STYLE } from './html-style'
import type { LaidInline, LaidNode, LaidTextblock } from './layout'
import { layoutArticle } from './layout'
import type { ExportOptions, ExportSet } from './options'
import { approvalNotice, isWebUrl, isoDate, selectForExport } from './options'
import type { InlineEvent } from './segments'
import { segmentTextblocks } from './segments'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/**
 * A self-contained annotated copy of an article: inline CSS, no scripts, no remote
 * resources (a Content-Security-Policy says so too), every user-written string escaped and
 * only http(s) links. Each annotation is highlighted by kind and numbered; the notes at the
 * end give its details. Overlapping and nested annotations are cut into segments, each
 * wrapped once per kind that covers it.
 */
export function exportHtml(article: Article, annotations: Annotation[], options: ExportOptions = {}): string {
  const set = selectForExport(article, annotations, options)
  const layout = layoutArticle(article)
  const kindOf: AnnotationKind[] = []
  for (const item of set.items) kindOf[item.number] = item.annotation.kind
  const spans = set.items
    .filter((item) => item.placed)
    .map((item) => ({ index: item.number, start: item.annotation.anchor.start, end: item.annotation.anchor.end }))
  const events = segmentTextblocks(layout.textblocks, spans)
  const inline = new InlineWriter(kindOf)

  const renderNode = (node: LaidNode): string => {
    if (node.kind === 'textblock') {
      const content = inline.write(events.get(node) ?? [])
      if (node.type === 'heading') {
        const level = Math.min(6, Math.max(2, Number(node.attrs.level ?? 2) + 1))
        return `<h${level}>${content}</h${level}>\n`
      }
      return `<p>${content}</p>\n`
    }
    const inner = node.children.map(renderNode).join('')
    switch (node.type) {
      case 'blockquote':
        return `<blockquote>\n${inner}</blockquote>\n`
      case 'bullet_list':
        return `<ul>\n${inner}</ul>\n`
      case 'ordered_list': {
        const order = Number(node.attrs.order ?? 1)
        const start = Number.isInteger(order) && order !== 1 ? ` start="${order}"` : ''
        return `<ol${start}>\n${inner}</ol>\n`
      }
      case 'list_item':
        return `<li>${inner}</li>\n`
      default:
        return `<div>\n${inner}</div>\n`
    }
  }

  const descriptions = set.items.map((item) => describe(set, item))
  const title = escapeHtml(article.headline || 'Untitled article')
  const approval = approvalNotice(set)
  return [
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta name="generator" content="Copydesk">\n',
    `<title>${title}</title>\n<style>${HTML_STYLE}</style>\n</head>\n<body>\n<article>\n`,
    `<header>\n<h1>${title}</h1>\n${renderMeta(article)}</header>\n`,
    approval ? `<p class="approval-note" role="note">${escapeHtml(approval)}</p>\n` : '',
    renderLegend(set),
    `<div class="body">\n${layout.blocks.map(renderNode).join('')}</div>\n`,
    renderNotes(descriptions),
    '</article>\n',
    renderFooter(set, options),
    '</body>\n</html>\n'
  ].join('')
}

/** Writes one textblock's events: marks, highlight segments and note references. */
class InlineWriter {
  private readonly kindOf: AnnotationKind[]
  private lastCovering: number[] | null = null
  private lastWrap: [string, string] = ['', '']

  constructor(kindOf: AnnotationKind[]) {
    this.kindOf = kindOf
  }

  write(events: InlineEvent[]): string {
    const out: string[] = []
    let current: LaidInline | null = null
    let close = ''
    let inLink = false
    let pendingRefs: number[] = []
    const flushRefs = (): void => {
      for (const n of pendingRefs) out.push(this.ref(n))
      pendingRefs = []
    }
    for (const ev of events) {
      if (ev.type === 'text') {
        if (ev.inline !== current) {
          out.push(close)
          flushRefs()
          current = ev.inline
          const [open, closing, link] = openMarks(ev.inline)
          out.push(open)
          close = closing
          inLink = link
        }
        if (ev.inline.isBreak) {
          out.push('<br>')
          continue
        }
        const [before, after] = this.wrap(ev.covering)
        out.push(before, escapeHtml(ev.text), after)
      } else if (ev.type === 'end') {
        // A link cannot hold another link: references inside one wait until it closes.
        if (inLink && current !== null) pendingRefs.push(ev.index)
        else out.push(this.ref(ev.index))
      }
    }
    out.push(close)
    flushRefs()
    return out.join('')
  }

  private ref(n: number): string {
    return `<sup class="ref ref-${this.kindOf[n]}" id="ref-${n}"><a href="#note-${n}">${n}</a></sup>`
  }

  /** Opening and closing tags for a segment: one <mark> per covering kind. */
  private wrap(covering: number[]): [string, string] {
    if (covering === this.lastCovering) return this.lastWrap
    let before = ''
    let after = ''
    if (covering.length > 0) {
      for (const kind of ANNOTATION_KINDS) {
        const notes = covering.filter((n) => this.kindOf[n] === kind)
        if (notes.length === 0) continue
        const overlap = notes.length > 1 ? ' hl-overlap' : ''
        before += `<mark class="hl hl-${kind}${overlap}" data-notes="${notes.join(' ')}">`
        after = `</mark>${after}`
      }
    }
    this.lastCovering = covering
    this.lastWrap = [before, after]
    return this.lastWrap
  }
}

/** Tags for an inline node's marks (link outermost); the third value says whether it is a link. */
function openMarks(inline: LaidInline): [string, string, boolean] {
  let open = ''
  let close = ''
  let link = false
  const link0 = inline.marks.find((m) => m.type === 'link')
  if (link0) {
    const href = String(link0.attrs?.href ?? '')
    if (isWebUrl(href)) {
      open += `<a href="${escapeHtml(href.trim())}" rel="noopener noreferrer">`
      close = '</a>'
      link = true
    }
  }
  if (inline.marks.some((m) => m.type === 'strong')) {
    open += '<strong>'
    close = `</strong>${close}`
  }
  if (inline.marks.some((m) => m.type === 'em')) {
    open += '<em>'
    close = `</em>${close}`
  }
  return [open, close, link]
}

function renderMeta(article: Article): string {
  const parts: string[] = []
  if (article.byline.trim()) parts.push(`<span class="byline">${escapeHtml(article.byline)}</span>`)
  if (article.outlet.trim()) parts.push(`<span class="outlet">${escapeHtml(article.outlet)}</span>`)
  const date = isoDate(article.publishedAt)
  if (date) parts.push(`<time datetime="${date}">${date}</time>`)
  if (isWebUrl(article.url)) {
    const url = escapeHtml(article.url.trim())
    parts.push(`<a href="${url}" rel="noopener noreferrer">${url}</a>`)
  } else if (article.url.trim()) parts.push(`<span class="url">${escapeHtml(article.url)}</span>`)
  return parts.length ? `<p class="meta">${parts.join(' · ')}</p>\n` : ''
}

function renderLegend(set: ExportSet): string {
  const counts = new Map<AnnotationKind, number>()
  for (const item of set.items) counts.set(item.annotation.kind, (counts.get(item.annotation.kind) ?? 0) + 1)
  const rows = ANNOTATION_KINDS.filter((k) => counts.has(k)).map(
    (k) =>
      `<li><mark class="hl hl-${k} swatch">${KIND_LABELS[k]}</mark> ` +
      `<span class="count">${counts.get(k)}</span></li>`
  )
  if (rows.length === 0) return ''
  return `<ul class="legend" aria-label="Legend">\n${rows.join('\n')}\n<li>Superscript numbers lead to the notes.</li>\n</ul>\n`
}

function renderNotes(descriptions: Description[]): string {
  if (descriptions.length === 0) return ''
  const items = descriptions.map((d) => {
    const verdictClass = d.status ? ` verdict status-${d.status}` : ''
    const summary = d.summary.trim() ? ` <span class="summary${verdictClass}">${escapeHtml(d.summary)}</span>` : ''
    const back = d.placed ? ` <a class="back" href="#ref-${d.number}" aria-label="Back to the text">↩</a>` : ''
    // Rows under one label (every history entry) share it: the label once, then each row.
    const rows = d.details.map((detail, i) => renderDetail(detail, i > 0 && d.details[i - 1].label === detail.label)).join('\n')
    return (
      `<li id="note-${d.number}" value="${d.number}" class="note note-${d.kind}">\n` +
      `<p class="note-head"><span class="tag">${d.kindLabel}</span>${summary}${back}</p>\n` +
      `<blockquote class="exact">${escapeHtml(d.exact)}</blockquote>\n` +
      (rows ? `<dl>\n${rows}\n</dl>\n` : '') +
      '</li>'
    )
  })
  return `<section class="notes">\n<h2>Notes</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>\n`
}

function renderDetail(detail: Detail, sameLabel = false): string {
  let value = escapeHtml(detail.text)
  if (detail.url) value = `<a href="${escapeHtml(detail.url)}" rel="noopener noreferrer">${value}</a>`
  else if (detail.refs) {
    const links = detail.refs.map((n) => `<a href="#note-${n}">note ${n}</a>`).join(', ')
    value = detail.refsOnly ? links : `${value} (${links})`
  }
  return sameLabel ? `<dd>${value}</dd>` : `<dt>${escapeHtml(detail.label)}</dt><dd>${value}</dd>`
}

function renderFooter(set: ExportSet, options: ExportOptions): string {
  const org = options.organisation
  let by = ''
  if (org && org.name.trim()) {
    const name = escapeHtml(org.name)
    by = isWebUrl(org.url) ? ` by <a href="${escapeHtml(org.url.trim())}" rel="noopener noreferrer">${name}</a>` : ` by ${name}`
  }
  const copy = set.includeInternal ? 'Internal copy: includes the desk’s comments and history.' : 'Public copy.'
  return `<footer>\n<p>Annotated with Copydesk${by}. ${copy}</p>\n</footer>\n`
}
