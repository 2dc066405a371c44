import { describe, expect, it } from 'vitest'
import type { EditorView } from 'prosemirror-view'
import {
  addAnnotation,
  annotationDecorationSet,
  annotations,
  annotationsAt,
  annotationsVersion,
  onAnnotationsChanged,
  retagAnnotation,
  selectAnnotation,
  updateAnnotationFields,
  type AnnotationsChange
} from '../../src/renderer/editor/annotations'
import { deleteRange, doc, editor, posOf, run, tag, typeAt, undoOf } from './helpers'

const story = doc('"We will build 300,000 homes," the housing secretary said.')

function classesOf(state: ReturnType<typeof editor>, id: string): string {
  const [d] = annotationDecorationSet(state).find(undefined, undefined, (spec) => spec.annotationId === id)
  return (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class
}

function attrsOf(state: ReturnType<typeof editor>, id: string): Record<string, string> {
  const [d] = annotationDecorationSet(state).find(undefined, undefined, (spec) => spec.annotationId === id)
  return (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs
}

describe('highlights', () => {
  it('draws each annotation as its own span with its kind, claim status and id', () => {
    let { state, id: quote } = tag(editor(story), 'We will build 300,000 homes', 'quote', addAnnotation)
    let claim: string
    ;({ state, id: claim } = tag(state, '300,000 homes', 'claim', addAnnotation))
    expect(attrsOf(state, quote)).toEqual({ nodeName: 'span', class: 'cd-ann cd-ann-quote', 'data-ann-id': quote, role: 'mark', 'aria-description': 'Quote, no speaker' })
    expect(classesOf(state, claim)).toBe('cd-ann cd-ann-claim cd-ann-status-unchecked')
    state = run(state, updateAnnotationFields(claim, { status: 'mostly_true' }))
    expect(classesOf(state, claim)).toBe('cd-ann cd-ann-claim cd-ann-status-mostly_true')
    state = run(state, retagAnnotation(quote, 'attribution'))
    expect(classesOf(state, quote)).toBe('cd-ann cd-ann-attribution')
    expect(classesOf(undoOf(state), quote)).toBe('cd-ann cd-ann-quote')
  })

  it('marks the selected annotation, and moves the mark when another is selected', () => {
    let { state, id: quote } = tag(editor(story), 'We will build 300,000 homes', 'quote', addAnnotation)
    let attribution: string
    ;({ state, id: attribution } = tag(state, 'the housing secretary said', 'attribution', addAnnotation))
    state = run(state, selectAnnotation(quote))
    expect(classesOf(state, quote)).toContain('cd-ann-selected')
    state = run(state, selectAnnotation(attribution))
    expect(classesOf(state, quote)).not.toContain('cd-ann-selected')
    expect(classesOf(state, attribution)).toContain('cd-ann-selected')
  })

  it('tells which annotations are under a click, innermost first', () => {
    let { state, id: quote } = tag(editor(story), 'We will build 300,000 homes', 'quote', addAnnotation)
    let claim: string
    ;({ state, id: claim } = tag(state, '300,000 homes', 'claim', addAnnotation))
    expect(annotationsAt(state, posOf(state, '000 homes')).map((a) => a.id)).toEqual([claim, quote])
    expect(annotationsAt(state, posOf(state, 'build')).map((a) => a.id)).toEqual([quote])
    expect(annotationsAt(state, posOf(state, 'housing'))).toEqual([])
  })
})

describe('telling the UI when annotations change', () => {
  it('changes the version on tagging, details and deletion, not when annotations only move', () => {
    const start = editor(story)
    const v0 = annotationsVersion(start)
    let { state, id } = tag(start, '300,000 homes', 'claim', addAnnotation)
    const v1 = annotationsVersion(state)
    expect(v1).not.toBe(v0)
    state = typeAt(state, 1, 'Minister: ')
    expect(annotationsVersion(state)).toBe(v1)
    state = run(state, updateAnnotationFields(id, { status: 'false' }))
    const v2 = annotationsVersion(state)
    expect(v2).not.toBe(v1)
    state = deleteRange(state, posOf(state, '300,000'), posOf(state, '," the'))
    expect(annotationsVersion(state)).not.toBe(v2)
  })

  it('calls listeners after view updates that changed annotations or the selection, and stops on unsubscribe', () => {
    const plugin = annotations()
    let state = editor(story)
    // The plugin view only reads the view's state: a stand-in is enough to drive it.
    const view = { state } as unknown as EditorView
    const pluginView = plugin.spec.view!(view)
    const calls: AnnotationsChange[] = []
    const stop = onAnnotationsChanged(view, (_s, change) => calls.push(change))
    const step = (next: typeof state) => {
      const prev = state
      state = next
      ;(view as { state: typeof state }).state = next
      pluginView.update!(view, prev)
    }
    const { state: tagged, id } = tag(state, '300,000 homes', 'claim', addAnnotation)
    step(tagged)
    step(typeAt(state, 1, 'Minister: '))
    step(run(state, selectAnnotation(id)))
    expect(calls).toEqual([
      { annotations: true, selection: false },
      { annotations: false, selection: true }
    ])
    stop()
    step(run(state, selectAnnotation(null)))
    expect(calls).toHaveLength(2)
  })
})
