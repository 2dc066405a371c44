/**
 * Attribution rules that follow the conventions of attribution-annotated news corpora (PARC,
 * PolNeAR): cues include their auxiliaries, negation and governed preposition; source phrases
 * are whole noun phrases, descriptions and relative clauses included. Sentences are our own.
 */
import { describe, expect, it } from 'vitest'
import { attributions, only, cueOf, type Attribution } from './helpers'

describe('what a cue covers', () => {
  it('a negated auxiliary belongs to the cue: "didn’t say", "wouldn’t back"', () => {
    expect(only('The governor didn\u2019t say whether she would sign the bill.').cue.text).toBe('didn\u2019t say')
    expect(only("The mayor wouldn't back the levy in November.").cue.text).toBe("wouldn't back")
  })

  it('modal auxiliaries belong to the cue: "should know", "must explain"', () => {
    expect(only('Voters should know that the fund is nearly empty.').cue.text).toBe('should know')
  })

  it('a governed preposition belongs to the cue: "talked about", "commented on", "referred to"', () => {
    const a = only('The treasurer talked about the shortfall for an hour.')
    expect(a.cue.text).toBe('talked about')
    expect(a.content?.text).toBe('the shortfall for an hour')
    expect(only('The council has not commented on the audit.').cue.text).toBe('has not commented on')
    expect(only('Ms. Ortiz referred to the bridge as a hazard.').cue.text).toBe('referred to')
  })

  it('a preposition the verb does not govern stays out: "said in Dayton"', () => {
    expect(only('Lee said in Dayton that the plant would stay open.').cue.text).toBe('said')
  })

  it('"spoke" or "voted" with no preposition attributes nothing', () => {
    expect(attributions('The senator spoke in Dayton on Tuesday.')).toEqual([])
    expect(attributions('Most residents voted early this year.')).toEqual([])
  })

  it('a chain into "to" is one cue: "are more likely to say", "went on to argue"', () => {
    const a = only('Older voters are far more likely to say the economy is improving.')
    expect(a.source?.text).toBe('Older voters')
    expect(a.cue.text).toBe('are far more likely to say')
    expect(only('She went on to argue that the tax was unfair.').cue.text).toBe('went on to argue')
  })

  it('an infinitive that no chain leads into is still no cue', () => {
    expect(attributions('He stood on a chair to say goodbye.')).toEqual([])
  })

  it('verbs of speech beyond "said" are cues: "discussed", "denounced", "touted"', () => {
    expect(only('The mayor discussed the budget with reporters.').cue.text).toBe('discussed')
    expect(only('The union denounced the layoffs as reckless.').cue.text).toBe('denounced')
    expect(only('Her campaign touted the endorsement on Friday.').cue.text).toBe('touted')
  })

  it('"explained how" attributes the clause though "explained" alone waits for a quotation', () => {
    expect(only('The engineer explained how the dam had failed.').content?.text).toBe('how the dam had failed')
    expect(attributions('The engineer explained patiently.')).toEqual([])
  })
})

describe('fixed phrases that attribute', () => {
  it('"made it clear", "took aim at", "doubled down on" are cues as a whole', () => {
    const a = only('Rubio made it clear that he would stay in the race.')
    expect(a.cue.text).toBe('made it clear')
    expect(a.content?.text).toBe('he would stay in the race')
    expect(only('Mr. Lee took aim at the council for the delay.').cue.text).toBe('took aim at')
    expect(only('The mayor has doubled down on her pledge to cut fares.').cue.text).toBe('has doubled down on')
  })

  it('phrasal cues: "laid out", "shrugged off", "opened up about"', () => {
    expect(only('The governor laid out her plan for the bridge on Monday.').cue.text).toBe('laid out')
    expect(only('Mr. Lee shrugged off the criticism from the council.').cue.text).toBe('shrugged off')
    expect(only('The senator opened up about her years in the Navy.').cue.text).toBe('opened up about')
  })

  it('the verb of a phrase without its tail is no cue: "made a sandwich"', () => {
    expect(attributions('Rubio made a sandwich before the debate.')).toEqual([])
  })

  it('"As Ruiz put it, ..." attributes the rest of the sentence', () => {
    const a = only('As Ruiz put it, the levy is dead.')
    expect(a.cue.text).toBe('put it')
    expect(a.source?.text).toBe('Ruiz')
    expect(a.content?.text).toBe('the levy is dead')
  })

  it('"pointed to" is a cue with its preposition', () => {
    expect(only('She pointed to the audit as proof of waste.').cue.text).toBe('pointed to')
  })
})

