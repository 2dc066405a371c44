import { describe, expect, it } from 'vitest'
import { claimScore, copyLineKind, datelineLength } from '../../src/shared/suggest'
import { claims } from './helpers'

describe('bylines, datelines and credits are never claims', () => {
  // Each furniture line below was proposed as a claim (0.65 to 1.0) before: they hold dates and figures.
  const furniture = [
    'By Jane Doe and John Roe, Associated Press | Nov. 3, 2026 4:17 PM EST',
    'Updated 3:42 p.m. EST, Nov. 3, 2026',
    'Published 6:10 a.m. EST, Nov. 3, 2026 | Updated 3:42 p.m. EST, Nov. 3, 2026',
    'Firefighters work at the site of a strike in Kharkiv, Ukraine, on Sunday, Nov. 2, 2026. (AP Photo/Efrem Lukatsky)',
    'Photo: Rescuers search the rubble of a five-story building hit on Nov. 2, 2026 in Kharkiv/Getty Images',
    'November 3, 2026',
    'https://wire.example/world/2026/11/03/ukraine-drones-1200-prisoners',
    'Copyright 2026 The Associated Press. All rights reserved.',
    'Associated Press writers Pavel Gromov in Moscow and Deniz Karaca in Istanbul contributed to this report.',
    'Jane Doe contributed reporting from Kyiv.'
  ]
  const story = 'The ministry said 1,200 prisoners had been exchanged since July.'

  it('a byline whose "Updated" part says what the update added is still a byline', () => {
    expect(copyLineKind('By Thomas Aldridge, Paris · 24 June 2026 · Updated 14:40 CEST with comment from the fishing committee')).toBe('byline')
    expect(copyLineKind('Updated at 9:15 a.m. to add a statement from the mayor')).toBe('timestamp')
    expect(copyLineKind('Updated figures with comment from the fishing committee show a rise of 12%.')).toBeNull()
  })

  it('a story with its byline, timestamps, captions, credits and contributors gets a claim on the story sentence only', () => {
    const text = [furniture.slice(0, 3).join('\n'), furniture[3], furniture[4], story, furniture.slice(5).join('\n')].join('\n\n')
    expect(claims(text).map((c) => c.text)).toEqual(['1,200 prisoners had been exchanged since July'])
  })

  it.each(furniture)('"%s" is told apart as copy furniture', (line) => {
    expect(copyLineKind(line)).not.toBeNull()
  })

  it('names the kind of each furniture line', () => {
    expect(copyLineKind('By Jane Doe and John Roe, Associated Press')).toBe('byline')
    expect(copyLineKind('By JANE DOE and JOHN ROE Associated Press')).toBe('byline')
    expect(copyLineKind('By Jane Doe | Reuters')).toBe('byline')
    expect(copyLineKind('Last updated 5 hours ago')).toBe('timestamp')
    expect(copyLineKind('Monday, Nov. 3, 2026 · 6 min read')).toBe('timestamp')
    expect(copyLineKind('Photo: Jane Doe/Getty Images')).toBe('credit')
    expect(copyLineKind('AP Photo/Efrem Lukatsky')).toBe('credit')
    expect(copyLineKind('Reporting by Tom Balmforth; Editing by Andrew Osborn')).toBe('contributors')
    expect(copyLineKind('Contributing: Lee Park and Ana Ruiz, The Ledger')).toBe('contributors')
    expect(copyLineKind('WASHINGTON (AP) —')).toBe('dateline')
  })

  it('story sentences that open like furniture are story sentences', () => {
    for (const line of [
      'By Tuesday, officials had counted 400 ballots.',
      'By 2030 the city will have 40,000 new homes.',
      'By contrast, Ohio cut its tax 4%.',
      'Photo radar cameras caught 4,000 drivers speeding last year.',
      'Updated figures published Monday show unemployment at 4.1%.',
      'Donors who contributed to the campaign gave $4 million.',
      'The senator contributed $5,000 to the campaign.',
      'Residents contributed.',
      'NATO — which has 32 members — agreed to spend 5%.',
      'Sen. Ted Cruz (R-Texas) — Announced March 23, 2015',
      '60.'
    ]) {
      expect(copyLineKind(line), line).toBeNull()
    }
    expect(claims('By Tuesday, officials had counted 400 ballots, up 12% from 2022.')).toHaveLength(1)
  })
})

describe('a dateline opening the first paragraph', () => {
  it.each([
    ['KYIV, Ukraine (AP) — Russia launched 143 drones at Ukraine overnight, killing six people.', 'Russia launched'],
    ['WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to cut the program by $4 billion.', 'The Senate'],
    ['LONDON, Nov 3 (Reuters) - Britain’s economy grew 0.2% in the third quarter.', 'Britain’s'],
    ['FAIRVIEW, W.Va. - The mine shipped 2.1 million tons of coal in 2015.', 'The mine'],
    ['NEW YORK — Rents rose 8 percent last year, the fastest rise since 1989.', 'Rents rose'],
    ['Kyiv (Reuters) - Russian drones hit 14 power plants overnight.', 'Russian drones']
  ])('is left out of the claim, which keeps the rest of the sentence: %s', (text, opens) => {
    const [c] = claims(text)
    expect(c.text.startsWith(opens)).toBe(true)
    expect(c.end).toBe(text.length)
    expect(datelineLength(text)).toBe(text.indexOf(opens))
  })

  it('a dateline on a line of its own is no claim, and the paragraph after it is one whole', () => {
    const text = 'WASHINGTON (AP) —\nThe Senate voted 52-48 on Tuesday to cut the program by $4 billion.'
    expect(claims(text).map((c) => c.text)).toEqual(['The Senate voted 52-48 on Tuesday to cut the program by $4 billion.'])
  })

  it('a dateline is only read at the start of a paragraph', () => {
    const text = 'The Senate voted 52-48, WASHINGTON (AP) — reported, to cut $4 billion.'
    expect(claims(text)[0].start).toBe(0)
  })
})

describe('dates and ages are not figures', () => {
  it('the day of a date counts as a date, not a figure', () => {
    const r = claimScore('The talks are set to open Nov. 11 in Istanbul.')
    expect(r.reasons).toContain('date')
    expect(r.reasons).not.toContain('figure')
  })

  it('an age after a name is not a figure', () => {
    expect(claimScore('Natalia Bondar, 58, lives on the third floor of the building.').reasons).not.toContain('figure')
    expect(claimScore('Natalia Bondar, 58, said 40 flats were hit.').reasons).toContain('figure')
  })
})
