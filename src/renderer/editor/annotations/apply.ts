import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import type { StepMap } from 'prosemirror-transform'
import { isHistoryTransaction } from 'prosemirror-history'
import { reanchor } from '../../../shared/anchor'
import { offsetToPos, posToOffset, projectDoc, type Projection } from '../../../shared/text'
import { leavesDocumentEqual, stepChange } from '../step-change'
import { quoteAt, textBetween } from './quote'
import { LiveRecords } from './live'
import { MoveTracker } from './moves'
import { AnnotationSet } from './set'
import { AnnotationStep } from './step'
import type { AnnotationRecord } from './types'

/** Plugin metadata for UI-only changes (never in history). */
export type AnnotationAction = { type: 'select'; id: string | null }

interface Window {
  from: number
  to: number
}

/**
 * The plugin's reducer. Walks the transaction's steps in order: an `AnnotationStep` changes
 * one annotation, any other step moves every range through its map (text typed at a
 * boundary stays outside, typed inside stretches it). An annotation whose text is all
 * deleted is kept hidden; when undo or redo puts its text back, it is revived on its quote.
 * Words the transaction deletes and inserts again (a drag and drop) keep their annotations,
 * and a transaction that leaves the document as it was moves nothing.
 */
export function applyTransaction(set: AnnotationSet, tr: Transaction, action?: AnnotationAction): AnnotationSet {
  if (!tr.docChanged && !action) return set
  const draft = new Draft(set)
  // Text dropped onto itself, or the same words pasted over themselves: nothing moved.
  const unchanged = leavesDocumentEqual(tr)
  // Undo and redo may put back text an annotation lost: follow where it goes, widely.
  const windows = tr.docChanged && !unchanged && isHistoryTransaction(tr) ? draft.revivalWindows() : null
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]
    if (step instanceof AnnotationStep) {
      draft.change(step, tr.docs[i])
      windows?.delete(step.id)
      continue
    }
    if (unchanged) continue
    const map = step.getMap()
    draft.mapZombies(map)
    draft.mapLive(map, tr.docs[i], i + 1 < tr.docs.length ? tr.docs[i + 1] : tr.doc)
    if (windows) for (const w of windows.values()) widen(w, map)
  }
  draft.followMoves(tr.doc)
  if (windows && windows.size > 0) draft.revive(windows, tr.doc)
  if (action) draft.select(action.id)
  return draft.finish()
}

/** The live annotations as the draft reads them: the set's list, or the draft's own copy once it wrote. */
interface LiveView {
  get(id: string): AnnotationRecord | undefined
  has(id: string): boolean
  values(): Iterable<AnnotationRecord>
}

/** Copy-on-write working copy of an AnnotationSet during one transaction. */
class Draft {
  /** The live annotations after the steps so far, while only typed keys moved them. */
  private liveRecords: LiveRecords
  /** A writable copy, made at the first change that is not a key's move. */
  private live: Map<string, AnnotationRecord> | null = null
  private zombies: Map<string, AnnotationRecord> | null = null
  private orphans: Map<string, AnnotationRecord> | null = null
  private clipped: Set<string> | null = null
  private selectedId: string | null
  private version: number
  private readonly touched = new Set<string>()
  private moved = false
  /** Words deleted and inserted again in this transaction (see MoveTracker). */
  private readonly moves = new MoveTracker()

  constructor(private readonly base: AnnotationSet) {
    this.liveRecords = base.live
    this.selectedId = base.selectedId
    this.version = base.version
  }

  private get liveMap(): LiveView {
    return this.live ?? this.liveRecords
  }
  private get zombieMap(): ReadonlyMap<string, AnnotationRecord> {
    return this.zombies ?? this.base.zombies
  }
  private get clippedSet(): ReadonlySet<string> {
    return this.clipped ?? this.base.clipped
  }
  private writeLive(): Map<string, AnnotationRecord> {
    return (this.live ??= new Map(this.liveRecords.list().map((r) => [r.id, r])))
  }
  private writeZombies(): Map<string, AnnotationRecord> {
    return (this.zombies ??= new Map(this.base.zombies))
  }
  private writeOrphans(): Map<string, AnnotationRecord> {
    return (this.orphans ??= new Map(this.base.orphans))
  }
  private writeClipped(): Set<string> {
    return (this.clipped ??= new Set(this.base.clipped))
  }

