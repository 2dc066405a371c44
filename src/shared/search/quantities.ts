/**
 * The figures a claim states, read so that two wordings of one figure compare equal:
 * "$190 billion", "$190bn" and "190 billion dollars" are 1.9e11; "6.8%", "6.8 per cent" and
 * "6.8 percent" are 6.8 per cent; "1998" is a year. Each figure keeps the precision it was
 * written with, and two figures agree when they are equal at the coarser of the two: "$1.42
 * billion" and "$1,420 million" agree, "$189.6bn" and "$190bn" agree, 6.8% and 7.3% do not.
 */

export type QuantityClass = 'amount' | 'percent' | 'points' | 'year'

export interface Quantity {
  value: number
  /** The smallest step the figure was written in (0.01e9 for "$1.42 billion"). */
  step: number
  kind: QuantityClass
}

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12
}

/** Multipliers that must touch the number ("$5m"), because apart they are other words ("5 m"). */
const ATTACHED_ONLY = new Set(['k', 'm', 'b'])

const FIGURE =
  /(?<cur>US\$|C\$|A\$|NZ\$|HK\$|\$|£|€|¥)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<gap>\s?)(?<mult>trillion|billion|million|thousand|tn|trn|bn|bln|mn|mln|k|m|b)?(?![\p{L}\d])(?:\s?(?<unit>%|per\s?cent\b|percent\b|pct\b|percentage points?\b|points?\b|pp\b|dollars\b|pounds\b|euros\b))?/giu

/** The figures in a text, in order. */
export function quantitiesOf(text: string): Quantity[] {
  const out: Quantity[] = []
  FIGURE.lastIndex = 0
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const g = m.groups ?? {}
    const digits = g.num.replace(/,/g, '')
    const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0
    let mult = 1
    const word = g.mult?.toLowerCase()
    if (word && !(ATTACHED_ONLY.has(word) && g.gap)) mult = MULTIPLIERS[word]
    const unit = g.unit?.toLowerCase().replace(/\s+/g, ' ') ?? ''
    const value = Number(digits) * mult
    const step = 10 ** -decimals * mult
    let kind: QuantityClass = 'amount'
    if (unit === '%' || unit.startsWith('per') || unit === 'pct') kind = 'percent'
    else if (unit.startsWith('percentage') || unit.startsWith('point') || unit === 'pp') kind = 'points'
    else if (!g.cur && mult === 1 && !unit && !g.num.includes(',') && decimals === 0 && value >= 1800 && value <= 2100) kind = 'year'
    out.push({ value, step, kind })
  }
  return out
}

/** Whether two figures are the same at the coarser precision they were written with. */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind) return false
  const step = Math.max(a.step, b.step)
  return Math.round(a.value / step) === Math.round(b.value / step)
}
