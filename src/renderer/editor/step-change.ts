import type { StepMap } from 'prosemirror-transform'

/**
 * What one step changes, in the document before it: the ranges it replaces, the span from
 * the first to the last, and how far it moves everything after that span. Positions before
 * `from` stay where they are; positions after `to` move by `shift`.
 */
export interface StepChange {
  ranges: [number, number][]
  from: number
  to: number
  shift: number
}

export function stepChange(map: StepMap): StepChange {
  const change: StepChange = { ranges: [], from: Infinity, to: -Infinity, shift: 0 }
  map.forEach((oldStart, oldEnd, newStart, newEnd) => {
    change.ranges.push([oldStart, oldEnd])
    change.from = Math.min(change.from, oldStart)
    change.to = Math.max(change.to, oldEnd)
    change.shift += newEnd - newStart - (oldEnd - oldStart)
  })
  return change
}
