import type { Node } from 'prosemirror-model'
import type { AnnotationChanges, AnnotationShift, BodyChange } from './contract'
import type { Annotation } from './domain'
import type { BlockJSON } from './schema'

/**
 * What an autosave sends: what changed since the last save, never the whole article (a
 * word typed in 100,000 words would otherwise send and check them all). The store applies it
 * to what it holds at the revision the save is from, and refuses it if that moved on.
 */

/**
 * The edit from the body `saved` to `current` as the top-level blocks it replaced. An edit
 * leaves the blocks around it the same objects (ProseMirror shares what did not change), so
 * the unchanged blocks at either end are found without comparing their text.
 */
export function bodyChange(saved: Node, current: Node, textLength: number): BodyChange {
  const a = saved.childCount
  const b = current.childCount
  let head = 0
  while (head < a && head < b && same(saved.child(head), current.child(head))) head++
  let tail = 0
  while (tail < a - head && tail < b - head && same(saved.child(a - 1 - tail), current.child(b - 1 - tail))) tail++
  const blocks: BlockJSON[] = []
  for (let i = head; i < b - tail; i++) blocks.push(current.child(i).toJSON() as BlockJSON)
  return { from: head, remove: a - head - tail, blocks, textLength }
}

/**
 * What a save sends of an article's annotations: what changed since the last save (`saved`,
 * by id, as the store has them), not the whole set. An annotation whose only change is its
 * place, moved by text typed before it, is not sent: its move is told by a shift that covers
 * every annotation moved alike (a word typed at the top of a 100,000-word article moves all
 * 10,000 annotations after it by the same amount: one shift). Anything else about it changed
 * (its fields, words or the context around them) sends it whole.
 */
export function annotationChanges(current: readonly Annotation[], saved: ReadonlyMap<string, Annotation>): AnnotationChanges {
  const upsert: Annotation[] = []
  const kept = new Set<string>()
  const moves: { from: number; by: number; a: Annotation }[] = []
  for (const a of current) {
    kept.add(a.id)
    const b = saved.get(a.id)
    if (!b || !sameButPlace(a, b)) {
      upsert.push(a)
      continue
    }
    const by = a.anchor.start - b.anchor.start
    if (a.placement === 'orphaned' ? by !== 0 || a.anchor.end !== b.anchor.end : a.anchor.end - b.anchor.end !== by) upsert.push(a)
    else if (a.placement === 'anchored') moves.push({ from: b.anchor.start, by, a })
  }
  const removed: string[] = []
  for (const id of saved.keys()) if (!kept.has(id)) removed.push(id)
  // In the saved text's order, a shift starts wherever the move changes. Two annotations that
  // start at one place and moved apart cannot share a shift: the second is sent whole.
  moves.sort((x, y) => x.from - y.from)
  const shifts: AnnotationShift[] = []
  let by = 0
  let lastFrom = -1
  for (const m of moves) {
    if (m.by !== by) {
      if (m.from === lastFrom) {
        upsert.push(m.a)
        continue
      }
      shifts.push({ from: m.from, by: m.by })
      by = m.by
    }
    lastFrom = m.from
  }
  return { upsert, removed, shifts }
}

/** Everything but the offsets the same: kind, fields, words, context, who and when. */
function sameButPlace(a: Annotation, b: Annotation): boolean {
  return (
    a.placement === b.placement &&
    a.kind === b.kind &&
    a.anchor.exact === b.anchor.exact &&
    a.anchor.prefix === b.anchor.prefix &&
    a.anchor.suffix === b.anchor.suffix &&
    a.origin === b.origin &&
    a.createdBy === b.createdBy &&
    a.createdAt === b.createdAt &&
    a.updatedBy === b.updatedBy &&
    a.updatedAt === b.updatedAt &&
    // The same object unless edited since it was read (records keep the stored fields).
    (a.fields === b.fields || JSON.stringify(a.fields) === JSON.stringify(b.fields))
  )
}

/** The same block: the same object, as an edit elsewhere leaves it, or equal throughout. */
function same(x: Node, y: Node): boolean {
  return x === y || x.eq(y)
}
