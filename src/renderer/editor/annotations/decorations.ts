import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { annotationsKey } from './plugin'
import { firstWindow, touches, WindowFollower, type Region } from './screen'
import type { AnnotationSet } from './set'
import type { AnnotationRecord } from './types'

const decorationsKey = new PluginKey<Painted>('copydeskAnnotationDecorations')

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

/** The painter's state: the decorations, and the part of the document they cover. */
interface Painted {
  decorations: DecorationSet
  /** Annotations touching it are drawn; null draws them all. */
  window: Region | null
}

function build(set: AnnotationSet, doc: EditorState['doc'], win: Region | null): DecorationSet {
  const decorations: Decoration[] = []
  for (const r of set.list()) if (!win || touches(r, win)) decorations.push(decorationFor(r, r.id === set.selectedId))
  return DecorationSet.create(doc, decorations)
}

function update(painted: Painted, tr: Transaction, before: AnnotationSet, after: AnnotationSet): Painted {
  const moved = tr.getMeta(decorationsKey) as Region | undefined
  if (moved) return { window: moved, decorations: build(after, tr.doc, moved) }
  const win = painted.window && tr.docChanged ? { from: tr.mapping.map(painted.window.from, -1), to: tr.mapping.map(painted.window.to, 1) } : painted.window
  let next = tr.docChanged ? painted.decorations.map(tr.mapping, tr.doc) : painted.decorations
  if (after !== before && after.touched.size > 0) {
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
      if (record && (!win || touches(record, win))) fresh.push(decorationFor(record, id === after.selectedId))
    }
    if (stale.length > 0) next = next.remove(stale)
    if (fresh.length > 0) next = next.add(tr.doc, fresh)
  }
  return next === painted.decorations && win === painted.window ? painted : { decorations: next, window: win }
}

/**
 * Draws annotations as inline decorations: one `<span class="cd-ann cd-ann-<kind>"
 * data-ann-id="…">` per annotation, nested where annotations nest or overlap. The set lives
 * in plugin state and is mapped through edits; only the annotations a transaction really
 * changed are redrawn. Needs the `annotations` plugin before it.
 *
 * `windowed`: draw only the annotations within a screen or so of the view (a long article's
 * 2,000 annotations would be 3,000 spans to render at open and to walk at every edit). It
 * starts with the article's first stretch and follows scrolling; without a view (tests),
 * set the window with a transaction carrying the plugin's meta.
 */
export function annotationDecorations(options: { windowed?: boolean } = {}): Plugin<Painted> {
  return new Plugin<Painted>({
    key: decorationsKey,
    state: {
      init: (_, state) => {
        const set = annotationsKey.getState(state)
        const win = options.windowed ? firstWindow(state.doc) : null
        return { window: win, decorations: set ? build(set, state.doc, win) : DecorationSet.empty }
      },
      apply(tr, painted, oldState, newState) {
        const before = annotationsKey.getState(oldState)
        const after = annotationsKey.getState(newState)
        if (!before || !after) return painted
        return update(painted, tr, before, after)
      }
    },
    view: options.windowed ? (view) => new WindowFollower(view, annotationWindow, setAnnotationWindow) : undefined,
    props: {
      decorations: (state) => decorationsKey.getState(state)?.decorations
    }
  })
}

/** The annotation decorations in a state (for tests and tools). */
export function annotationDecorationSet(state: EditorState): DecorationSet {
  return decorationsKey.getState(state)?.decorations ?? DecorationSet.empty
}

/** The part of the document the decorations cover (null: all of it). */
export function annotationWindow(state: EditorState): Region | null {
  return decorationsKey.getState(state)?.window ?? null
}

/** A transaction that moves the drawn window (what the view does as it scrolls). */
export function setAnnotationWindow(tr: Transaction, window: Region): Transaction {
  return tr.setMeta(decorationsKey, window).setMeta('addToHistory', false)
}
