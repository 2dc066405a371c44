import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type PluginView } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { ANNOTATION_KINDS, type ClaimStatus } from '../../../shared/domain'
import { readPendingDomChanges } from '../dom-sync'
import { afterNextFrame } from '../frame'
import { annotationClasses, annotationDecorations, type FirstFrameHooks, type FirstFramePainter } from './decorations'
import { annotationsKey } from './plugin'
import { followScreen, screenRegion, touches, type Region } from './screen'
import type { AnnotationSet } from './set'
import type { AnnotationRecord } from './types'

/**
 * Drawing annotations with the CSS Custom Highlight API: no element per annotation, so the
 * text's DOM stays what ProseMirror renders for the bare document. Each highlight class
 * (`cd-ann-claim`, `cd-ann-status-false`, `cd-ann-selected`, …) is one `Highlight` in
 * `CSS.highlights`, styled with `::highlight(<class>)`; each annotation is one live DOM
 * `Range`, in the highlights of its classes.
 *
 * Only the annotations in a window around what is on screen (half a screen above and below) are
 * in the highlights. Chromium takes every registered range out of its markers and puts it
 * back, and repaints all their text, at every change of the DOM or of style
 * (HighlightRegistry::ValidateHighlightMarkers): with all 2,000 annotations of a long article
 * registered that is ~20 ms of every keystroke's frame; with the window's hundred or so, ~1.
 * The window follows scrolling (once a frame) and edits.
 *
 * Ranges point into ProseMirror's DOM, so they are rebuilt whenever that DOM may have moved
 * under them, and only then:
 *   - annotations the transactions since the last update changed (`AnnotationSet.touched`:
 *     tagged, removed, retagged, fields, selection, revived);
 *   - annotations touching a textblock whose content changed (the document diff), or whose
 *     DOM ProseMirror rewrote for any other reason (another plugin's decorations): a
 *     MutationObserver on the editor tells which nodes changed, read synchronously at the
 *     end of each view update.
 * Everything else keeps its Range: ProseMirror reuses the DOM nodes of unchanged blocks
 * (the end-to-end tests check that typing leaves other paragraphs' text nodes alone).
 */

export type { Region }

/** Claim statuses with a style of their own; the others are drawn as a plain claim. */
const DRAWN_STATUSES: readonly ClaimStatus[] = ['true', 'mostly_true', 'misleading', 'false']

/**
 * The classes that get a Highlight: those styles.css draws with `::highlight()`. `cd-ann`
 * itself, and the statuses drawn as a plain claim (unchecked, in review, unverifiable), have
 * no style of their own, so they get none: every registered range costs every frame that
 * changes anything on the page (see above), drawn or not.
 */
export const HIGHLIGHT_NAMES: readonly string[] = [
  ...ANNOTATION_KINDS.map((k) => `cd-ann-${k}`),
  ...DRAWN_STATUSES.map((s) => `cd-ann-status-${s}`),
  'cd-ann-selected'
]
const HIGHLIGHTED = new Set(HIGHLIGHT_NAMES)

/**
 * Highlight priorities: where annotations overlap, higher paints over lower. Backgrounds are
 * translucent, so nested ones all show; a claim's status colours its underline over the kind's;
 * quotes and attributions (usually inside a claim) draw over claims; the selection is on top.
 */
export function highlightPriority(name: string): number {
  if (name === 'cd-ann-claim') return 1
  if (name.startsWith('cd-ann-status-')) return 2
  if (name === 'cd-ann-quote') return 3
  if (name === 'cd-ann-attribution') return 4
  if (name === 'cd-ann-selected') return 5
  return 0
}

/** The highlight names an annotation is painted in (those of its classes that have one). */
export function highlightNames(set: AnnotationSet, id: string): string[] {
  const record = set.live.get(id)
  if (!record) return []
  return annotationClasses(record, set.selectedId === id).filter((c) => HIGHLIGHTED.has(c))
}

/** Where ranges are made and painted: the DOM and `CSS.highlights` in the app, a fake in tests. */
export interface HighlightTarget<R> {
  /** A range over the document positions [from, to), or null when there is no DOM for them. */
  range(from: number, to: number): R | null
  add(name: string, range: R): void
  remove(name: string, range: R): void
  /** A range that is painted no more (in no highlight): it may be reused. */
  release?(range: R): void
}

