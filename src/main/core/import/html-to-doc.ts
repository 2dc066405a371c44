import { Parser, parseDocument } from 'htmlparser2'
import type { ChildNode, Element } from 'domhandler'
import sanitizeHtml from 'sanitize-html'
import { nestedTooDeeply, textTooLong, tooManyBlocks } from '../../../shared/body-limits'
import { MAX_BLOCKS, MAX_HTML_DEPTH, MAX_TEXT_LENGTH } from '../../../shared/limits'
import type { DocJSON, NodeJSON } from '../../../shared/schema'

/**
 * HTML → article body. The HTML is first sanitised by sanitize-html down to the structure
 * the article schema keeps (no scripts, styles, handlers, frames, forms or remote images),
 * then walked into ProseMirror JSON with HTML's whitespace rules.
 */

const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'br',
  'em', 'i', 'strong', 'b', 'a', 'div', 'section', 'article', 'main', 'span', 'figure', 'figcaption',
  'header', 'footer', 'pre', 'code', 'u', 'sub', 'sup', 'small', 'cite', 'q', 'time', 'table', 'tbody',
  'thead', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'hr'
]

/**
 * Refuses HTML nested deeper than MAX_HTML_DEPTH elements, in one streaming pass that builds
 * nothing: sanitize-html takes 9 s over 100,000 levels, and the walks below recurse per level.
 */
export function checkHtmlDepth(html: string): void {
  let depth = 0
  let deepest = 0
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > deepest) deepest = depth
        if (depth > MAX_HTML_DEPTH) parser.pause()
      },
      onclosetag() {
        depth--
      }
    },
    { decodeEntities: false }
  )
  parser.end(html)
  if (deepest > MAX_HTML_DEPTH) throw nestedTooDeeply(MAX_HTML_DEPTH, 'The file’s elements are')
}

/** Sanitises untrusted HTML down to what Copydesk keeps (refusing it first when it nests too deeply). */
export function sanitize(html: string): string {
  checkHtmlDepth(html)
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    // Dropped with their content: nothing in them is article text.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'head', 'title', 'nav', 'aside', 'form', 'button', 'select']
  })
}

type Mark = { type: string; attrs?: Record<string, unknown> }

const BLOCK_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'figure', 'table', 'tbody', 'thead', 'tr', 'dl', 'body', 'html'])
const BLOCK_TEXT = new Set(['p', 'figcaption', 'pre', 'td', 'th', 'dt', 'dd'])
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }

/**
 * Gathers blocks, counting text and blocks as it goes so a page past the article limits is
 * refused as soon as it passes them, before the rest of it is built.
 */
class BlockBuilder {
  readonly blocks: NodeJSON[] = []
  private inline: NodeJSON[] = []
  private readonly count: Count

  constructor(count: Count) {
    this.count = count
  }

  addText(text: string, marks: Mark[]): void {
    const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ')
    if (!collapsed) return
    const last = this.inline[this.inline.length - 1]
    // Collapse a space that follows a space or starts the block.
    let t = collapsed
    const prevEndsSpace = !last || last.type === 'hard_break' || (last.text ?? '').endsWith(' ')
    if (prevEndsSpace && t.startsWith(' ')) t = t.slice(1)
    if (!t) return
    this.count.characters += t.length
    if (this.count.characters > MAX_TEXT_LENGTH) throw textTooLong()
    if (last && last.type === 'text' && sameMarks(last.marks, marks)) last.text += t
    else this.inline.push(marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t })
  }

  addBreak(): void {
    this.trimEnd()
    this.inline.push({ type: 'hard_break' })
  }

  private trimEnd(): void {
    const last = this.inline[this.inline.length - 1]
    if (last?.type === 'text' && last.text!.endsWith(' ')) {
      last.text = last.text!.slice(0, -1)
      if (!last.text) this.inline.pop()
    }
  }

  /** Closes the running paragraph, if it has any text. */
  flush(type = 'paragraph', attrs?: Record<string, unknown>): void {
    this.trimEnd()
    while (this.inline[this.inline.length - 1]?.type === 'hard_break') this.inline.pop()
    if (this.inline.some((n) => n.type === 'text')) {
      if (++this.count.blocks > MAX_BLOCKS) throw tooManyBlocks()
      this.blocks.push(attrs ? { type, attrs, content: this.inline } : { type, content: this.inline })
    }
    this.inline = []
  }
}

function sameMarks(a: Mark[] | undefined, b: Mark[]): boolean {
  const x = a ?? []
  return x.length === b.length && x.every((m, i) => m.type === b[i].type && m.attrs?.href === b[i].attrs?.href)
}

