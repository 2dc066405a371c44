import { anchorFor } from '../../shared/anchor/quote'
import type { MovedAnnotation } from '../../shared/contract'
import type { Annotation } from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'

/**
 * Checks a set of annotations against the article text they claim to mark: ranges inside
 * the text, anchored ones matching their quoted words, ids unique, links pointing at an
 * attribution in the same set (or among `stored`). A set that fails is refused whole.
 */
export function checkAnnotations(annotations: Annotation[], text: string, stored?: ReadonlyMap<string, string>): void {
  const byId = new Map<string, Annotation>()
  for (const a of annotations) {
    if (byId.has(a.id)) throw new CopydeskError('invalid_input', `Annotation ${a.id} appears twice.`)
    byId.set(a.id, a)
  }
  for (const a of annotations) {
    const { start, end, exact } = a.anchor
    if (a.placement === 'orphaned') continue
    if (end > text.length) {
      throw new CopydeskError('invalid_input', `The ${a.kind} "${short(exact)}" runs past the end of the article (${end} > ${text.length}).`)
    }
    if (text.slice(start, end) !== exact) {
      throw new CopydeskError('invalid_input', `The ${a.kind} at ${start}–${end} does not match the article text ("${short(exact)}").`)
    }
    const link = a.kind === 'quote' ? a.fields.speakerId : a.kind === 'claim' ? a.fields.sourceId : null
    if (link) {
      // A save of changes links to the article's stored annotations too (`stored`: id to kind).
      const kind = byId.get(link)?.kind ?? stored?.get(link)
      if (kind !== 'attribution') {
        throw new CopydeskError('invalid_input', `The ${a.kind} "${short(exact)}" is linked to ${link}, which is not an attribution in this article.`)
      }
    }
  }
}

/**
 * The stored annotations that `moved` names, at their new places in `text`, all else about
 * them kept. The words there must be the ones stored (otherwise the editor's copy and the
 * store's have parted, and nothing is saved); the context around them is read afresh.
 */
export function placeMoved(stored: Annotation[], moved: MovedAnnotation[], text: string): Annotation[] {
  const byId = new Map(stored.map((a) => [a.id, a]))
  return moved.map(({ id, start, end }) => {
    const a = byId.get(id)
    if (!a) throw new CopydeskError('invalid_input', `Annotation ${id} was saved as moved, but this article has no such annotation.`)
    if (a.placement !== 'anchored') {
      throw new CopydeskError('invalid_input', `The ${a.kind} "${short(a.anchor.exact)}" is not found in the text, so it cannot have moved.`)
    }
    if (text.slice(start, end) !== a.anchor.exact) {
      throw new CopydeskError('invalid_input', `The ${a.kind} "${short(a.anchor.exact)}" was saved as moved to ${start}–${end}, but the article text there is different.`)
    }
    return { ...a, anchor: anchorFor(text, start, end) }
  })
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s
}
