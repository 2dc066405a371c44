import { redoDepth, undoDepth } from 'prosemirror-history'
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { applyTransaction, type AnnotationAction } from './apply'
import { AnnotationSet } from './set'
import type { AnnotationsConfig } from './types'

export const annotationsKey = new PluginKey<AnnotationSet>('copydeskAnnotations')

/** What changed, as told to `onAnnotationsChanged` listeners. */
export interface AnnotationsChange {
  /** Annotations were added, removed, hidden, revived or their kind or fields changed. */
  annotations: boolean
  /** The selected annotation changed. */
  selection: boolean
}

export type AnnotationsListener = (state: EditorState, change: AnnotationsChange) => void

const listeners = new WeakMap<EditorView, Set<AnnotationsListener>>()

/** The config the plugin was made with, with defaults filled in. */
export type ResolvedConfig = Required<Omit<AnnotationsConfig, 'annotations'>>

/**
 * The annotation plugin: annotations as plugin state, changed by the commands in this
 * folder and mapped through every edit. Drawing is a separate plugin (`annotationDecorations`
 * or `annotationHighlights`); add `history()`, before this plugin, for undo (undo-stack.ts
 * reads the history's depths to put annotations back exactly).
 */
export function annotations(config: AnnotationsConfig = {}): Plugin<AnnotationSet> {
  const resolved: ResolvedConfig = {
    user: config.user ?? (() => ''),
    now: config.now ?? (() => new Date().toISOString()),
    newId: config.newId ?? randomId
  }
  return new Plugin<AnnotationSet>({
    key: annotationsKey,
    config: resolved,
    state: {
      init: (_, state) => AnnotationSet.create(state.doc, config.annotations ?? []),
      // history() comes before this plugin, so `state` already has the history's new depths.
      apply: (tr, set, old, state) =>
        applyTransaction(set, tr, tr.getMeta(annotationsKey) as AnnotationAction | undefined, {
          undoBefore: undoDepth(old),
          undoAfter: undoDepth(state),
          redoBefore: redoDepth(old),
          redoAfter: redoDepth(state)
        })
    },
    view: () => ({
      update(view, prevState) {
        const before = annotationsKey.getState(prevState)
        const after = annotationsKey.getState(view.state)
        const subscribed = listeners.get(view)
        if (!before || !after || before === after || !subscribed || subscribed.size === 0) return
        const change = { annotations: before.version !== after.version, selection: before.selectedId !== after.selectedId }
        if (!change.annotations && !change.selection) return
        for (const listener of [...subscribed]) listener(view.state, change)
      }
    })
  })
}

/** The plugin's resolved config (user, clock, ids), for the commands. */
export function configOf(state: EditorState): ResolvedConfig {
  const plugin = annotationsKey.get(state)
  if (!plugin) throw new RangeError('The annotations plugin is not in this editor state')
  return plugin.spec.config as ResolvedConfig
}

/** The plugin state; fails fast when the plugin is missing. */
export function annotationSet(state: EditorState): AnnotationSet {
  const set = annotationsKey.getState(state)
  if (!set) throw new RangeError('The annotations plugin is not in this editor state')
  return set
}

/**
 * Calls `listener` after each update of `view` that really changed the annotations (not
 * when they only moved with typing) or the selected annotation. Returns the unsubscribe
 * function, so it fits `useEffect` and `useSyncExternalStore` (use `annotationsVersion`
 * as the snapshot there).
 */
export function onAnnotationsChanged(view: EditorView, listener: AnnotationsListener): () => void {
  let set = listeners.get(view)
  if (!set) listeners.set(view, (set = new Set()))
  set.add(listener)
  return () => {
    set.delete(listener)
  }
}

function randomId(): string {
  // getRandomValues works outside secure contexts too, unlike randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
