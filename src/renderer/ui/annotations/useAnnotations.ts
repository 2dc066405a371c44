import { useEffect, useMemo, useState } from 'react'
import type { EditorHandle } from '../../editor/react'
import { useEditorSelector } from '../../editor/react'
import { annotationsVersion, annotationText, getAnnotation, getAnnotations, getOrphans, selectedAnnotationId } from '../../editor/annotations'
import type { AnnotationRecord } from '../../editor/annotations'

export interface AnnotationList {
  list: readonly AnnotationRecord[]
  orphans: AnnotationRecord[]
  /** Each listed annotation's current text, by id. */
  texts: Map<string, string>
}

/** A number that moves once typing has paused for `ms` after the text changed (no render per key). */
function useSettledDoc(handle: EditorHandle, ms: number): number {
  const [settled, setSettled] = useState(0)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let doc = handle.view?.state.doc
    const unsubscribe = handle.subscribe(() => {
      const next = handle.view?.state.doc
      if (next === doc) return
      doc = next
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => setSettled((n) => n + 1), ms)
    })
    return () => {
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
  }, [handle, ms])
  return settled
}

/**
 * The annotations, re-read when they really changed (tagged, removed, edited) and once
 * typing pauses, never on every keystroke: a long article must type without re-rendering
 * the panel.
 */
export function useAnnotationList(handle: EditorHandle): AnnotationList {
  const version = useEditorSelector(handle, annotationsVersion, -1)
  const settled = useSettledDoc(handle, 400)
  return useMemo(() => {
    const state = handle.view?.state
    if (!state) return { list: [], orphans: [], texts: new Map() }
    const list = getAnnotations(state)
    return { list, orphans: getOrphans(state), texts: new Map(list.map((a) => [a.id, annotationText(state, a)])) }
  }, [handle, version, settled])
}

/** The current text of one annotation, fresh on every change. */
export function useAnnotationText(handle: EditorHandle, id: string | null): string {
  return useEditorSelector(
    handle,
    (s) => {
      const r = id ? getAnnotation(s, id) : undefined
      return r ? annotationText(s, r) : ''
    },
    ''
  )
}

/** The selected annotation's id. */
export function useSelectedId(handle: EditorHandle): string | null {
  return useEditorSelector(handle, selectedAnnotationId, null)
}

/** One annotation, fresh whenever annotations change. */
export function useAnnotation(handle: EditorHandle, id: string | null): AnnotationRecord | undefined {
  const version = useEditorSelector(handle, annotationsVersion, -1)
  return useMemo(() => (id && handle.view ? getAnnotation(handle.view.state, id) : undefined), [handle, id, version])
}
