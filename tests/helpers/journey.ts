import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './cli'

/**
 * The desk's "done when" journey: a dozen articles a new user imports — the nine samples and
 * three short follow-ups written here, one of which repeats the budget story's tax claim in
 * other words (for "checked before").
 */

export const SAMPLES = [
  'city-budget.txt',
  'courts-treasurer.txt',
  'election-whitfield.md',
  'energy-offshore-wind.html',
  'health-overdose.html',
  'housing-rents.docx',
  'school-funding-audit.docx',
  'sports-stadium.md',
  'wire-ukraine-talks.txt'
]

/** The budget story's claim, as the sample says it, and as a later story says the same thing. */
export const TAX_CLAIM = 'raising the property tax rate by 6.8%'
export const TAX_AGAIN = 'a 6.8 per cent rise in the property tax rate'
export const FOLLOW_UP_HEADLINE = 'What the new Riverton budget means for homeowners'

const FOLLOW_UPS: [string, string][] = [
  [
    'homeowners-budget.txt',
    `${FOLLOW_UP_HEADLINE}\n\nBy Tessa Lindqvist\n\nHomeowners in Riverton face ${TAX_AGAIN} next year, after the council's 7-2 vote on Monday.\n\nA house assessed at $250,000 will pay about $190 more, the assessor's office estimated.`
  ],
  [
    'library-hours.txt',
    'Riverton libraries add Sunday hours from January\n\nBy Malik Osei\n\nAll four branch libraries will open on Sundays from noon to 5 p.m. starting in January, the library board said on Tuesday.\n\nThe change costs $310,000 a year and is paid for by the new budget.'
  ],
  [
    'bridge-closure.txt',
    'Harbor Street bridge to close for six weeks of repairs\n\nBy Ana Ferreira\n\nThe Harbor Street bridge will close to traffic on February 2 for six weeks of deck repairs, the public works department said.\n\nDetours will add about ten minutes to a crossing at rush hour, the department estimated.'
  ]
]

/** Writes the three follow-ups into `dir` and gives the dozen files' paths, samples first. */
export function journeyFiles(dir: string): string[] {
  const written = FOLLOW_UPS.map(([name, text]) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  })
  return [...SAMPLES.map((s) => join(ROOT, 'samples', s)), ...written]
}
