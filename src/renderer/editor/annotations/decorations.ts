import { isHistoryTransaction } from 'prosemirror-history'
import { Plugin, PluginKey, type EditorState, type PluginView, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { removeDecorations } from '../decoration-set'
import { effectiveMapping, leavesDocumentEqual } from '../step-change'
import { annotationLabel } from './label'
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

function decorationFor(record: AnnotationRecord, selected: boolean, set: AnnotationSet): Decoration {
  const spec: AnnotationDecorationSpec = { annotationId: record.id }
  return Decoration.inline(
    record.from,
    record.to,
    // nodeName gives each annotation its own <span>, so nested and overlapping ones each
    // keep their classes and id (without it ProseMirror merges them into one element).
    // role=mark and a description tell a screen reader what the words are marked as.
    {
      nodeName: 'span',
      class: annotationClasses(record, selected).join(' '),
      'data-ann-id': record.id,
      role: 'mark',
      'aria-description': annotationLabel(record, (id) => set.live.get(id) ?? set.orphans.get(id))
    },
    spec
  )
}

/** Quotes and claims whose label names one of these attributions (their speaker or source). */
function linkedTo(set: AnnotationSet, ids: ReadonlySet<string>, win: Region | null): string[] {
  const out: string[] = []
  for (const r of set.list()) {
    if (win && !touches(r, win)) continue
    if (r.kind === 'quote' && r.fields.speakerId && ids.has(r.fields.speakerId)) out.push(r.id)
  }
  return out
}

/** The painter's state: the decorations, and the part of the document they cover. */
interface Painted {
  decorations: DecorationSet
  /** Annotations touching it are drawn; null draws them all. */
  window: Region | null
  /** Annotations just tagged, not drawn as spans yet: the first-frame painter shows them. */
  pending: ReadonlySet<string>
  /** Annotations whose spans keep their old look (selected or not) until the flush. */
  restyle: ReadonlySet<string>
}

/** What the painter's meta says: move the window, or draw the pending annotations as spans. */
type PainterMeta = { window: Region } | { flush: true }

const NONE: ReadonlySet<string> = new Set()

/** At most this many annotations made by one transaction wait for their spans; more (accepting many suggestions) are drawn at once. */
const MAX_PENDING = 4

function build(set: AnnotationSet, doc: EditorState['doc'], win: Region | null): DecorationSet {
  const decorations: Decoration[] = []
  for (const r of set.list()) if (!win || touches(r, win)) decorations.push(decorationFor(r, r.id === set.selectedId, set))
  return DecorationSet.create(doc, decorations)
}

/** Annotations this transaction made (not brought back by undo or redo), when few enough to wait. */
function madeNow(tr: Transaction, before: AnnotationSet, after: AnnotationSet): ReadonlySet<string> {
  if (after === before || isHistoryTransaction(tr)) return NONE
  const made = new Set<string>()
  for (const id of after.touched) if (after.live.has(id) && !before.live.has(id) && !before.zombies.has(id)) made.add(id)
  return made.size <= MAX_PENDING ? made : NONE
}

function update(painted: Painted, tr: Transaction, before: AnnotationSet, after: AnnotationSet, firstFrame: boolean): Painted {
  const meta = tr.getMeta(decorationsKey) as PainterMeta | undefined
  if (meta && 'window' in meta) return { window: meta.window, decorations: build(after, tr.doc, meta.window), pending: NONE, restyle: NONE }
  // Undo and redo: the history merges its steps, and mapping the spans through them would
  // misplace them; the annotations follow their own record (undo-stack.ts), so draw afresh.
  if (tr.docChanged && isHistoryTransaction(tr)) {
    const win = painted.window ? { from: tr.mapping.map(painted.window.from, -1), to: tr.mapping.map(painted.window.to, 1) } : null
    return { window: win, decorations: build(after, tr.doc, win), pending: NONE, restyle: NONE }
  }
  // Text dropped onto itself leaves every span where it was: mapped through the deletion and
  // insertion it is made of, the spans on those words would be lost.
  const moved = tr.docChanged && !leavesDocumentEqual(tr)
  const mapping = effectiveMapping(tr)
  const win = painted.window && moved ? { from: mapping.map(painted.window.from, -1), to: mapping.map(painted.window.to, 1) } : painted.window
  let next = moved ? painted.decorations.map(mapping, tr.doc) : painted.decorations
  let pending = painted.pending
  let restyle = painted.restyle
  const fresh: Decoration[] = []
  const stale: Decoration[] = []
  const draw = (id: string): void => {
    const record = after.live.get(id)
    if (record && (!win || touches(record, win))) fresh.push(decorationFor(record, id === after.selectedId, after))
  }
  /** The span drawn for `id`, found where the annotation was before this transaction. */
  const undraw = (id: string, was: { from: number; to: number } | undefined): void => {
    if (!was) return
    const a = mapping.map(was.from, 1)
    const b = mapping.map(was.to, -1)
    stale.push(...next.find(Math.min(a, b), Math.max(a, b), (spec) => (spec as AnnotationDecorationSpec).annotationId === id))
  }
  if (meta && 'flush' in meta) {
    for (const id of pending) draw(id)
    for (const id of restyle) {
      undraw(id, after.live.get(id))
      draw(id)
    }
    pending = NONE
    restyle = NONE
  }
  if (after !== before && after.touched.size > 0) {
    const made = firstFrame ? madeNow(tr, before, after) : NONE
    if (made.size > 0) pending = new Set([...pending, ...made])
    let waiting: Set<string> | null = null
    // A changed attribution changes how the quotes it speaks for are described.
    const attributions = new Set([...after.touched].filter((id) => (after.live.get(id) ?? before.live.get(id))?.kind === 'attribution'))
    const touched = attributions.size ? new Set([...after.touched, ...linkedTo(after, attributions, win)]) : after.touched
    for (const id of touched) {
      if (pending.has(id)) continue
      const record = after.live.get(id)
      if (firstFrame && record && record === before.live.get(id)) {
        // Only whether it is selected changed: its span takes the new look at the flush.
        ;(waiting ??= new Set(restyle)).add(id)
        continue
      }
      undraw(id, before.live.get(id))
      draw(id)
      if (restyle.has(id)) (waiting ??= new Set(restyle)).delete(id)
    }
    if (waiting) restyle = waiting
  }
  if (stale.length > 0) next = removeDecorations(next, tr.doc, stale)
  if (fresh.length > 0) next = next.add(tr.doc, fresh)
  return next === painted.decorations && win === painted.window && pending === painted.pending && restyle === painted.restyle
    ? painted
    : { decorations: next, window: win, pending, restyle }
}

/** What the first-frame painter reads and dispatches (see `annotationDecorations`). */
export interface FirstFrameHooks {
  /** The annotations waiting to be drawn as spans (the painter shows them meanwhile). */
  pending(state: EditorState): ReadonlySet<string>
  /** Whether anything waits for the flush: spans to draw, or to restyle after a selection. */
  waiting(state: EditorState): boolean
  /** A transaction that draws and restyles them (kept out of the undo history). */
  flush(tr: Transaction): Transaction
}

/** Shows just-tagged annotations until their spans are drawn, and asks for the spans a frame later. */
export type FirstFramePainter = (view: EditorView, hooks: FirstFrameHooks) => PluginView

/** The hooks the first-frame painter is given (exported for tests: `flush` draws the pending spans). */
export const firstFrameHooks: FirstFrameHooks = {
  pending: (state) => decorationsKey.getState(state)?.pending ?? NONE,
  waiting: (state) => {
    const painted = decorationsKey.getState(state)
    return !!painted && painted.pending.size + painted.restyle.size > 0
  },
  flush: (tr) => tr.setMeta(decorationsKey, { flush: true } satisfies PainterMeta).setMeta('addToHistory', false)
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
 *
 * `firstFrame`: a just-tagged annotation (a few at a time, not one brought back by undo) gets
 * its span a frame later; until then `firstFrame`'s painter shows it (the app's draws it with
 * the CSS Custom Highlight API, which changes no element). A span wraps the tagged words in a
 * new element, so the browser lays the paragraph out again, ProseMirror puts the selection
 * back on the new text nodes, and Chromium re-reads the editor's whole text for the input
 * method twice (once for each end of the selection): about 5 ms of the tag key's frame on a
 * 20,000-word article. Drawn first without an element, the tag shows in the next frame and
 * that work follows in the one after. Likewise, an annotation whose only change is being
 * selected or not takes its new look at the flush: the details show first (the text scrolls
 * to the annotation a frame later anyway). Without a view (tests), flush with
 * `firstFrameHooks.flush`.
 */
export function annotationDecorations(options: { windowed?: boolean; firstFrame?: FirstFramePainter } = {}): Plugin<Painted> {
  const { windowed = false, firstFrame } = options
  return new Plugin<Painted>({
    key: decorationsKey,
    state: {
      init: (_, state) => {
        const set = annotationsKey.getState(state)
        const win = windowed ? firstWindow(state.doc) : null
        return { window: win, decorations: set ? build(set, state.doc, win) : DecorationSet.empty, pending: NONE, restyle: NONE }
      },
      apply(tr, painted, oldState, newState) {
        const before = annotationsKey.getState(oldState)
        const after = annotationsKey.getState(newState)
        if (!before || !after) return painted
        return update(painted, tr, before, after, firstFrame !== undefined)
      }
    },
    view: (view) => {
      const parts: PluginView[] = []
      if (windowed) parts.push(new WindowFollower(view, annotationWindow, setAnnotationWindow))
      if (firstFrame) parts.push(firstFrame(view, firstFrameHooks))
      return {
        update: (v, prev) => parts.forEach((p) => p.update?.(v, prev)),
        destroy: () => parts.forEach((p) => p.destroy?.())
      }
    },
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
  return tr.setMeta(decorationsKey, { window } satisfies PainterMeta).setMeta('addToHistory', false)
}