interface Painted<R> {
  range: R
  names: readonly string[]
}

/**
 * The painter's bookkeeping, free of the DOM: which annotations are painted (those touching
 * the window), with which Range and in which highlights. Ranges are made only in `repaint`
 * and `setWindow`.
 */
export class HighlightBook<R> {
  private readonly painted = new Map<string, Painted<R>>()
  /** The painted part of the document; null paints everything. */
  private win: Region | null = null
  /** Ranges made since the book was created (for tests and measurements). */
  made = 0

  constructor(private readonly target: HighlightTarget<R>) {}

  /** How many annotations are painted. */
  get size(): number {
    return this.painted.size
  }

  get window(): Region | null {
    return this.win
  }

  /** The painted annotations' ids. */
  ids(): IterableIterator<string> {
    return this.painted.keys()
  }

  /** The painted range of an annotation. */
  rangeOf(id: string): R | undefined {
    return this.painted.get(id)?.range
  }

  /** The highlights an annotation is painted in. */
  namesOf(id: string): readonly string[] {
    return this.painted.get(id)?.names ?? []
  }

  /** Paints every live annotation in the window afresh. */
  reset(set: AnnotationSet): void {
    this.clear()
    this.repaint(set, set.live.keys())
  }

  /** Removes every range from every highlight. */
  clear(): void {
    for (const [, p] of this.painted) {
      for (const name of p.names) this.target.remove(name, p.range)
      this.target.release?.(p.range)
    }
    this.painted.clear()
  }

  /**
   * Moves the window: paints the annotations that came into it, unpaints those that left.
   * Annotations that stay keep their ranges.
   */
  setWindow(set: AnnotationSet, win: Region | null): void {
    this.win = win
    const enter: string[] = []
    for (const r of set.live.values()) if ((!win || touches(r, win)) && !this.painted.has(r.id)) enter.push(r.id)
    const leave: string[] = []
    for (const id of this.painted.keys()) {
      const r = set.live.get(id)
      if (!r || (win && !touches(r, win))) leave.push(id)
    }
    this.repaint(set, leave)
    this.repaint(set, enter)
  }

  /** The painted annotations that touch one of `regions` (positions in `set`'s document). */
  paintedIn(set: AnnotationSet, regions: readonly Region[]): Set<string> {
    const ids = new Set<string>()
    if (regions.length === 0) return ids
    for (const id of this.painted.keys()) {
      const r = set.live.get(id)
      if (!r || regions.some((g) => touches(r, g))) ids.add(id)
    }
    return ids
  }

  /** Moves the window's ends with an edit (`map` takes old positions to new ones). */
  mapWindow(map: (pos: number) => number): void {
    if (this.win) this.win = { from: map(this.win.from), to: map(this.win.to) }
  }

  /**
   * Makes the ranges of `ids` again from `set`: unpaints those no longer live or outside the
   * window. Returns how many ranges were made.
   */
  repaint(set: AnnotationSet, ids: Iterable<string>): number {
    let made = 0
    for (const id of ids) {
      const old = this.painted.get(id)
      if (old) {
        for (const name of old.names) this.target.remove(name, old.range)
        this.target.release?.(old.range)
        this.painted.delete(id)
      }
      const record = set.live.get(id)
      if (!record || (this.win && !touches(record, this.win))) continue
      const range = this.target.range(record.from, record.to)
      if (!range) continue
      made++
      const names = highlightNames(set, id)
      for (const name of names) this.target.add(name, range)
      this.painted.set(id, { range, names })
    }
    this.made += made
    return made
  }
}

/** Widens [from, to] in `doc` to whole textblocks at either end (ProseMirror redraws a textblock's content as one). */
export function widenToTextblocks(doc: Node, from: number, to: number): Region {
  const size = doc.content.size
  const a = doc.resolve(Math.max(0, Math.min(from, size)))
  const b = doc.resolve(Math.max(0, Math.min(to, size)))
  return {
    from: a.parent.inlineContent ? a.start() : a.pos,
    to: b.parent.inlineContent ? b.end() : b.pos
  }
}

/** Where two documents differ: [start, endA) in the old one became [start, endB) in the new one. */
export interface DocDiff {
  start: number
  endA: number
  endB: number
}

/**
 * How `after` differs from `before`, or null when they are the same. Unchanged nodes are
 * shared between the two documents, so this costs about one comparison per top-level block.
 */
