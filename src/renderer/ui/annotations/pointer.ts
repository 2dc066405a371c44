import type { EditorView } from 'prosemirror-view'
import { annotationsAt, type AnnotationRecord } from '../../editor/annotations'

/**
 * The annotations under the pointer, innermost first: those containing the character the
 * pointer is over (none in the margin past a line's end). Works with either painter, since
 * it asks the editor for positions, not the DOM for highlight elements.
 */
export function annotationsUnderPointer(view: EditorView, x: number, y: number): AnnotationRecord[] {
  const hit = view.posAtCoords({ left: x, top: y })
  if (!hit) return []
  const doc = view.state.doc
  const size = doc.content.size
  // The pointer is over the character after the position or the one before it.
  for (const from of [hit.pos, hit.pos - 1]) {
    const to = from + 1
    if (from < 0 || to > size) continue
    const $from = doc.resolve(from)
    if (!$from.parent.inlineContent || to > $from.end()) continue
    const a = view.coordsAtPos(from, 1)
    const b = view.coordsAtPos(to, -1)
    // A character that wraps to the next line has no box to test against.
    if (Math.abs(a.top - b.top) > 2) continue
    const left = Math.min(a.left, b.left)
    const right = Math.max(a.left, b.left)
    if (x < left - 1 || x > right + 1 || y < Math.min(a.top, b.top) - 1 || y > Math.max(a.bottom, b.bottom) + 1) continue
    return annotationsAt(view.state, from).filter((r) => r.from <= from && to <= r.to)
  }
  return []
}

/** The screen box of an annotation's text (as its highlight covers it). */
export function annotationRect(view: EditorView, record: AnnotationRecord): DOMRect | null {
  try {
    const start = view.domAtPos(record.from, 1)
    const end = view.domAtPos(record.to, -1)
    const range = document.createRange()
    range.setStart(start.node, start.offset)
    range.setEnd(end.node, end.offset)
    return range.getBoundingClientRect()
  } catch {
    return null
  }
}

/** The element holding the start of an annotation's text (its highlight span, or the paragraph). */
export function annotationElement(view: EditorView, record: AnnotationRecord): HTMLElement | null {
  return elementAtPos(view, record.from)
}

/** The element holding the text at a document position (a span drawn there, or the paragraph). */
export function elementAtPos(view: EditorView, pos: number): HTMLElement | null {
  try {
    const { node } = view.domAtPos(pos, 1)
    return node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement
  } catch {
    return null
  }
}
