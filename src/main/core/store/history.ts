import type { Annotation, AnnotationChange } from '../../../shared/domain'

type Change = Pick<AnnotationChange, 'annotationId' | 'action' | 'changes'>

/**
 * What changed between two sets of an article's annotations, one entry per annotation.
 * Offsets shifting because text was typed elsewhere is not a change; the annotated words
 * changing is ('moved').
 */
export function diffAnnotations(before: Annotation[], after: Annotation[]): Change[] {
  const old = new Map(before.map((a) => [a.id, a]))
  const out: Change[] = []
  const seen = new Set<string>()
  for (const a of after) {
    seen.add(a.id)
    const b = old.get(a.id)
    if (!b) {
      out.push({ annotationId: a.id, action: 'created', changes: { kind: [null, a.kind], text: [null, a.anchor.exact] } })
      continue
    }
    if (b.kind !== a.kind) {
      out.push({ annotationId: a.id, action: 'retagged', changes: { kind: [b.kind, a.kind] } })
    }
    const fieldChanges: Record<string, [unknown, unknown]> = {}
    const bf = b.fields as unknown as Record<string, unknown>
    const af = a.fields as unknown as Record<string, unknown>
    for (const key of new Set([...Object.keys(bf), ...Object.keys(af)])) {
      if (b.kind !== a.kind && !(key in bf && key in af)) continue
      if (JSON.stringify(bf[key]) !== JSON.stringify(af[key])) fieldChanges[key] = [bf[key] ?? null, af[key] ?? null]
    }
    if (b.placement !== a.placement) fieldChanges.placement = [b.placement, a.placement]
    if (Object.keys(fieldChanges).length) out.push({ annotationId: a.id, action: 'updated', changes: fieldChanges })
    if (b.anchor.exact !== a.anchor.exact) {
      out.push({ annotationId: a.id, action: 'moved', changes: { text: [b.anchor.exact, a.anchor.exact] } })
    }
  }
  for (const b of before) {
    if (!seen.has(b.id)) out.push({ annotationId: b.id, action: 'deleted', changes: { kind: [b.kind, null], text: [b.anchor.exact, null] } })
  }
  return out
}