  /** A changed annotation: its listing, data or drawing changed, not only its position. */
  private changed(id: string): void {
    this.touched.add(id)
    this.version = this.base.version + 1
  }

  /** Applies one AnnotationStep. Data changes keep the live range; positions come from the step only when placing. */
  change(step: AnnotationStep, doc: Node): void {
    const { after } = step
    const id = step.id
    if (!after) return this.remove(id)
    const current = this.liveMap.get(id) ?? this.zombieMap.get(id)
    if (after.placement === 'orphaned') {
      this.remove(id)
      this.writeOrphans().set(id, after)
    } else if (!current) {
      if (this.base.orphans.has(id) || this.orphans?.has(id)) this.writeOrphans().delete(id)
      this.place(after, doc)
    } else {
      const kept: AnnotationRecord = {
        ...after,
        from: current.from,
        to: current.to,
        exact: current.exact,
        prefix: current.prefix,
        suffix: current.suffix
      }
      if (this.liveMap.has(id)) this.writeLive().set(id, kept)
      else this.writeZombies().set(id, kept)
    }
    this.changed(id)
  }

  private remove(id: string): void {
    if (this.liveMap.has(id)) this.writeLive().delete(id)
    if (this.zombieMap.has(id)) this.writeZombies().delete(id)
    if ((this.orphans ?? this.base.orphans).has(id)) this.writeOrphans().delete(id)
    if (this.clippedSet.has(id)) this.writeClipped().delete(id)
    if (this.selectedId === id) this.selectedId = null
    this.changed(id)
  }

  private place(record: AnnotationRecord, doc: Node): void {
    const size = doc.content.size
    const from = Math.max(0, Math.min(record.from, size))
    const to = Math.max(0, Math.min(record.to, size))
    if (from < to && /\S/.test(textBetween(doc, from, to))) {
      this.writeLive().set(record.id, { ...record, from, to })
    } else {
      this.writeZombies().set(record.id, { ...record, from: Math.min(from, to), to: Math.max(from, to) })
    }
  }

  mapZombies(map: StepMap): void {
    for (const [id, z] of this.zombieMap) {
      const a = map.map(z.from, 1)
      const b = map.map(z.to, -1)
      const from = Math.min(a, b)
      const to = Math.max(a, b)
      if (from !== z.from || to !== z.to) this.writeZombies().set(id, { ...z, from, to })
    }
  }

  mapLive(map: StepMap, before: Node, after: Node): void {
    // A key typed changes one place: every range wholly before it stays, every range wholly
    // after it moves by the same amount. Only ranges touching it need the map (with 2,000
    // annotations, mapping each one's ends was most of the work of a key), and while no
    // step took words from one, the list moves them without a new record each.
    if (!this.live) {
      const next = this.liveRecords.afterStep(map, (r, from, to) => fate(map, r, from, to, after) === 'kept')
      if (next) {
        if (next !== this.liveRecords) this.moved = true
        this.liveRecords = next
        return
      }
    }
    const { from: lo, to: hi, shift } = stepChange(map)
    for (const r of this.liveMap.values()) {
      if (r.to < lo) continue
      const id = r.id
      if (r.from > hi) {
        this.moved = true
        this.writeLive().set(id, { ...r, from: r.from + shift, to: r.to + shift })
        continue
      }
      const from = map.map(r.from, 1)
      const to = map.map(r.to, -1)
      if (from === r.from && to === r.to) continue
      this.moved = true
      const what = fate(map, r, from, to, after)
      if (what === 'kept') {
        this.writeLive().set(id, { ...r, from, to })
        continue
      }
      // Remember the text as it was before this edit: undo will put it back.
      const oldText = textBetween(before, r.from, r.to)
      const keepOlder = this.clippedSet.has(id) && r.exact.includes(oldText)
      const quote = keepOlder ? { exact: r.exact, prefix: r.prefix, suffix: r.suffix } : quoteAt(before, r.from, r.to)
      if (what === 'emptied') {
        this.moves.cut(before, map, { id, from: r.from, to: r.to, selected: this.selectedId === id })
        this.writeLive().delete(id)
        if (this.clippedSet.has(id)) this.writeClipped().delete(id)
        // Keep whatever replaced the text as the place to look when undo puts it back.
        const wideFrom = map.map(r.from, -1)
        const wideTo = map.map(r.to, 1)
        this.writeZombies().set(id, { ...r, ...quote, from: Math.min(wideFrom, wideTo), to: Math.max(wideFrom, wideTo) })
        if (this.selectedId === id) this.selectedId = null
        this.changed(id)
      } else {
        this.writeLive().set(id, { ...r, ...quote, from, to })
        this.writeClipped().add(id)
      }
    }
    // Once a step has emptied an annotation, it and later steps may insert its words again.
    if (this.moves.active) this.moves.step(map)
  }