describe('words that look like cues but are not', () => {
  it('"states" in "the United States" and "votes" as a noun are no cues', () => {
    expect(attributions('Trade with the United States grew by 4 percent.')).toEqual([])
    expect(attributions('The votes were counted by hand overnight.')).toEqual([])
  })

  it('plural nouns after "some" or an adjective are nouns: "Some states", "Western states"', () => {
    expect(attributions('Some states remained too close to call.')).toEqual([])
    expect(attributions('Trade with Western states grew by 4 percent.')).toEqual([])
  })

  it('generic "you" outside a quotation attributes nothing: "if you think the levy is high"', () => {
    expect(attributions('If you think the levy is high, look at the county next door.')).toEqual([])
  })

  it('"added to" is no speech: "The delay added to the uncertainty"', () => {
    expect(attributions('The long delay added to the uncertainty in Dayton.')).toEqual([])
  })

  it('a possessive makes the next word a noun: "Editor’s note:", "the mayor’s thinking"', () => {
    expect(attributions('Editor\u2019s note: This story has been updated.')).toEqual([])
  })

  it('a belief verb inside reported speech is part of what was said', () => {
    const all = attributions('Lee said she wants to run for the seat again.')
    expect(all.map((a) => a.cue.text)).toEqual(['said'])
  })

  it('cue words inside a short quotation are the speaker’s own words', () => {
    const all = attributions('\u201CI think we won,\u201D Lee said.')
    expect(all.map((a) => a.cue.text)).toEqual(['said'])
  })
})

describe('cues whose source is elsewhere or missing', () => {
  it('a finite speech verb is a cue even when its source is not found', () => {
    const a = only('The last of the three men to leave the building said the fire started in the kitchen.')
    expect(a.cue.text).toBe('said')
    expect(a.source).toBeNull()
    expect(a.content?.text).toBe('the fire started in the kitchen')
  })

  it('"and said" after an opening phrase takes the subject after its comma', () => {
    const a = cueOf('In an interview, the mayor stood by her remarks and said the judge was biased.', 'said')
    expect(a?.source?.text).toBe('the mayor')
    expect(a?.content?.text).toBe('the judge was biased')
  })

  it('a passive names its source after "by" and attributes its subject', () => {
    const a = only('The merger was first reported by the Dayton Daily News.')
    expect(a.cue.text).toBe('was first reported')
    expect(a.source?.text).toBe('the Dayton Daily News')
    expect(a.content?.text).toBe('The merger')
  })

  it('"Asked whether ..." opening a sentence is a cue with the question as content', () => {
    const a = cueOf('Asked whether the plant would close, Ms. Ortiz said she did not know.', 'Asked')
    expect(a?.source).toBeNull()
    expect(a?.content?.text).toBe('whether the plant would close')
  })

  it('a headline in title case has capitalised cues', () => {
    const a = only('Former Governor Says Levy Will Fail In November')
    expect(a.cue.text).toBe('Says')
    expect(a.source?.text).toBe('Former Governor')
  })

  it('"“...,“ said Name" with a wrongly turned closing mark still finds the source after the cue', () => {
    expect(only('\u201CIt is over,\u201C said Ana Ruiz.').source?.text).toBe('Ana Ruiz')
  })
})

describe('what a source phrase holds', () => {
  it('a bare plural noun before "said" is a source: "donors said"', () => {
    expect(only('The race tightened in March, donors said.').source?.text).toBe('donors')
    expect(only('Those surveyed said the economy mattered most.').source?.text).toBe('Those surveyed')
  })

  it('a quantity keeps its group: "28 percent of voters", "many of her aides", "six in 10"', () => {
    expect(only('Just 28 percent of voters said they trusted the board.').source?.text).toBe('Just 28 percent of voters')
    expect(only('Many of her aides feel the schedule is too heavy.').source?.text).toBe('Many of her aides')
    expect(only('Six in 10 say the levy is too high.').source?.text).toBe('Six in 10')
  })

  it('lower-case descriptors before a name belong to it', () => {
    expect(only('Billionaire hedge fund manager Ana Ruiz said the fund had closed.').source?.text).toBe(
      'Billionaire hedge fund manager Ana Ruiz'
    )
  })

  it('a plural subject before a base form of a noun-like verb makes it a verb: "allies fear"', () => {
    const a = only('Her allies fear that more emails will come out.')
    expect(a.cue.text).toBe('fear')
    expect(a.source?.text).toBe('Her allies')
  })

  it('a description between commas before a helper verb is kept: "Clinton, a Democrat, did not mention"', () => {
    const a = only('Ruiz, a Democrat, did not mention the levy by name.')
    expect(a.source?.text).toBe('Ruiz, a Democrat,')
    expect(a.cue.text).toBe('did not mention')
  })

  it('the subject of a participle stops at the verb it governs: "The campaign pushed back ..., calling"', () => {
    const a = only('The Ruiz campaign hit the airwaves on Monday, calling the ad a smear.')
    expect(a.source?.text).toBe('The Ruiz campaign')
    expect(a.cue.text).toBe('calling')
  })

  it('an inverted source keeps the comma that closes its description when the sentence goes on', () => {
    const a = cueOf('\u201CWe are broke,\u201D said Jo Hale, the county treasurer, holding up the ledger.', 'said')
    expect(a?.source?.text).toBe('Jo Hale, the county treasurer,')
  })
})