export function docDiff(before: Node, after: Node): DocDiff | null {
  if (before === after) return null
  const start = before.content.findDiffStart(after.content)
  if (start === null) return null
  const end = before.content.findDiffEnd(after.content) ?? { a: before.content.size, b: after.content.size }
  // With repeated text the common end can overlap the common start ("aa" → "aaa").
  const overlap = Math.max(0, start - Math.min(end.a, end.b))
  return { start, endA: end.a + overlap, endB: end.b + overlap }
}

/** Where a position of the old document is in the new one (inside the change: clamped to it). */
export function mapThroughDiff(diff: DocDiff, pos: number): number {
  if (pos <= diff.start) return pos
  if (pos >= diff.endA) return pos + (diff.endB - diff.endA)
  return Math.min(pos, diff.endB)
}

/** The changes the painter has not drawn yet: the ids touched since the last painted state. */
interface Changes {
  readonly serial: number
  /** The serial of the painted Changes these follow; -1 from the start (paint everything). */
  readonly since: number
  readonly touched: ReadonlySet<string>
}

const highlightsKey = new PluginKey<Changes>('copydeskAnnotationHighlights')
/** Changes a view has painted: the next transaction starts a new collection after them. */
const paintedChanges = new WeakSet<Changes>()
let serials = 0
const NOTHING: ReadonlySet<string> = new Set()

function collect(prev: Changes, before: AnnotationSet | undefined, after: AnnotationSet | undefined): Changes {
  const touched = after && after !== before ? after.touched : NOTHING
  if (paintedChanges.has(prev)) return { serial: ++serials, since: prev.serial, touched }
  if (touched.size === 0) return prev
  const union = new Set(prev.touched)
  for (const id of touched) union.add(id)
  return { serial: ++serials, since: prev.since, touched: union }
}

/** What a browser has of the Highlight API (absent in Node and older browsers). */
interface HighlightApi {
  registry: Map<string, Set<AbstractRange> & { priority: number }>
  make: () => Set<AbstractRange> & { priority: number }
}

function highlightApi(): HighlightApi | null {
  const css = (globalThis as { CSS?: { highlights?: unknown } }).CSS
  const Ctor = (globalThis as { Highlight?: new () => Set<AbstractRange> & { priority: number } }).Highlight
  if (!css?.highlights || !Ctor) return null
  return { registry: css.highlights as HighlightApi['registry'], make: () => new Ctor() }
}

/** Whether this browser can draw annotations with the CSS Custom Highlight API. */
export function highlightsSupported(): boolean {
  return highlightApi() !== null
}

class HighlightsView {
  readonly book: HighlightBook<Range>
  private readonly observer: MutationObserver
  private readonly highlights = new Map<string, Set<AbstractRange>>()
  /**
   * Ranges painted no more, to be pointed elsewhere rather than dropped. The document keeps
   * every live Range up to date on every DOM change until it is garbage-collected, so
   * thousands of dropped ones make each node removed, anywhere on the page, cost
   * milliseconds; reused, there are never more than the window has needed at once.
   */
  private readonly spare: Range[] = []
  private last: Changes
  private lastDoc: Node
  /** Moves the window to what is on screen, once a frame at most. */
  private readonly follower = followScreen(() => {
    const set = annotationsKey.getState(this.view.state)
    if (set && !this.view.isDestroyed) this.book.setWindow(set, screenRegion(this.view, 0.5))
  })

  constructor(
    private readonly view: EditorView,
    private readonly api: HighlightApi
  ) {
    // Several editors on one page share the highlights; each adds and removes its own ranges.
    for (const name of HIGHLIGHT_NAMES) this.highlights.set(name, registered(api, name))
    this.book = new HighlightBook<Range>({
      range: (from, to) => this.rangeAt(from, to),
      add: (name, range) => this.highlights.get(name)?.add(range),
      remove: (name, range) => this.highlights.get(name)?.delete(range),
      release: (range) => void this.spare.push(range)
    })
    this.observer = new MutationObserver((records) => this.afterMutations(records))
    this.observer.observe(view.dom, { childList: true, characterData: true, subtree: true })
    this.last = highlightsKey.getState(view.state)!
    this.lastDoc = view.state.doc
    paintedChanges.add(this.last)
    const set = annotationsKey.getState(view.state)
    if (set) this.book.setWindow(set, screenRegion(this.view, 0.5))
  }