/** A link target Copydesk keeps: absolute web or mail addresses, relative ones resolved. */
function resolveHref(href: string, base: string | undefined): string | null {
  try {
    const url = base ? new URL(href, base) : new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.toString() : null
  } catch {
    return null
  }
}

/** Text characters and blocks gathered so far, across the whole page. */
interface Count {
  characters: number
  blocks: number
}

/** What the walk needs to know about the page: its URL, for relative links, and what it gathered. */
interface Page {
  base: string | undefined
  count: Count
}

function walkInline(page: Page, nodes: ChildNode[], marks: Mark[], out: BlockBuilder, onBlock: (el: Element) => void): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.addText((node as unknown as { data: string }).data, marks)
      continue
    }
    if (node.type !== 'tag') continue
    const el = node as Element
    const name = el.name.toLowerCase()
    if (name === 'br') out.addBreak()
    else if (name === 'em' || name === 'i' || name === 'cite') walkInline(page, el.children, addMark(marks, { type: 'em' }), out, onBlock)
    else if (name === 'strong' || name === 'b') walkInline(page, el.children, addMark(marks, { type: 'strong' }), out, onBlock)
    else if (name === 'a' && el.attribs.href && resolveHref(el.attribs.href, page.base)) {
      walkInline(page, el.children, addMark(marks, { type: 'link', attrs: { href: resolveHref(el.attribs.href, page.base) } }), out, onBlock)
    }
    else if (isBlock(name)) onBlock(el)
    else walkInline(page, el.children, marks, out, onBlock)
  }
}

function addMark(marks: Mark[], mark: Mark): Mark[] {
  if (marks.some((m) => m.type === mark.type)) return marks
  // Keep a stable order so adjacent runs with the same marks merge.
  const order = ['link', 'em', 'strong']
  return [...marks, mark].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
}

function isBlock(name: string): boolean {
  return (
    BLOCK_CONTAINERS.has(name) || BLOCK_TEXT.has(name) || name in HEADINGS ||
    name === 'blockquote' || name === 'ul' || name === 'ol' || name === 'li' || name === 'hr'
  )
}

/** Walks block-level children into a list of block nodes. */
function walkBlocks(page: Page, nodes: ChildNode[]): NodeJSON[] {
  const b = new BlockBuilder(page.count)
  const onBlock = (el: Element): void => {
    b.flush()
    const name = el.name.toLowerCase()
    if (name in HEADINGS) {
      walkInline(page, el.children, [], b, onBlock)
      b.flush('heading', { level: HEADINGS[name] })
    } else if (BLOCK_TEXT.has(name)) {
      walkInline(page, el.children, [], b, onBlock)
      b.flush()
    } else if (name === 'blockquote') {
      const inner = walkBlocks(page, el.children)
      if (inner.length) b.blocks.push({ type: 'blockquote', content: inner })
    } else if (name === 'ul' || name === 'ol') {
      const items = el.children
        .filter((c): c is Element => c.type === 'tag')
        .map((li) => listItem(page, li.name.toLowerCase() === 'li' ? li.children : [li]))
        .filter((x): x is NodeJSON => x !== null)
      if (items.length) {
        const start = Number(el.attribs.start)
        b.blocks.push(
          name === 'ul'
            ? { type: 'bullet_list', content: items }
            : { type: 'ordered_list', attrs: { order: Number.isInteger(start) && start > 0 ? start : 1 }, content: items }
        )
      }
    } else if (name === 'li') {
      const item = listItem(page, el.children)
      if (item) b.blocks.push({ type: 'bullet_list', content: [item] })
    } else if (name !== 'hr') {
      b.blocks.push(...walkBlocks(page, el.children))
    }
  }
  walkInline(page, nodes, [], b, onBlock)
  b.flush()
  return b.blocks
}

function listItem(page: Page, children: ChildNode[]): NodeJSON | null {
  const blocks = walkBlocks(page, children)
  if (!blocks.length) return null
  if (blocks[0].type !== 'paragraph') blocks.unshift({ type: 'paragraph' })
  return { type: 'list_item', content: blocks }
}

/**
 * Converts (already sanitised) HTML to an article body; null when it holds no text.
 * Relative links are resolved against `base` (the page's URL) or dropped, keeping their text.
 */
export function htmlToDoc(safeHtml: string, base?: string): DocJSON | null {
  const dom = parseDocument(safeHtml, { decodeEntities: true })
  const blocks = walkBlocks({ base, count: { characters: 0, blocks: 0 } }, dom.children as ChildNode[])
  return blocks.length ? { type: 'doc', content: blocks } : null
}
