import type { EditorView } from 'prosemirror-view'
import type { AnnotationKind } from '../../../shared/domain'
import { offsetToPos, projectDoc } from '../../../shared/text'
import {
  addAnnotation,
  getAnnotation,
  reattachAnnotation,
  removeAnnotation,
  retagAnnotation,
  selectAnnotation,
  selectedAnnotationId,
  updateAnnotationFields,
  type AnnotationRecord,
  type FieldsPatch
} from '../../editor/annotations'
import { afterNextFrame } from '../../editor/frame'
import { annotationElement } from './pointer'

/** What the panel can do to annotations; each is one undoable editor transaction. */
export interface AnnotationActions {
  update: (id: string, patch: FieldsPatch) => void
  retag: (id: string, kind: AnnotationKind) => void
  remove: (id: string) => void
  reattach: (id: string) => boolean
  select: (id: string | null, reveal?: boolean) => void
  /** Links a quote (or claim) to a new attribution over `name` in the text, or keeps the name. */
  speakerByName: (record: AnnotationRecord, name: string) => 'linked' | 'named'
}

export function annotationActions(view: () => EditorView | null): AnnotationActions {
  const run = (cmd: (s: EditorView['state'], d?: EditorView['dispatch']) => boolean): boolean => {
    const v = view()
    return v ? cmd(v.state, v.dispatch) : false
  }
  return {
    update: (id, patch) => void run(updateAnnotationFields(id, patch)),
    retag: (id, kind) => void run(retagAnnotation(id, kind)),
    remove: (id) => void run(removeAnnotation(id)),
    reattach: (id) => {
      const ok = run(reattachAnnotation(id))
      if (ok) run(selectAnnotation(id))
      return ok
    },
    select: (id, reveal = false) => {
      run(selectAnnotation(id))
      if (!reveal || !id) return
      // The details first, the article after: moving the text's selection and scrolling to
      // it (a new screen of text to lay out and paint) in the same frame as the details
      // doubled the wait before either showed.
      afterNextFrame(() => {
        const v = view()
        if (!v || selectedAnnotationId(v.state) !== id) return
        run(selectAnnotation(id, { reveal }))
        scrollToAnnotation(v, id)
      })
    },
    speakerByName(record, name) {
      const v = view()
      const trimmed = name.trim()
      const linkField = record.kind === 'claim' ? 'sourceId' : 'speakerId'
      if (!v || !trimmed) return 'named'
      const projection = projectDoc(v.state.doc)
      const anchorOffset = projection.runs.length ? record.from : 0
      // The occurrence of the name nearest the quote, by document position.
      let best: { from: number; to: number } | null = null
      for (let i = projection.text.indexOf(trimmed); i >= 0; i = projection.text.indexOf(trimmed, i + 1)) {
        const from = offsetToPos(projection, i, 1)
        const to = offsetToPos(projection, i + trimmed.length, -1)
        if (!best || Math.abs(from - anchorOffset) < Math.abs(best.from - anchorOffset)) best = { from, to }
      }
      if (!best) {
        if (record.kind === 'quote') run(updateAnnotationFields(record.id, { speakerName: trimmed, speakerId: null }))
        return 'named'
      }
      const id = crypto.randomUUID()
      const state = v.state
      addAnnotation('attribution', { id, range: best, fields: { sourceName: trimmed } })(state, (tr) => {
        updateAnnotationFields(record.id, { [linkField]: id } as FieldsPatch)(state.apply(tr), (tr2) => {
          for (const step of tr2.steps) tr.step(step)
        })
        v.dispatch(tr)
      })
      return 'linked'
    }
  }
}

/** Scrolls the annotation's text into the middle of the window (with either painter). */
export function scrollToAnnotation(view: EditorView, id: string): void {
  requestAnimationFrame(() => {
    const record = getAnnotation(view.state, id)
    if (!record || record.placement !== 'anchored') return
    annotationElement(view, record)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  })
}
