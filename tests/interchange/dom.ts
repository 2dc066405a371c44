import type { ChildNode, Element } from 'domhandler'
import { parseDocument } from 'htmlparser2'

/** Parses HTML (or XML with `xml`) with htmlparser2: tests read exports the way a browser or Word would. */
export function parse(source: string, xml = false) {
  return parseDocument(source, { xmlMode: xml, decodeEntities: true })
}

/** Every element under `root`, in document order. */
export function elements(root: { children: ChildNode[] }): Element[] {
  const out: Element[] = []
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        out.push(node as Element)
        walk((node as Element).children)
      }
    }
  }
  walk(root.children)
  return out
}

/** The text inside a node, entities decoded, <br> as a line break, leaving out elements named in `skip`. */
export function textOf(node: { children?: ChildNode[] } | ChildNode, skip: string[] = []): string {
  if (node && 'type' in node && node.type === 'text') return node.data
  if ('name' in node && node.name === 'br') return '\n'
  if ('name' in node && skip.includes(node.name)) return ''
  const children = 'children' in node && node.children ? node.children : []
  return children.map((c) => textOf(c, skip)).join('')
}

export function byClass(root: { children: ChildNode[] }, cls: string): Element[] {
  return elements(root).filter((e) => (e.attribs.class ?? '').split(/\s+/).includes(cls))
}