describe('what is attributed', () => {
  it('a quotation that closed its own sentence is not the content of the next sentence’s cue', () => {
    const a = only('\u201CIt is over.\u201D The treasurer says the audit found a gap.')
    expect(a.content?.text).toBe('the audit found a gap')
    const b = only('\u201CThe fund is safe.\u201D\n\nThe treasurer says the audit found a gap.')
    expect(b.content?.text).toBe('the audit found a gap')
  })

  it('a quotation before "X said on Monday" is still its content', () => {
    expect(only('\u201CWe are done.\u201D Lee said on Monday.').content?.text).toBe('We are done.')
  })

  it('a colon points to the quotation after the cue, not the one before', () => {
    const all = attributions('\u201CIt was bad,\u201D he said. He added: \u201CIt is worse than we thought.\u201D')
    expect(all.find((a) => a.cue.text === 'added:')?.content?.text).toBe('It is worse than we thought.')
  })

  it('", adding that ..." reports its own clause, not the quotation before the speaker', () => {
    const a = cueOf('\u201CWe are done,\u201D she said, adding that the audit found a gap.', 'adding')
    expect(a?.source?.text).toBe('she')
    expect(a?.content?.text).toBe('the audit found a gap')
  })

  it('a participle after a comma is its own attribution even inside reported speech: ", citing ..."', () => {
    const a = cueOf('The senator said the vote was close, citing a recount in two counties.', 'citing')
    expect(a?.source?.text).toBe('The senator')
    expect(a?.content?.text).toBe('a recount in two counties')
  })

  it('", but he called ..." starts a new clause that the earlier report does not cover', () => {
    const a = cueOf('The union praised the deal, but the mayor called the cuts \u201Cpainful.\u201D', 'called')
    expect(a?.source?.text).toBe('the mayor')
  })

  it('a parenthetical cue attributes the clause it interrupts: "Most of it, the filing said, was spent"', () => {
    const a = only('Most of the money, the unsigned opinion said, had been spent by May.')
    expect(a.source?.text).toBe('the unsigned opinion')
    expect(a.content?.text).toBe('Most of the money')
  })

  it('"posted on Facebook" after a clause: Facebook is the setting, the clause the content', () => {
    const a = only('The pastor was traveling to Cairo, the church posted on Facebook.')
    expect(a.content?.text).toBe('The pastor was traveling to Cairo')
  })

  it('a time phrase between cue and report is skipped: "said last year that"', () => {
    const a = cueOf('Jo Hale said last year that the fund was safe.', 'said')
    expect(a?.content?.text).toBe('the fund was safe')
  })
})

describe('sources, continued', () => {
  it('a restrictive "who" clause belongs to the source: "Voters who backed the levy said"', () => {
    expect(cueOf('Voters who backed the levy said they were angry.', 'said')?.source?.text).toBe('Voters who backed the levy')
  })

  it('a noun with a participle phrase is one source: "A message posted on the door said"', () => {
    expect(cueOf('A message posted on the door said the office was closed.', 'said')?.source?.text).toBe('A message posted on the door')
    expect(only('Exit polls conducted for the networks show Ruiz ahead.').source?.text).toBe('Exit polls conducted for the networks')
  })

  it('names and pronouns joined by "and" are one source, lists included', () => {
    expect(only('He and Lee argued that the sentence was too harsh.').source?.text).toBe('He and Lee')
    expect(only('Mayor Ruiz, Jo Hale, and other Democrats said the bill was fair.').source?.text).toBe('Mayor Ruiz, Jo Hale, and other Democrats')
  })

  it('"and" does not join a clause\u2019s object to the next subject: "Lee won Ohio and voters said"', () => {
    expect(only('Lee won Ohio and voters said they were pleased.').source?.text).toBe('voters')
  })

  it('a fraction is a plural subject: "About three-quarters support ..."', () => {
    const a = only('About three-quarters support a temporary ban.')
    expect(a.source?.text).toBe('About three-quarters')
    expect(a.cue.text).toBe('support')
  })

  it('an age and home town between commas stay in the source: "Ana Ruiz, 29, of Huntsville, Ala.,"', () => {
    const a = only('Ana Ruiz, 29, of Huntsville, Ala., says her biggest worry is the heat.')
    expect(a.source?.text).toBe('Ana Ruiz, 29, of Huntsville, Ala.,')
    expect(a.content?.text).toBe('her biggest worry is the heat')
  })

  it('after a comma, a phrase followed by its own verb is the content, not an inverted source', () => {
    const a = only('In the end, says her biggest worry is the heat.')
    expect(a.source).toBeNull()
    expect(a.content?.text).toBe('her biggest worry is the heat')
  })

  it('a capitalised "First" is part of a name, not of the verb group', () => {
    expect(only('A group called Citizens First said the count was wrong.').source?.text).toBe('Citizens First')
  })

  it('"called" between a common noun and a name only names it: "a group called Citizens First"', () => {
    expect(attributions('She joined a group called Citizens First in May.')).toEqual([])
  })

  it('a "who" clause that is an attribution of its own stays out of the source before the cue', () => {
    const a = cueOf('Jo Hale, who said last year that the fund was safe, now says it is empty.', 'now says')
    expect(a?.source?.text).toBe('Jo Hale')
  })
})

