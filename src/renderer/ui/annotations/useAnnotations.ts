import { useMemo } from 'react'
import type { EditorHandle } from '../../editor/react'
import { useEditorSelector } from '../../editor/react'
import { annotationsVersion, getAnnotation, getAnnotations, getOrphans, selectedAnnotationId } from '../../editor/annotations'
import type { AnnotationRecord } from '../../editor/annotations'

export interface AnnotationList {
  list: readonly AnnotationRecord[]
  orphans: AnnotationRecord[]
}

/**
 * The annotations, re-read only when they really changed (tagged, removed, edited), not
 * when typing merely moved them: a keystroke in a long article must not re-render the panel.
 */
export function useAnnotationList(handle: EditorHandle): AnnotationList {
  const version = useEditorSelector(handle, annotationsVersion, -1)
  return useMemo(() => {
    const state = handle.view?.state
    return state ? { list: getAnnotations(state), orphans: getOrphans(state) } : { list: [], orphans: [] }
  }, [handle, version])
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