  update(view: EditorView): void {
    const state = view.state
    const set = annotationsKey.getState(state)
    const changes = highlightsKey.getState(state)
    if (!set || !changes) return
    const records = this.observer.takeRecords()
    if (changes !== this.last && changes.since !== this.last.serial) {
      // Not a successor of what is painted (a state set from elsewhere): paint it all again.
      this.book.clear()
      this.book.setWindow(set, this.book.window)
      this.follower.schedule()
    } else {
      const diff = docDiff(this.lastDoc, state.doc)
      const regions: Region[] = []
      if (diff) {
        this.book.mapWindow((pos) => mapThroughDiff(diff, pos))
        regions.push(widenToTextblocks(state.doc, diff.start, diff.endB))
        // A big edit can bring text from beyond the window into view: measure in the next
        // frame. Typing cannot (the window reaches half a screen past the view).
        if (diff.endA - diff.start > 200 || diff.endB - diff.start > 200) this.follower.schedule()
      }
      const ids = this.regionsOf(records, regions) ? new Set(this.book.ids()) : this.book.paintedIn(set, regions)
      if (changes !== this.last) for (const id of changes.touched) ids.add(id)
      if (ids.size > 0) this.book.repaint(set, ids)
    }
    this.last = changes
    this.lastDoc = state.doc
    paintedChanges.add(changes)
  }

  destroy(): void {
    this.follower.stop()
    this.observer.disconnect()
    this.book.clear()
    for (const [name, h] of this.highlights) if (h.size === 0 && this.api.registry.get(name) === h) this.api.registry.delete(name)
  }

  /** DOM changes outside a view update (rare: the browser or an extension touching the text). */
  private afterMutations(records: MutationRecord[]): void {
    const set = annotationsKey.getState(this.view.state)
    if (!set) return
    const regions: Region[] = []
    const ids = this.regionsOf(records, regions) ? new Set(this.book.ids()) : this.book.paintedIn(set, regions)
    if (ids.size > 0) this.book.repaint(set, ids)
  }

  /**
   * Adds the document regions whose DOM the records say changed: the top-level blocks
   * holding the changed nodes. Returns true when so many blocks changed (another plugin
   * redecorating the whole text) that repainting the window is simpler.
   */
  private regionsOf(records: MutationRecord[], out: Region[]): boolean {
    if (records.length === 0) return false
    const root = this.view.dom
    const blocks = new Set<globalThis.Node>()
    const note = (node: globalThis.Node | null): void => {
      while (node && node.parentNode !== root) node = node.parentNode
      if (node) blocks.add(node)
    }
    for (const r of records) {
      if (r.target !== root) note(r.target)
      else {
        // The editor's own children changed: the blocks added, and where removed ones were.
        r.addedNodes.forEach((n) => note(n))
        note(r.previousSibling)
        note(r.nextSibling)
      }
    }
    if (blocks.size > 16) return true
    const doc = this.view.state.doc
    for (const block of blocks) {
      try {
        const from = this.view.posAtDOM(block, 0, -1)
        const to = this.view.posAtDOM(block, block.nodeType === 3 ? (block as Text).length : block.childNodes.length, 1)
        out.push(widenToTextblocks(doc, Math.min(from, to), Math.max(from, to)))
      } catch {
        // A node ProseMirror does not know (yet): the next update reads the DOM again.
      }
    }
    return false
  }

  /** A live DOM Range over [from, to) (a spare one where there is one). */
  private rangeAt(from: number, to: number): Range | null {
    const spare = this.spare.pop()
    const range = domRange(this.view, from, to, spare)
    if (!range && spare) this.spare.push(spare)
    return range
  }
}

/** A live DOM Range over the document positions [from, to), its ends inside the text nodes where the text allows; null when the DOM has no place for them. */
function domRange(view: EditorView, from: number, to: number, reuse?: Range): Range | null {
  try {
    const start = view.domAtPos(from, 1)
    const end = view.domAtPos(to, -1)
    const range = reuse ?? document.createRange()
    range.setStart(start.node, start.offset)
    range.setEnd(end.node, end.offset)
    return range
  } catch {
    return null
  }
}

/** The Highlight for a class in the registry, made (with its priority) if absent. */
function registered(api: HighlightApi, name: string): Set<AbstractRange> {
  let h = api.registry.get(name)
  if (!h) {
    h = api.make()
    h.priority = highlightPriority(name)
    api.registry.set(name, h)
  }
  return h
}