  /** Puts annotations whose words this transaction deleted and inserted again (a drop) on those words. */
  followMoves(doc: Node): void {
    if (!this.moves.active) return
    const { places, selected } = this.moves.moved(doc)
    for (const [id, place] of places) {
      const z = this.zombieMap.get(id)
      if (!z || place.from >= place.to || textBetween(doc, place.from, place.to) !== z.exact) continue
      this.writeZombies().delete(id)
      this.writeLive().set(id, { ...z, ...quoteAt(doc, place.from, place.to), from: place.from, to: place.to })
      if (selected === id && this.selectedId === null) this.selectedId = id
      this.changed(id)
    }
  }

  /** Where hidden and clipped annotations' text might come back, at the start of an undo or redo. */
  revivalWindows(): Map<string, Window> {
    const windows = new Map<string, Window>()
    for (const z of this.zombieMap.values()) windows.set(z.id, { from: z.from, to: z.to })
    for (const id of this.clippedSet) {
      const r = this.liveMap.get(id)
      if (r) windows.set(id, { from: r.from, to: r.to })
    }
    return windows
  }

  /** After an undo or redo: revive hidden annotations, and stretch clipped ones, over their quote. */
  revive(windows: Map<string, Window>, doc: Node): void {
    let projection: Projection | null = null
    for (const [id, w] of windows) {
      const zombie = this.zombieMap.get(id)
      const r = zombie ?? this.liveMap.get(id)
      if (!r) continue
      const from = Math.min(w.from, r.from)
      const to = Math.max(w.to, r.to)
      if (from >= to || (!zombie && from === r.from && to === r.to)) continue
      const text = textBetween(doc, from, to)
      let range: Window | null = null
      let whole = false
      if (text.includes(r.exact)) {
        projection ??= projectDoc(doc)
        const lo = posToOffset(projection, from)
        const hi = posToOffset(projection, to)
        const hint = zombie ? lo : posToOffset(projection, r.from)
        const found = reanchor(
          projection.text,
          { start: hint, end: hint + r.exact.length, exact: r.exact, prefix: r.prefix, suffix: r.suffix },
          { within: { start: lo, end: hi }, fuzzy: false }
        )
        if (found.how !== 'orphaned') {
          range = { from: offsetToPos(projection, found.start, 1), to: offsetToPos(projection, found.end, -1) }
          whole = true
        }
      } else if (/\S/.test(text) && r.exact.includes(text)) {
        // Part of the lost text came back (undo of some of the keystrokes that removed it).
        range = { from, to }
      } else if (!zombie) {
        // Some of a clipped annotation's words came back with others around them (undoing one
        // of two deletions that each took some): stretch it over those that are its own.
        projection ??= projectDoc(doc)
        range = regrow(projection, r, { from, to })
      }
      if (!range || range.from >= range.to || (range.from === r.from && range.to === r.to && !zombie)) continue
      if (zombie) this.writeZombies().delete(id)
      this.writeLive().set(id, { ...r, from: range.from, to: range.to })
      if (whole) {
        if (this.clippedSet.has(id)) this.writeClipped().delete(id)
      } else if (!this.clippedSet.has(id)) {
        this.writeClipped().add(id)
      }
      if (zombie) this.changed(id)
      else this.touched.add(id)
    }
  }

