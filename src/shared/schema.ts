import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model'

/**
 * The article schema: what Copydesk keeps of a story's structure. Paragraphs, headings,
 * block quotes, lists, line breaks; emphasis, strong and links. Everything an import
 * cannot express in these terms is flattened to text, never silently dropped.
 */
const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0]
  },
  heading: {
    attrs: { level: { default: 2, validate: 'number' } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${node.attrs.level}`, 0]
  },
  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0]
  },
  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0]
  },
  ordered_list: {
    attrs: { order: { default: 1, validate: 'number' } },
    content: 'list_item+',
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => ({ order: Number((dom as HTMLElement).getAttribute('start') ?? 1) || 1 })
      }
    ],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order }, 0])
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0]
  },
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br']
  }
}

/** Links in an article may point to the web or to a mail address, nothing else. */
export function isSafeHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href.trim())
}

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: { validate: 'string' } },
    inclusive: false,
    // A pasted link to anywhere else (a page's own "/news/…", "#top", "tel:", "javascript:")
    // keeps its words and loses the link, as an import does: the store refuses such links.
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = (dom as HTMLElement).getAttribute('href') ?? ''
          return isSafeHref(href) ? { href: href.trim() } : false
        }
      }
    ],
    toDOM: (mark) => ['a', { href: mark.attrs.href, rel: 'noopener noreferrer' }, 0]
  },
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }],
    toDOM: () => ['em', 0]
  },
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
    toDOM: () => ['strong', 0]
  }
}

export const articleSchema = new Schema({ nodes, marks })

/** The JSON form of an article body, as ProseMirror's `Node.toJSON` gives it. */
export interface DocJSON {
  type: 'doc'
  content: BlockJSON[]
}
export interface NodeJSON {
  type: string
  attrs?: Record<string, unknown>
  content?: NodeJSON[]
  marks?: { type: string; attrs?: Record<string, unknown> }[]
  text?: string
}
export type BlockJSON = NodeJSON