/**
 * The decorations painter's first-frame painter (see `annotationDecorations`): shows each
 * just-tagged annotation with the Highlight API, in its kind's (and status's) highlight, until
 * its span is drawn, which it asks for once the frame showing the highlight is painted.
 */
class FirstFrameHighlights implements PluginView {
  private readonly shown = new Map<string, { record: AnnotationRecord; range: Range; names: readonly string[] }>()
  private asked = false

  constructor(
    private readonly view: EditorView,
    private readonly hooks: FirstFrameHooks,
    private readonly api: HighlightApi
  ) {}

  update(view: EditorView): void {
    const pending = this.hooks.pending(view.state)
    const set = annotationsKey.getState(view.state)
    for (const [id, shown] of this.shown) {
      if (pending.has(id) && set?.live.get(id) === shown.record) continue
      this.unpaint(shown.range, shown.names)
      this.shown.delete(id)
    }
    if (!this.hooks.waiting(view.state)) return
    if (set) for (const id of pending) this.show(set, id)
    if (this.asked) return
    this.asked = true
    afterNextFrame(() => {
      this.asked = false
      const v = this.view
      if (v.isDestroyed || !this.hooks.waiting(v.state)) return
      // The flush redraws text: first read a selection the browser has just moved.
      readPendingDomChanges(v)
      v.dispatch(this.hooks.flush(v.state.tr))
    })
  }

  destroy(): void {
    for (const shown of this.shown.values()) this.unpaint(shown.range, shown.names)
    this.shown.clear()
  }

  private show(set: AnnotationSet, id: string): void {
    const record = set.live.get(id)
    if (!record || this.shown.has(id)) return
    const range = domRange(this.view, record.from, record.to)
    if (!range) return
    // The kind and status only: the selection's own look comes with the span.
    const names = highlightNames(set, id).filter((n) => n !== 'cd-ann-selected')
    for (const name of names) registered(this.api, name).add(range)
    this.shown.set(id, { record, range, names })
  }

  private unpaint(range: Range, names: readonly string[]): void {
    for (const name of names) {
      const h = this.api.registry.get(name)
      h?.delete(range)
      if (h && h.size === 0) this.api.registry.delete(name)
    }
  }
}

/** The first-frame painter for the decorations painter, where the browser has the Highlight API. */
export function firstFrameHighlights(): FirstFramePainter | undefined {
  const api = highlightApi()
  return api ? (view, hooks) => new FirstFrameHighlights(view, hooks, api) : undefined
}

/**
 * Draws annotations with the CSS Custom Highlight API (see the top of this file). Needs the
 * `annotations` plugin before it, and a browser with `CSS.highlights`; without one it draws
 * nothing (use `annotationPainter`, which falls back to decorations).
 */
export function annotationHighlights(): Plugin<Changes> {
  return new Plugin<Changes>({
    key: highlightsKey,
    state: {
      init: () => ({ serial: ++serials, since: -1, touched: NOTHING }),
      apply: (_tr, prev, oldState, newState) => collect(prev, annotationsKey.getState(oldState), annotationsKey.getState(newState))
    },
    view: (view) => {
      const api = highlightApi()
      return api ? new HighlightsView(view, api) : {}
    }
  })
}

export type PainterMode = 'auto' | 'highlights' | 'decorations'

/**
 * The annotation painter: `decorations` (one inline <span> per annotation, for the
 * annotations within a screen or so of the view), `highlights` (CSS Custom Highlight API, no
 * DOM per annotation), or `auto`, which is `decorations`. Both draw the same classes; see
 * styles.css. Spans win on speed: Chromium rebuilds and repaints every registered highlight
 * range at each frame in which anything on the page changed (a caret move, a row in the side
 * panel), ~9 ms a frame for a window's worth on the bench, where a span costs nothing unless
 * its own text changes. The spans painter shows a just-tagged annotation's first frame with
 * the Highlight API (one or two ranges, for one frame) where the browser has it.
 */
export function annotationPainter(options: { mode?: PainterMode } = {}): Plugin {
  const mode = options.mode ?? 'auto'
  return mode === 'highlights' && highlightsSupported() ? annotationHighlights() : annotationDecorations({ windowed: true, firstFrame: firstFrameHighlights() })
}
