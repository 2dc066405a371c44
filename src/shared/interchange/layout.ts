import type { Article } from '../domain'
import type { DocJSON, NodeJSON } from '../schema'
import { BLOCK_SEPARATOR } from '../text'

/**
 * The article body as the exports walk it: the block tree of its ProseMirror JSON with every
 * textblock's inline content placed at its offsets in the plain text (shared/text.ts), so
 * annotation offsets can be cut into the rendered structure without building a document.
 */

export interface LaidMark {
  type: string
  attrs?: Record<string, unknown>
}

/** A text node (or a hard break, text "\n") at `start` in the plain text. */
export interface LaidInline {
  start: number
  text: string
  marks: LaidMark[]
  isBreak: boolean
}

export interface LaidTextblock {
  kind: 'textblock'
  type: string
  attrs: Record<string, unknown>
  start: number
  end: number
  inlines: LaidInline[]
}

export interface LaidContainer {
  kind: 'container'
  type: string
  attrs: Record<string, unknown>
  children: LaidNode[]
}

export type LaidNode = LaidTextblock | LaidContainer

export interface Layout {
  blocks: LaidNode[]
  /** Textblocks in document order. */
  textblocks: LaidTextblock[]
  text: string
}

const TEXTBLOCKS = new Set(['paragraph', 'heading'])

/**
 * Lays out an article's body. When the body's projection does not equal `article.text`
 * (annotation offsets count in that text), the text is laid out instead as paragraphs, so
 * highlights stay right at the cost of formatting.
 */
export function layoutArticle(article: Article): Layout {
  const fromBody = article.body && Array.isArray(article.body.content) ? layoutNodes(article.body.content) : null
  if (fromBody && fromBody.text === article.text) return fromBody
  return layoutPlainText(article.text)
}

function layoutNodes(nodes: NodeJSON[]): Layout {
  const textblocks: LaidTextblock[] = []
  const parts: string[] = []
  let offset = 0
  const walk = (node: NodeJSON): LaidNode => {
    const attrs = node.attrs ?? {}
    if (!TEXTBLOCKS.has(node.type)) {
      return { kind: 'container', type: node.type, attrs, children: (node.content ?? []).map(walk) }
    }
    if (textblocks.length > 0) {
      parts.push(BLOCK_SEPARATOR)
      offset += BLOCK_SEPARATOR.length
    }
    const block: LaidTextblock = { kind: 'textblock', type: node.type, attrs, start: offset, end: offset, inlines: [] }
    for (const child of node.content ?? []) {
      if (child.type === 'text') {
        const text = child.text ?? ''
        if (text.length === 0) continue
        block.inlines.push({ start: offset, text, marks: child.marks ?? [], isBreak: false })
        parts.push(text)
        offset += text.length
      } else if (child.type === 'hard_break') {
        block.inlines.push({ start: offset, text: '\n', marks: [], isBreak: true })
        parts.push('\n')
        offset += 1
      }
    }
    block.end = offset
    textblocks.push(block)
    return block
  }
  const blocks = nodes.map(walk)
  return { blocks, textblocks, text: parts.join('') }
}

/**
 * A body whose plain-text projection is exactly `text`: paragraphs split at blank lines,
 * single newlines as hard breaks. Offsets in `text` (a brat .txt, say) stay valid.
 */
export function plainTextToDoc(text: string): DocJSON {
  const content: NodeJSON[] = text.split(BLOCK_SEPARATOR).map((para) => {
    const inline: NodeJSON[] = []
    para.split('\n').forEach((line, i) => {
      if (i > 0) inline.push({ type: 'hard_break' })
      if (line.length > 0) inline.push({ type: 'text', text: line })
    })
    return inline.length > 0 ? { type: 'paragraph', content: inline } : { type: 'paragraph' }
  })
  return { type: 'doc', content }
}

/** The layout of plain text, as `plainTextToDoc` would make it. */
export function layoutPlainText(text: string): Layout {
  return layoutNodes(plainTextToDoc(text).content)
}
