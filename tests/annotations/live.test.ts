import { StepMap } from 'prosemirror-transform'
import { describe, expect, it } from 'vitest'
import { documentOrder, LiveRecords } from '../../src/renderer/editor/annotations/live'
import type { AnnotationRecord } from '../../src/renderer/editor/annotations/types'

/** A record with only what the list reads: its id and range. */
function record(id: string, from: number, to: number): AnnotationRecord {
  return { id, kind: 'claim', from, to } as AnnotationRecord
}

const places = (records: Iterable<AnnotationRecord>): string[] => [...records].map((r) => `${r.id}@${r.from}-${r.to}`)

/** The plain way, written apart from the list: map both ends of every annotation through the step. */
function reference(records: readonly AnnotationRecord[], map: StepMap): AnnotationRecord[] {
  return records.map((r) => record(r.id, map.map(r.from, 1), map.map(r.to, -1))).sort(documentOrder)
}

/** A step keeps an annotation's words unless it makes it shorter. */
const keepsUnlessShrunk = (r: AnnotationRecord, from: number, to: number): boolean => from < to && to - from >= r.to - r.from

describe('the live annotations after typed keys (LiveRecords)', () => {
  it('agree, after every one of 600 random steps, with mapping every annotation through each', () => {
    let seed = 11
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return Math.floor((seed / 2147483648) * n)
    }
    // 300 annotations: short ones, nested and overlapping ones, a few paragraphs long.
    const start: AnnotationRecord[] = []
    for (let i = 0; i < 300; i++) {
      const from = random(6_000)
      const length = i % 25 === 0 ? 300 + random(600) : 1 + random(60)
      start.push(record(`a${i}`, from, from + length))
      if (i % 10 === 0) start.push(record(`n${i}`, from + 1, from + 1 + random(Math.max(1, length - 1))))
    }
    let expected = [...start].sort(documentOrder)
    let list = LiveRecords.of(start)
    let size = 7_000
    let typingAt = random(size)
    let fast = 0
    let slow = 0
    for (let n = 0; n < 600; n++) {
      const choice = random(20)
      let map: StepMap
      if (choice < 12) {
        // A run of typing in one place.
        map = new StepMap([typingAt, 0, 1])
        typingAt += 1
      } else if (choice < 15) {
        // The caret jumps; typing goes on there.
        typingAt = random(size)
        map = new StepMap([typingAt, 0, 1])
        typingAt += 1
      } else if (choice < 18) {
        // A deletion, which may take words from an annotation.
        const at = random(size - 20)
        map = new StepMap([at, 1 + random(10), 0])
        typingAt = at
      } else {
        // One step that changes two places (a paragraph wrapped in a block).
        const a = random(size - 100)
        map = new StepMap([a, 0, 1, a + 1 + random(90), 0, 1])
      }
      size = map.map(size)
      const before = expected
      expected = reference(before, map)
      const next = list.afterStep(map, keepsUnlessShrunk)
      if (next) {
        fast++
        expect(places(next.values())).toEqual(places(expected))
        expect(places(expected.map((r) => next.get(r.id)!))).toEqual(places(expected))
        expect(next.size).toBe(expected.length)
        list = next
      } else {
        // Refused: the step shrank an annotation, or left two in a new order (ties).
        const after = new Map(expected.map((r) => [r.id, r]))
        const shrank = before.some((r) => after.get(r.id)!.to - after.get(r.id)!.from < r.to - r.from)
        const moved = before.map((r) => after.get(r.id)!)
        const reordered = moved.some((r, i) => i > 0 && documentOrder(moved[i - 1], r) > 0)
        expect(shrank || reordered).toBe(true)
        slow++
        // As the plugin does then: those left without words are put aside.
        expected = expected.filter((r) => r.from < r.to)
        list = LiveRecords.of(expected)
      }
    }
    expect(fast).toBeGreaterThan(450)
    expect(slow).toBeGreaterThan(5)
  })

  it('gives the same record each time it is read, and real positions to every reader', () => {
    const list = LiveRecords.of([record('a', 10, 20), record('b', 30, 40), record('c', 50, 60)])
    const moved = list.afterStep(new StepMap([25, 0, 3]), keepsUnlessShrunk)!
    expect(moved.get('b')).toBe(moved.get('b'))
    expect(moved.get('a')).toBe(list.get('a'))
    expect(places(moved.values())).toEqual(['a@10-20', 'b@33-43', 'c@53-63'])
    expect([...moved.keys()]).toEqual(['a', 'b', 'c'])
    expect(moved.has('c') && !moved.has('d')).toBe(true)
    // A later key before the pending shift moves everything after it once more.
    const again = moved.afterStep(new StepMap([5, 0, 2]), keepsUnlessShrunk)!
    expect(places(again.list())).toEqual(['a@12-22', 'b@35-45', 'c@55-65'])
    // Typed inside an annotation, it stretches; at its end, it does not.
    const inside = again.afterStep(new StepMap([40, 0, 1]), keepsUnlessShrunk)!
    expect(places(inside.list())).toEqual(['a@12-22', 'b@35-46', 'c@56-66'])
    const atEnd = inside.afterStep(new StepMap([46, 0, 1]), keepsUnlessShrunk)!
    expect(places(atEnd.list())).toEqual(['a@12-22', 'b@35-46', 'c@57-67'])
  })

  it('finds an annotation that typing made longer than any was, when a key lands near its end', () => {
    let list = LiveRecords.of([record('a', 10, 20), record('b', 30, 40)])
    for (let i = 0; i < 5; i++) list = list.afterStep(new StepMap([35, 0, 1]), keepsUnlessShrunk)!
    expect(places(list.list())).toEqual(['a@10-20', 'b@30-45'])
    // 14 characters into a 15-character annotation, where the longest had been 10.
    list = list.afterStep(new StepMap([44, 0, 1]), keepsUnlessShrunk)!
    expect(places(list.list())).toEqual(['a@10-20', 'b@30-46'])
  })

  it('refuses a step that takes words from an annotation, so the caller maps each one', () => {
    const list = LiveRecords.of([record('a', 10, 20), record('b', 30, 40)])
    expect(list.afterStep(new StepMap([15, 2, 0]), keepsUnlessShrunk)).toBeNull()
    // A deletion that touches none of them is fine.
    expect(places(list.afterStep(new StepMap([22, 4, 0]), keepsUnlessShrunk)!.list())).toEqual(['a@10-20', 'b@26-36'])
  })

  it('refuses a step after which two annotations start together in the other order', () => {
    // The shorter starts first; a deletion brings both starts to 23, where the longer comes first.
    const list = LiveRecords.of([record('short', 24, 28), record('long', 26, 50)])
    expect(list.afterStep(new StepMap([23, 4, 0]), () => true)).toBeNull()
  })
})