  select(id: string | null): void {
    if (id === this.selectedId) return
    if (id !== null && !this.liveMap.has(id) && !(this.orphans ?? this.base.orphans).has(id)) {
      throw new RangeError(`No annotation ${id} to select`)
    }
    if (this.selectedId) this.touched.add(this.selectedId)
    if (id) this.touched.add(id)
    this.selectedId = id
  }

  finish(): AnnotationSet {
    const base = this.base
    if (!this.moved && this.touched.size === 0 && !this.live && this.liveRecords === base.live && !this.zombies && !this.orphans && !this.clipped) {
      return base
    }
    return new AnnotationSet(
      this.live ? LiveRecords.of(this.live.values()) : this.liveRecords,
      this.zombies ?? base.zombies,
      this.orphans ?? base.orphans,
      this.clipped ?? base.clipped,
      this.selectedId,
      this.version,
      this.touched
    )
  }
}

/**
 * What a step that touches an annotation did to it, given where it maps it: kept its words
 * (typed inside or at an edge), took some from an edge (clipped), or left none (emptied).
 */
function fate(map: StepMap, r: AnnotationRecord, from: number, to: number, after: Node): 'kept' | 'clipped' | 'emptied' {
  const shrunk = to - from < r.to - r.from
  if (from >= to || (shrunk && !/\S/.test(textBetween(after, from, to)))) return 'emptied'
  return shrunk && losesBoundary(map, r.from, r.to) ? 'clipped' : 'kept'
}

/** Whether the map deletes the first or the last character of [from, to). */
function losesBoundary(map: StepMap, from: number, to: number): boolean {
  let loses = false
  map.forEach((oldStart, oldEnd) => {
    if (oldEnd > oldStart && ((oldStart <= from && from < oldEnd) || (oldStart < to && to <= oldEnd))) loses = true
  })
  return loses
}

/**
 * Follows a window where an annotation's lost words may come back through a step, taking in
 * whatever the step puts in place of text the window touches: undoing a paste over an
 * annotation's last words replaces the pasted text with them, and a plain mapping would leave
 * the window's end before them.
 */
function widen(w: Window, map: StepMap): void {
  let from = map.map(w.from, -1)
  let to = map.map(w.to, 1)
  map.forEach((oldStart, oldEnd, newStart, newEnd) => {
    if (oldEnd > oldStart && oldStart <= w.to && oldEnd >= w.from) {
      from = Math.min(from, newStart)
      to = Math.max(to, newEnd)
    }
  })
  w.from = from
  w.to = to
}

/**
 * A clipped annotation stretched over the words of its quote that stand on either side of
 * what it still covers, within `w`; null when its remaining words are not in its quote.
 */
function regrow(p: Projection, r: AnnotationRecord, w: Window): Window | null {
  const lo = posToOffset(p, r.from)
  const hi = posToOffset(p, r.to)
  const at = r.exact.indexOf(p.text.slice(lo, hi))
  if (at < 0) return null
  const before = r.exact.slice(0, at)
  const after = r.exact.slice(at + hi - lo)
  const left = p.text.slice(posToOffset(p, w.from), lo)
  const right = p.text.slice(hi, posToOffset(p, w.to))
  let back = 0
  while (back < before.length && back < left.length && before[before.length - 1 - back] === left[left.length - 1 - back]) back++
  let ahead = 0
  while (ahead < after.length && ahead < right.length && after[ahead] === right[ahead]) ahead++
  if (!back && !ahead) return null
  return { from: offsetToPos(p, lo - back, 1), to: offsetToPos(p, hi + ahead, -1) }
}
