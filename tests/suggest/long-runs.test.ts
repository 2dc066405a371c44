import { describe, expect, it } from 'vitest'
import { suggest } from '../../src/shared/suggest'

/** Milliseconds `suggest` takes over `text`. */
function time(text: string): number {
  const t0 = performance.now()
  suggest(text)
  return performance.now() - t0
}

describe('suggestions over long runs of one character stay linear (issue 18: regular expressions on input)', () => {
  // Each took 0.7–2.6 s at 40,000 characters, growing with the square of the length: a
  // pattern tried from every position of a run (/[…]+$/, \b\d[\d,.]*), or a quote's words
  // looked for again at every token in it.
  // At 80,000 characters a quadratic path takes 3–10 s; a linear one tens of milliseconds. The
  // bound leaves a wide margin for a busy machine either way.
  it.each([
    ['digits and dots', '1.'.repeat(40_000)],
    ['digits and commas in a quote', `“${'1,'.repeat(40_000)}” she said.`],
    ['a cue, then 80,000 dots', `said${'.'.repeat(80_000)}x`],
    ['dashes in a quote', `“${'—'.repeat(80_000)}” she said.`],
    ['a subordinate clause and 80,000 spaces', `He said the fee rose after Mayor Park${' '.repeat(80_000)}x agreed.`]
  ])('%s', (_, text) => {
    time('Warm: the council said the fee rose 8% in 2025.')
    expect(time(text)).toBeLessThan(1_500)
  })
})
