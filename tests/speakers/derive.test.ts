import { describe, expect, it } from 'vitest'
import { deriveSpeakers, type MentionInput, type SpeakerDecisions } from '../../src/main/core/speakers/derive'

let n = 0
const q = (articleId: number, name: string, sourceType = 'person'): MentionInput => ({ annotationId: `a${++n}`, articleId, kind: 'quote', name, sourceType })
const none: SpeakerDecisions = { merges: [], splits: [] }

/** Each speaker's name with the articles it was named in, sorted, for comparing. */
function people(mentions: MentionInput[], decisions = none): string[] {
  const d = deriveSpeakers(mentions, decisions)
  return d.speakers.map((s) => `${s.name} [${[...new Set(s.groups.map((g) => g.articleId))].sort().join(',')}]`).sort()
}

describe('speakers across the archive', () => {
  it('merges a name with its titles and its surname alone, in one article and across articles', () => {
    const mentions = [q(1, 'Russian President Vladimir Putin'), q(1, 'Mr. Putin'), q(2, 'Vladimir Putin'), q(3, 'Putin'), q(3, 'President Putin')]
    const d = deriveSpeakers(mentions, none)
    expect(d.speakers).toHaveLength(1)
    expect(d.speakers[0]).toMatchObject({ id: 'vladimir-putin', name: 'Vladimir Putin' })
    expect(d.speakers[0].annotationIds).toHaveLength(5)
    expect(d.speakers[0].variants).toContain('Russian President Vladimir Putin')
  })

  it('keeps "George Bush" and "George W. Bush" apart until the user merges them, and the merge survives new mentions', () => {
    const mentions = [q(1, 'George Bush'), q(2, 'President George W. Bush'), q(3, 'George W. Bush')]
    expect(people(mentions)).toEqual(['George Bush [1]', 'George W. Bush [2,3]'])
    const merged: SpeakerDecisions = { merges: [['george-bush', 'george-w-bush']], splits: [] }
    expect(people(mentions, merged)).toEqual(['George W. Bush [1,2,3]'])
    // Derived afresh with one more article: the decision still holds.
    expect(people([...mentions, q(4, 'George Bush')], merged)).toEqual(['George W. Bush [1,2,3,4]'])
  })

  it('a surname two people share is matched in its own article, and stays apart where it could be either', () => {
    const mentions = [q(1, 'John Smith'), q(1, 'Smith'), q(2, 'Jane Smith'), q(2, 'Ms. Smith'), q(3, 'Smith')]
    expect(people(mentions)).toEqual(['Jane Smith [2]', 'John Smith [1]', 'Smith [3]'])
    // A lone "Smith" in two articles with two Smiths in the archive: two speakers, not one.
    expect(people([...mentions, q(4, 'Mr. Smith')])).toEqual(['Jane Smith [2]', 'John Smith [1]', 'Smith [3]', 'Smith [4]'])
    // A full name in both links them.
    expect(people([q(5, 'Adam Smith'), q(5, 'Smith'), q(6, 'Adam Smith'), q(6, 'Mr. Smith')])).toEqual(['Adam Smith [5,6]'])
  })

  it('a surname with one full name in the archive joins it; one nobody else has is one speaker across articles', () => {
    expect(people([q(1, 'Olaf Scholz'), q(2, 'Chancellor Scholz')])).toEqual(['Olaf Scholz [1,2]'])
    expect(people([q(1, 'Scholz'), q(2, 'Mr. Scholz')])).toEqual(['Scholz [1,2]'])
  })

  it('two full names with one surname in the same article leave the surname alone apart', () => {
    expect(people([q(1, 'George Bush'), q(1, 'George W. Bush'), q(1, 'Bush')])).toEqual(['Bush [1]', 'George Bush [1]', 'George W. Bush [1]'])
  })

  it('a split keeps one article\'s name apart, and its surname mentions follow it', () => {
    const mentions = [q(1, 'Vladimir Putin'), q(2, 'Vladimir Putin'), q(2, 'Putin'), q(3, 'Putin')]
    const split: SpeakerDecisions = { merges: [], splits: ['vladimir-putin@2'] }
    const d = deriveSpeakers(mentions, split)
    expect(people(mentions, split)).toEqual(['Vladimir Putin [1,3]', 'Vladimir Putin [2]'])
    const apart = d.speakers[d.byId.get('vladimir-putin@2')!]
    expect(apart.annotationIds).toHaveLength(2)
    // A surname alone can be split off too.
    expect(people(mentions, { merges: [], splits: ['putin@3'] })).toEqual(['Putin [3]', 'Vladimir Putin [1,2]'])
  })

  it('leaves unnamed and anonymous sources out, and keys organisations by their words', () => {
    const mentions = [q(1, 'a senior official'), q(1, 'Sources', 'anonymous'), q(2, 'the Kremlin', 'organisation'), q(3, 'Kremlin', 'organisation')]
    expect(people(mentions)).toEqual(['Kremlin [2,3]'])
  })

  it('finds a speaker by any of its nodes, groups or annotations', () => {
    const mentions = [q(1, 'Vladimir Putin'), q(2, 'Putin')]
    const d = deriveSpeakers(mentions, none)
    for (const id of ['vladimir-putin', 'putin@2', 'vladimir-putin@1', mentions[1].annotationId]) expect(d.byId.get(id), id).toBe(0)
  })

  it('a merge naming a name no longer in any article changes nothing', () => {
    expect(people([q(1, 'Olaf Scholz')], { merges: [['olaf-scholz', 'angela-merkel']], splits: [] })).toEqual(['Olaf Scholz [1]'])
  })
})
