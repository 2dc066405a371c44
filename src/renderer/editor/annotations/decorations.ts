import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { annotationsKey } from './plugin'
import type { AnnotationSet } from './set'
import type { AnnotationRecord } from './types'

const decorationsKey = new PluginKey<DecorationSet>('copydeskAnnotationDecorations')

/** Spec kept on each annotation decoration, to find it again. */
interface AnnotationDecorationSpec {
  annotationId: string
}

/**
 * The CSS classes of an annotation's highlight: `cd-ann cd-ann-<kind>`, a claim's
 * `cd-ann-status-<status>`, and `cd-ann-selected` on the selected one. Both painters use them.
 */
export function annotationClasses(record: AnnotationRecord, selected: boolean): string[] {
  const classes = ['cd-ann', `cd-ann-${record.kind}`]
  if (record.kind === 'claim') classes.push(`cd-ann-status-${record.fields.status}`)
  if (selected) classes.push('cd-ann-selected')
  return classes
}

function decorationFor(record: AnnotationRecord, selected: boolean): Decoration {
  const spec: AnnotationDecorationSpec = { annotationId: record.id }
  return Decoration.inline(
    record.from,
    record.to,
    // nodeName gives each annotation its own <span>, so nested and overlapping ones each
    // keep their classes and id (without it ProseMirror merges them into one element).
    { nodeName: 'span', class: annotationClasses(record, selected).join(' '), 'data-ann-id': record.id },
    spec
  )
}

function build(state: EditorState): DecorationSet {
  const set = annotationsKey.getState(state)
  if (!set) return DecorationSet.empty
  const decorations = set.list().map((r) => decorationFor(r, r.id === set.selectedId))
  return DecorationSet.create(state.doc, decorations)
}

function update(
  decorations: DecorationSet,
  tr: Transaction,
  before: AnnotationSet,
  after: AnnotationSet
): DecorationSet {
  let next = tr.docChanged ? decorations.map(tr.mapping, tr.doc) : decorations
  if (after === before || after.touched.size === 0) return next
  const stale: Decoration[] = []
  const fresh: Decoration[] = []
  for (const id of after.touched) {
    const old = before.live.get(id)
    if (old) {
      const a = tr.mapping.map(old.from, 1)
      const b = tr.mapping.map(old.to, -1)
      const found = next.find(Math.min(a, b), Math.max(a, b), (spec) => (spec as AnnotationDecorationSpec).annotationId === id)
      stale.push(...found)
    }
    const record = after.live.get(id)
    if (record) fresh.push(decorationFor(record, id === after.selectedId))
  }
  if (stale.length > 0) next = next.remove(stale)
  if (fresh.length > 0) next = next.add(tr.doc, fresh)
  return next
}

/**
 * Draws annotations as inline decorations: one `<span class="cd-ann cd-ann-<kind>"
 * data-ann-id="…">` per annotation, nested where annotations nest or overlap. The set lives
 * in plugin state and is mapped through edits; only the annotations a transaction really
 * changed are redrawn. Needs the `annotations` plugin before it.
 */
export function annotationDecorations(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: decorationsKey,
    state: {
      init: (_, state) => build(state),
      apply(tr, decorations, oldState, newState) {
        const before = annotationsKey.getState(oldState)
        const after = annotationsKey.getState(newState)
        if (!before || !after) return decorations
        return update(decorations, tr, before, after)
      }
    },
    props: {
      decorations: (state) => decorationsKey.getState(state)
    }
  })
}

/** The annotation decorations in a state (for tests and tools). */
export function annotationDecorationSet(state: EditorState): DecorationSet {
  return decorationsKey.getState(state) ?? DecorationSet.empty
}
