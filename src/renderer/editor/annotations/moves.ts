import type { Node } from 'prosemirror-model'
import type { StepMap } from 'prosemirror-transform'
import { offsetToPos, posToOffset, projectDoc, type Projection } from '../../../shared/text'

/** A range of document positions. */
export interface Range {
  from: number
  to: number
}

/** An annotation that lost all its words to a step: where they were, in the document before it. */
interface Member extends Range {
  id: string
  selected: boolean
}

/** Words one step deleted (in `doc`, the document before the step), with the annotations that were wholly inside. */
interface Cut extends Range {
  doc: Node
  members: Member[]
}

/** Where moved annotations' words are now, and which of them was selected. */
export interface Moved {
  places: Map<string, Range>
  selected: string | null
}

/**
 * Follows words that one transaction deletes and then inserts again: a selection dragged and
 * dropped elsewhere in the article (ProseMirror deletes it, then inserts the dragged copy), or
 * the undo of such a drop. Without this, an annotation on the dragged words was hidden as
 * deleted and the copy carried none: the words looked the same and the annotation was gone.
 *
 * Nothing is tracked until a step empties an annotation, so typing pays nothing for it.
 */
export class MoveTracker {
  private readonly cuts: Cut[] = []
  /** Ranges inserted since the first cut (or since the start, see `followAll`), in the document after the last step seen. */
  private inserted: Range[] = []
  private all = false

  /** Whether the following steps must be told to `step`: a step emptied an annotation, or `followAll`. */
  get active(): boolean {
    return this.all || this.cuts.length > 0
  }

  /** Follows every step's insertions from the start (an undo or redo: see `insertions`). */
  followAll(): void {
    this.all = true
  }

  /** The ranges inserted by the steps followed, in the document after the last one. */
  insertions(): readonly Range[] {
    return this.inserted
  }

  /** Records that the step with `map`, applied to `doc`, deleted all of an annotation's words. */
  cut(doc: Node, map: StepMap, member: Member): void {
    let range: Range | null = null
    map.forEach((oldStart, oldEnd) => {
      if (oldStart <= member.from && member.to <= oldEnd) range = { from: oldStart, to: oldEnd }
    })
    if (!range) return
    const { from, to } = range
    const cut = this.cuts.find((c) => c.doc === doc && c.from === from && c.to === to)
    if (cut) cut.members.push(member)
    else this.cuts.push({ doc, from, to, members: [member] })
  }

  /** Follows one step (after `cut`s made by it): earlier insertions move through it, and its own are added. */
  step(map: StepMap): void {
    // Text inserted right at an edge of an earlier insertion is not part of it.
    const moved = this.inserted.map((r) => ({ from: map.map(r.from, 1), to: map.map(r.to, -1) })).filter((r) => r.from < r.to)
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd > newStart) moved.push({ from: newStart, to: newEnd })
    })
    this.inserted = moved
  }

  /**
   * For each cut whose words (white space aside) were inserted again, where its annotations'
   * words are in `doc`, the document after the transaction. Offsets are counted in the
   * plain-text projection, so a drop that splits or joins paragraphs differently still finds them.
   */
  moved(doc: Node): Moved {
    const places = new Map<string, Range>()
    let selected: string | null = null
    if (this.inserted.length === 0) return { places, selected }
    let after: Projection | null = null
    const before = new Map<Node, Projection>()
    for (const cut of this.cuts) {
      let was = before.get(cut.doc)
      if (!was) before.set(cut.doc, (was = projectDoc(cut.doc)))
      const lo = posToOffset(was, cut.from)
      const deleted = was.text.slice(lo, posToOffset(was, cut.to))
      const words = deleted.trim()
      if (!words) continue
      const lead = deleted.indexOf(words)
      after ??= projectDoc(doc)
      for (const range of this.inserted) {
        const start = posToOffset(after, range.from)
        const at = after.text.slice(start, posToOffset(after, range.to)).indexOf(words)
        if (at < 0) continue
        const base = start + at - lead
        for (const m of cut.members) {
          const from = offsetToPos(after, base + posToOffset(was, m.from) - lo, 1)
          const to = offsetToPos(after, base + posToOffset(was, m.to) - lo, -1)
          places.set(m.id, { from, to })
          if (m.selected) selected = m.id
        }
        break
      }
    }
    return { places, selected }
  }
}
