import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import type { StepMap } from 'prosemirror-transform'
import { isHistoryTransaction } from 'prosemirror-history'
import { reanchor } from '../../../shared/anchor'
import { offsetToPos, posToOffset, projectDoc, type Projection } from '../../../shared/text'
import { leavesDocumentEqual, stepChange, stepLeavesDocumentEqual } from '../step-change'
import { quoteAt, textBetween } from './quote'
import { LiveRecords } from './live'
import { MoveTracker } from './moves'
import { AnnotationSet } from './set'
import { AnnotationStep } from './step'
import { backToEventStart, follow, historyMove, nextStacks, type Depths, type EventRecord, type HistoryMove, type Prior, type Snapshot } from './undo-stack'
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
export function applyTransaction(set: AnnotationSet, tr: Transaction, action?: AnnotationAction, depths?: Depths): AnnotationSet {
  if (!tr.docChanged && !action) return set
  const move: HistoryMove = depths ? historyMove(tr, depths) : 'none'
  // An undo or redo puts back what the event changed, as remembered (see undo-stack.ts).
  const exact = move === 'undo' ? set.stacks.undo[set.stacks.undo.length - 1] : move === 'redo' ? set.stacks.redo[set.stacks.redo.length - 1] : undefined
  const draft = new Draft(set, move)
  if (exact) {
    // The history's merged steps lose where words went: annotations follow the event's own
    // maps instead, and those it changed are put back as they were.
    for (let i = 0; i < tr.steps.length; i++) {
      const step = tr.steps[i]
      if (step instanceof AnnotationStep) draft.change(step, tr.docs[i])
    }
    draft.follow(exact, move === 'undo')
  } else {
    // Text dropped onto itself, or the same words pasted over themselves: nothing moved.
    const unchanged = leavesDocumentEqual(tr)
    // Without a record of the event (an undo of an edit made before this editor kept one), undo
    // and redo may put back text an annotation lost: follow where it goes, widely.
    const guess = tr.docChanged && !unchanged && isHistoryTransaction(tr)
    const windows = guess ? draft.revivalWindows() : null
    if (guess) draft.followInsertions()
    for (let i = 0; i < tr.steps.length; i++) {
      const step = tr.steps[i]
      if (step instanceof AnnotationStep) {
        draft.change(step, tr.docs[i])
        windows?.delete(step.id)
        continue
      }
      if (unchanged || stepLeavesDocumentEqual(tr, i)) continue
      const map = step.getMap()
      draft.mapZombies(map)
      draft.mapLive(map, tr.docs[i], i + 1 < tr.docs.length ? tr.docs[i + 1] : tr.doc)
      if (windows) for (const w of windows.values()) widen(w, map)
    }
    draft.followMoves(tr.doc)
    if (windows && windows.size > 0) draft.revive(windows, tr.doc)
    if (guess) draft.reviveInInsertions(tr.doc)
  }
  const counterpart = exact ? draft.restore(exact.priors, tr.doc) : null
  if (action) draft.select(action.id)
  return draft.finish(depths && move !== 'none' ? (stacks) => nextStacks(stacks, move, tr, depths, draft.recorded, counterpart) : null)
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

  /** The annotations this transaction changed, as they were before the event it belongs to (see undo-stack.ts). */
  readonly recorded = new Map<string, Prior>()

  constructor(
    private readonly base: AnnotationSet,
    private readonly move: HistoryMove = 'none'
  ) {
    this.liveRecords = base.live
    this.selectedId = base.selectedId
    this.version = base.version
  }

  /** Remembers how an annotation was before the current event, the first time the event changes it. */
  private note(id: string): void {
    if ((this.move !== 'new' && this.move !== 'grouped') || this.recorded.has(id)) return
    const top = this.base.stacks.undo[this.base.stacks.undo.length - 1]
    this.recorded.set(id, backToEventStart(priorIn(this.base, id), this.move === 'grouped' && top ? top.maps : []))
  }

  /**
   * Moves every annotation an undone (or redone) event did not change back (or forward)
   * through the event's maps: those it changed are put back by `restore`.
   */
  follow(event: EventRecord, back: boolean): void {
    if (!event.maps.length) return
    const inverted = back ? event.maps.map((m) => m.invert()) : null
    for (const r of [...this.liveMap.values()]) {
      if (event.priors.has(r.id)) continue
      const from = follow(event.maps, inverted, r.from, 1)
      const to = follow(event.maps, inverted, r.to, -1)
      if (from === r.from && to === r.to) continue
      this.moved = true
      if (from < to) this.writeLive().set(r.id, { ...r, from, to })
      else {
        this.writeLive().delete(r.id)
        this.writeZombies().set(r.id, { ...r, from: Math.min(from, to), to: Math.max(from, to) })
        this.changed(r.id)
      }
    }
    for (const [id, z] of this.zombieMap) {
      if (event.priors.has(id)) continue
      const a = follow(event.maps, inverted, z.from, 1)
      const b = follow(event.maps, inverted, z.to, -1)
      if (a !== z.from || b !== z.to) this.writeZombies().set(id, { ...z, from: Math.min(a, b), to: Math.max(a, b) })
    }
  }

  /** Puts back the annotations an undo or redo undoes, as `snapshot` has them; returns how they were (for the other stack). */
  restore(snapshot: Snapshot, doc: Node): Snapshot {
    const counterpart = new Map<string, Prior>()
    const size = doc.content.size
    for (const [id, prior] of snapshot) {
      counterpart.set(id, priorIn(this.base, id))
      if (this.liveMap.has(id)) this.writeLive().delete(id)
      if (this.zombieMap.has(id)) this.writeZombies().delete(id)
      if ((this.orphans ?? this.base.orphans).has(id)) this.writeOrphans().delete(id)
      if (this.clippedSet.has(id)) this.writeClipped().delete(id)
      const r = prior.record
      if (prior.place === 'live' && r && 0 <= r.from && r.from < r.to && r.to <= size) {
        this.writeLive().set(id, r)
        if (prior.clipped) this.writeClipped().add(id)
      } else if ((prior.place === 'live' || prior.place === 'zombie') && r) {
        this.writeZombies().set(id, r)
      } else if (prior.place === 'orphan' && r) {
        this.writeOrphans().set(id, r)
      }
      if (prior.place !== 'live' && prior.place !== 'orphan' && this.selectedId === id) this.selectedId = null
      this.changed(id)
    }
    return counterpart
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
    this.note(id)
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
      const next = this.liveRecords.afterStep(map, (r, from, to) => {
        this.note(r.id)
        return fate(map, r, from, to, after) === 'kept'
      })
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
      this.note(id)
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

  /** Follows what every step inserts (see `reviveInInsertions`). */
  followInsertions(): void {
    this.moves.followAll()
  }

  /**
   * After an undo or redo: hidden annotations whose words it put back somewhere their window
   * did not follow (an edit grouped with others in one undo step can move them twice) are
   * revived on those words, the occurrence whose context fits best, exact matches only.
   */
  reviveInInsertions(doc: Node): void {
    const inserted = this.moves.insertions()
    if (!inserted.length) return
    // Words an undo puts back may come in several pieces: look across all of them.
    const span = { from: Math.min(...inserted.map((r) => r.from)), to: Math.max(...inserted.map((r) => r.to)) }
    const zombies = [...this.zombieMap.values()].filter((z) => this.base.zombies.has(z.id))
    const clipped = [...this.clippedSet].map((id) => this.liveMap.get(id)).filter((r): r is AnnotationRecord => !!r)
    if (!zombies.length && !clipped.length) return
    let projection: Projection | null = null
    for (const z of zombies) {
      const from = Math.min(span.from, z.from)
      const to = Math.max(span.to, z.to)
      if (!textBetween(doc, from, to).includes(z.exact)) continue
      projection ??= projectDoc(doc)
      const lo = posToOffset(projection, from)
      const hi = posToOffset(projection, to)
      const hint = posToOffset(projection, z.from)
      const found = reanchor(projection.text, { start: hint, end: hint + z.exact.length, exact: z.exact, prefix: z.prefix, suffix: z.suffix }, { within: { start: lo, end: hi }, fuzzy: false })
      if (found.how === 'orphaned') continue
      const a = offsetToPos(projection, found.start, 1)
      const b = offsetToPos(projection, found.end, -1)
      if (a >= b) continue
      this.writeZombies().delete(z.id)
      this.writeLive().set(z.id, { ...z, from: a, to: b })
      this.changed(z.id)
    }
    for (const r of clipped) {
      projection ??= projectDoc(doc)
      const range = regrow(projection, r, { from: Math.min(span.from, r.from), to: Math.max(span.to, r.to) })
      if (!range || (range.from === r.from && range.to === r.to)) continue
      this.writeLive().set(r.id, { ...r, from: range.from, to: range.to })
      if (textBetween(doc, range.from, range.to) === r.exact) this.writeClipped().delete(r.id)
      this.touched.add(r.id)
    }
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

  /** The new set; `stacks` (when the transaction is part of the history) gives its undo stacks. */
  finish(stacks: ((s: AnnotationSet['stacks']) => AnnotationSet['stacks']) | null): AnnotationSet {
    const base = this.base
    const nextStacks = stacks ? stacks(base.stacks) : base.stacks
    if (!this.moved && this.touched.size === 0 && !this.live && this.liveRecords === base.live && !this.zombies && !this.orphans && !this.clipped && nextStacks === base.stacks) {
      return base
    }
    return new AnnotationSet(
      this.live ? LiveRecords.of(this.live.values()) : this.liveRecords,
      this.zombies ?? base.zombies,
      this.orphans ?? base.orphans,
      this.clipped ?? base.clipped,
      this.selectedId,
      this.version,
      this.touched,
      nextStacks
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

/** Where an annotation is in a set, and how. */
function priorIn(set: AnnotationSet, id: string): Prior {
  const live = set.live.get(id)
  if (live) return { place: 'live', record: live, clipped: set.clipped.has(id) }
  const zombie = set.zombies.get(id)
  if (zombie) return { place: 'zombie', record: zombie, clipped: false }
  const orphan = set.orphans.get(id)
  if (orphan) return { place: 'orphan', record: orphan, clipped: false }
  return { place: 'absent', record: null, clipped: false }
}