describe('more conventions', () => {
  it('a time phrase is skipped before the report, a demonstrative is not: "understood this in 2008"', () => {
    expect(only('The Democrats understood this in 2008, the last open race.').content?.text).toBe('this in 2008, the last open race')
  })

  it('an aside right after "that" opens the report: "continues that, in the ad, ..."', () => {
    expect(only('The narrator continues that, in the ad, working families pay more.').content?.text).toBe('in the ad, working families pay more')
  })

  it('a past tense spelled like its base takes a singular subject: "Mr. Putin forecast that ..."', () => {
    expect(only('Mr. Putin forecast that the economy would soon rebound.').cue.text).toBe('forecast')
  })

  it('"“...?” asked Mr. Lee" finds the source after the cue and the question as content', () => {
    const a = cueOf('\u201CIs he running against the party?\u201D asked Mr. Lee.', 'asked')
    expect(a?.source?.text).toBe('Mr. Lee')
    expect(a?.content?.text).toBe('Is he running against the party?')
  })

  it('a common-noun possessive stays in the source: "the paper\u2019s editorial board wrote"', () => {
    expect(only('\u201CIt is a fraud,\u201D the paper\u2019s editorial board wrote.').source?.text).toBe('the paper\u2019s editorial board')
  })

  it('"Even Rendell, a Clinton supporter, said": an adverb before the name does not hide its description', () => {
    expect(only('Even Rendell, a Clinton supporter, said it would be hard.').source?.text).toBe('Rendell, a Clinton supporter,')
  })

  it('an opening participle clause is skipped to find the subject of "and said"', () => {
    const a = cueOf('Asked whether he would serve, Mrs. Ruiz shook her head and said she would not.', 'said')
    expect(a?.source?.text).toBe('Mrs. Ruiz')
  })

  it('"issued a statement saying" is one cue, and "saying" inside it is not a second one', () => {
    const a = only('The union issued a statement saying it would strike on Monday.')
    expect(a.cue.text).toBe('issued a statement saying')
    expect(a.source?.text).toBe('The union')
    expect(a.content?.text).toBe('it would strike on Monday')
  })
})

describe('lists, ratios and clauses after an inverted source', () => {
  it('a share written as a ratio is one source: "four in 10 Republicans"', () => {
    expect(only('Nearly four in 10 Republicans say the party is broken.').source?.text).toBe('Nearly four in 10 Republicans')
  })

  it('", and" between two clauses does not join their subjects into one source', () => {
    expect(cueOf('The Times made the claim in February, and the Dayton Daily News repeated it.', 'repeated')?.source?.text).toBe(
      'the Dayton Daily News'
    )
  })

  it('an inverted source stops before a relative clause that attributes something itself', () => {
    const a = cueOf('\u201CIt is close,\u201D said Jo Hale, a pollster who said she would not vote.', 'said')
    expect(a?.source?.text).toBe('Jo Hale, a pollster')
  })
})

describe('passives', () => {
  it('a passive without "by" has no source; its subject is what is attributed', () => {
    const a = only('Ruiz was asked to name a single budget cut.')
    expect(a.cue.text).toBe('was asked')
    expect(a.source).toBeNull()
    expect(a.content?.text).toBe('Ruiz')
  })

  it('a passive followed by a clause reports the clause: "was told that ..."', () => {
    const a = only('The mayor was told that the plant would close.')
    expect(a.source).toBeNull()
    expect(a.content?.text).toBe('the plant would close')
  })

  it('irregular participles are cues with a helper or their preposition: "is seen as", "known as"', () => {
    const a = only('Ruiz is widely seen as the favorite in Dayton.')
    expect(a.cue.text).toBe('is widely seen as')
    expect(a.content?.text).toBe('Ruiz')
    expect(only('She has written that the plan failed.').cue.text).toBe('has written')
    expect(attributions('The bridge, seen from the river, looks older.')).toEqual([])
  })
})

