import { useEffect, useMemo, useState } from 'react'
import type { EditorSource } from '../../editor/react'
import { useEditorSelector } from '../../editor/react'
import { afterQuiet } from '../../editor/frame'
import { annotationsVersion, annotationText, getAnnotation, getAnnotations, getOrphans, selectedAnnotationId } from '../../editor/annotations'
import type { AnnotationRecord } from '../../editor/annotations'
import type { EditorState } from 'prosemirror-state'

/** Annotations' current text by id, read from the document when first asked (the list shows ~20 of 2,000). */
export interface AnnotationTexts {
  get(id: string): string | undefined
}

export interface AnnotationList {
  list: readonly AnnotationRecord[]
  orphans: AnnotationRecord[]
  /** Each listed annotation's current text, by id. */
  texts: AnnotationTexts
}

function lazyTexts(state: EditorState): AnnotationTexts {
  const cache = new Map<string, string>()
  return {
    get(id) {
      let text = cache.get(id)
      if (text === undefined) {
        const record = getAnnotation(state, id)
        if (!record) return undefined
        cache.set(id, (text = annotationText(state, record)))
      }
      return text
    }
  }
}

/** A number that moves once typing has paused for `ms` after the text changed (no render per key). */
function useSettledDoc(handle: EditorSource, ms: number): number {
  const [settled, setSettled] = useState(0)
  useEffect(() => {
    const pause = afterQuiet(ms, () => setSettled((n) => n + 1))
    let doc = handle.view?.state.doc
    const unsubscribe = handle.subscribe(() => {
      const next = handle.view?.state.doc
      if (next === doc) return
      doc = next
      pause.poke()
    })
    return () => {
      unsubscribe()
      pause.cancel()
    }
  }, [handle, ms])
  return settled
}

/**
 * The annotations, re-read when they really changed (tagged, removed, edited) and once
 * typing pauses, never on every keystroke: a long article must type without re-rendering
 * the panel.
 */
export function useAnnotationList(handle: EditorSource): AnnotationList {
  const version = useEditorSelector(handle, annotationsVersion, -1)
  const settled = useSettledDoc(handle, 400)
  return useMemo(() => {
    const state = handle.view?.state
    if (!state) return { list: [], orphans: [], texts: new Map<string, string>() }
    return { list: getAnnotations(state), orphans: getOrphans(state), texts: lazyTexts(state) }
  }, [handle, version, settled])
}

/** The current text of one annotation, fresh on every change. */
export function useAnnotationText(handle: EditorSource, id: string | null): string {
  return useEditorSelector(
    handle,
    (s) => {
      const r = id ? getAnnotation(s, id) : undefined
      return r ? annotationText(s, r) : ''
    },
    '',
    id
  )
}

/** The selected annotation's id. */
export function useSelectedId(handle: EditorSource): string | null {
  return useEditorSelector(handle, selectedAnnotationId, null)
}

/** One annotation, fresh whenever annotations change. */
export function useAnnotation(handle: EditorSource, id: string | null): AnnotationRecord | undefined {
  const version = useEditorSelector(handle, annotationsVersion, -1)
  return useMemo(() => (id && handle.view ? getAnnotation(handle.view.state, id) : undefined), [handle, id, version])
}
