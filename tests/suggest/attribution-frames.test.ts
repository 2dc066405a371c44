import { describe, expect, it } from 'vitest'
import { attributions, only } from './helpers'

describe('explaining and recalling', () => {
  it('"..., the treasurer explained." reports the clause before it', () => {
    const a = only('The levy had failed twice before, the treasurer explained, so the board waited a year.')
    expect(a.cue.text).toBe('explained')
    expect(a.source?.text).toBe('the treasurer')
    expect(a.content?.text).toBe('The levy had failed twice before')
  })

  it('"As Ruiz recalled, ..." reports the rest of the sentence', () => {
    const a = only('As Ruiz recalled, the depot closed in the winter of 1998.')
    expect(a.cue.text).toBe('recalled')
    expect(a.content?.text).toBe('the depot closed in the winter of 1998')
  })

  it('"explained", "recalled" with an object report what they name', () => {
    const a = only('The treasurer explained the shortfall to the board.')
    expect(a.cue.text).toBe('explained')
    expect(a.content?.text).toBe('the shortfall to the board')
    expect(only('He recalled her generosity during the flood.').cue.text).toBe('recalled')
  })

  it('"continued" with nothing reported beside it is still no cue', () => {
    expect(attributions('The treasurer continued the audit through May.')).toEqual([])
  })
})

describe('plural and quantity subjects', () => {
  it('a noun with "to" before it ("Aides to the governor") takes a base form', () => {
    const a = only('Aides to the governor say she will sign the bill next week.')
    expect(a.source?.text).toBe('Aides to the governor')
    expect(a.cue.text).toBe('say')
  })

  it('a quantity alone ("Most believe") is the subject of a verb of belief', () => {
    const a = only('Most believe that the new stadium will never pay for itself.')
    expect(a.source?.text).toBe('Most')
    expect(a.cue.text).toBe('believe')
    expect(a.content?.text).toBe('the new stadium will never pay for itself')
  })

  it('a quantity before a noun-like form ("some claims") is still a noun phrase', () => {
    expect(attributions('Some claims about the depot turned out to be false.')).toEqual([])
  })
})

describe('sources with a line label or a dash before them', () => {
  it('"The Latest:" heading a live blog names no speaker', () => {
    expect(attributions('The Latest: Ruiz to tour the flooded depot on Friday.')).toEqual([])
  })

  it('a list dash before a name is not part of the source', () => {
    const a = only('-Nate Silver explains why the county polls were off.')
    expect(a.source?.text).toBe('Nate Silver')
  })
})

describe('polls as sources', () => {
  it('"In a ... poll released Tuesday, ..." makes "In" the cue and the dated poll the source', () => {
    const a = only('In a Marist poll released Tuesday, Ruiz leads the incumbent by six points.')
    expect(a.cue.text).toBe('In')
    expect(a.source?.text).toBe('a Marist poll released Tuesday')
    expect(a.content?.text).toBe('Ruiz leads the incumbent by six points')
  })

  it('a poll at the end of the clause attributes the clause before it', () => {
    const a = only('Ruiz held a nine-point lead among older voters in a Monmouth University poll.')
    expect(a.source?.text).toBe('a Monmouth University poll')
    expect(a.content?.text).toBe('Ruiz held a nine-point lead among older voters')
  })

  it('"in the polls" speaks of polling in general and attributes nothing', () => {
    expect(attributions('The mayor slipped in the polls after the depot vote.')).toEqual([])
  })

  it('"according to" a poll keeps its date in the source', () => {
    const a = only('Turnout will rise, according to a Siena College poll released Thursday.')
    expect(a.source?.text).toBe('a Siena College poll released Thursday')
  })

  it('a poll before its verb keeps "last week" in the source', () => {
    const a = only('A Suffolk poll last week showed the levy losing by four points.')
    expect(a.source?.text).toBe('A Suffolk poll last week')
    expect(a.cue.text).toBe('showed')
  })
})

describe('cues inside a clause that reports something else', () => {
  it('a subordinate clause with its own named subject is an attribution of its own', () => {
    const all = attributions('The mayor attacked the council after Councilwoman Ortiz accused him of favouritism.')
    const accused = all.find((a) => a.cue.text === 'accused')
    expect(accused?.source?.text).toBe('Councilwoman Ortiz')
  })

  it('a weak cue inside reported speech without its own subject stays part of the report', () => {
    const all = attributions('The mayor said the council wants to sell the depot.')
    expect(all.map((a) => a.cue.text)).toEqual(['said'])
  })
})

describe('phrasal and added cue verbs', () => {
  it('"called upon" keeps its preposition', () => {
    expect(only('The governor called upon the legislature to pass the budget.').cue.text).toBe('called upon')
  })

  it('"pushed back on" is one cue', () => {
    const a = only('The campaign pushed back on those reports Thursday.')
    expect(a.cue.text).toBe('pushed back on')
    expect(a.source?.text).toBe('The campaign')
  })

  it('"went after" attacks someone', () => {
    expect(only('Ruiz went after her opponent in the second debate.').cue.text).toBe('went after')
  })

  it('"trumpeted", "invoked" and "barked" are cues', () => {
    expect(only('The governor trumpeted the new jobs figures at the rally.').cue.text).toBe('trumpeted')
    expect(only('Ruiz invoked her late father in the closing speech.').cue.text).toBe('invoked')
    expect(only('\u201CSit down,\u201D the chairman barked.').cue.text).toBe('barked')
  })

  it('"railed against" and "reaffirmed" are cues', () => {
    expect(only('The bishop railed against the new casino.').cue.text).toBe('railed against')
    expect(only('The senator reaffirmed that she would vote against the bill.').cue.text).toBe('reaffirmed')
  })
})

describe('whose view a sentence gives', () => {
  it('"To Sexton, ..." gives Sexton\'s view', () => {
    const a = only('To Sexton, the answer was obvious from the start.')
    expect(a.cue.text).toBe('To')
    expect(a.source?.text).toBe('Sexton')
    expect(a.content?.text).toBe('the answer was obvious from the start')
  })

  it('"But for Republicans, ..." gives a group\'s view', () => {
    const a = only('But for Republicans, the audit is a smoking gun.')
    expect(a.cue.text).toBe('for')
    expect(a.source?.text).toBe('Republicans')
  })

  it('"For years, ..." and "For Clinton, ..." name no viewer', () => {
    expect(attributions('For years, the depot sat empty.')).toEqual([])
    expect(attributions('For Clinton, the stakes in Ohio are high.')).toEqual([])
  })
})

describe('the whole source phrase', () => {
  it('"according to" takes the phrase with its complement', () => {
    const a = only('Ruiz leads by 12 points, according to a count by the county clerk.')
    expect(a.source?.text).toBe('a count by the county clerk')
  })

  it('"According to ..., " opening the sentence ends the source at its comma', () => {
    const a = only('According to early results of exit polls conducted for the networks, turnout was high.')
    expect(a.source?.text).toBe('early results of exit polls conducted for the networks')
    expect(a.content?.text).toBe('turnout was high')
  })

  it('"according to" at the end keeps a describing aside but not a new clause', () => {
    expect(only('The levy is safe, according to Jo Hale, a pollster who ran the survey.').source?.text).toBe('Jo Hale, a pollster who ran the survey')
    expect(only('Ruiz, according to the Herald, won the ward easily.').source?.text).toBe('the Herald')
  })

  it('a spelled-out number belongs to its share ("Twenty-four percent")', () => {
    expect(only('Twenty-four percent said they would vote for the levy.').source?.text).toBe('Twenty-four percent')
  })

  it('a document dated before its verb keeps the date ("filed Thursday")', () => {
    const a = only('A court document filed Thursday says that the depot was sold twice.')
    expect(a.source?.text).toBe('A court document filed Thursday')
  })

  it('an aside between dashes stays in the source with both dashes', () => {
    const a = only('Jo Hale \u2014 a teacher from Dayton \u2014 says she decided at the last minute.')
    expect(a.source?.text).toBe('Jo Hale \u2014 a teacher from Dayton \u2014')
  })
})

describe('what stands before a source phrase', () => {
  it('a quantity keeps its limit ("More than 4 in 10", "At least half of voters")', () => {
    expect(only('More than 4 in 10 said the levy was too high.').source?.text).toBe('More than 4 in 10')
    expect(only('At least half of voters say the depot should stay open.').source?.text).toBe('At least half of voters')
  })

  it('"all" and "both" before a determined phrase belong to it', () => {
    expect(only('All three candidates have said they would keep the depot.').source?.text).toBe('All three candidates')
    expect(only('Both the Herald and the Courier have said the plan is dead.').source?.text).toBe('Both the Herald and the Courier')
  })

  it('the article of a number belongs to it ("The two camps")', () => {
    expect(only('The two camps said they would meet again in May.').source?.text).toBe('The two camps')
  })

  it('a plural name\u2019s possessive stays with its noun ("Sanders\u2019 aides")', () => {
    expect(only('Sanders\u2019 aides say the campaign will go on.').source?.text).toBe('Sanders\u2019 aides')
  })

  it('"registered voters" keeps its participle', () => {
    expect(only('Sixty percent of registered voters say the levy should pass.').source?.text).toBe('Sixty percent of registered voters')
  })
})

describe('what stands after a source phrase', () => {
  it('a reflexive after the source belongs to it ("Cruz himself")', () => {
    expect(only('Ruiz herself said on Tuesday that the depot would close.').source?.text).toBe('Ruiz herself')
  })

  it('an inverted source keeps a bracketed party tag ("Sen. Jo Hale (D-Ohio)")', () => {
    const a = only('\u201CIt should be at the top of the list,\u201D said Sen. Jo Hale (D-Ohio). The vote is in May.')
    expect(a.source?.text).toBe('Sen. Jo Hale (D-Ohio)')
  })
})

describe('speaking of something', () => {
  it('"spoke favorably of" keeps the adverb and the preposition in the cue', () => {
    const a = only('In a radio interview, the sheriff spoke favorably of the new jail.')
    expect(a.cue.text).toBe('spoke favorably of')
    expect(a.content?.text).toBe('the new jail')
  })

  it('"talked of" is a cue, "spoke in Dayton" still is not', () => {
    expect(only('Ruiz talked of reforms to protect depot workers.').cue.text).toBe('talked of')
    expect(attributions('Ruiz spoke in Dayton on Monday.')).toEqual([])
  })
})

describe('prepositions governed by the cue verb', () => {
  it('"wrote about", "cautioned against", "boasted of" are cues with their preposition', () => {
    expect(only('Hale wrote about the depot closure in her memoir.').cue.text).toBe('wrote about')
    expect(only('The treasurer cautioned against raising the levy.').cue.text).toBe('cautioned against')
    expect(only('Ruiz boasted of her record on transit.').cue.text).toBe('boasted of')
    expect(only('The auditor hoped for a quick settlement with the county.').cue.text).toBe('hoped for')
  })
})

describe('headlines', () => {
  it('a title-case headline with lower-case function words still reads its capitalised verb', () => {
    const all = attributions('Mayor Ruiz Calls for an Audit of the Old Depot on Main Street')
    expect(all.map((a) => a.cue.text)).toContain('Calls for')
  })

  it('a headline\u2019s "Just" belongs to the cue ("Ruiz Just Announced ...")', () => {
    const a = only('Mayor Ruiz Just Announced Her Plan For The Old Depot')
    expect(a.cue.text).toBe('Just Announced')
    expect(a.source?.text).toBe('Mayor Ruiz')
  })
})

describe('stance adjectives with a "that" clause', () => {
  it('"were adamant that" attributes the clause to the subject', () => {
    const a = only('Council aides were adamant that the depot would stay open.')
    expect(a.cue.text).toBe('were adamant')
    expect(a.source?.text).toBe('Council aides')
    expect(a.content?.text).toBe('the depot would stay open')
  })

  it('"remains confident that" keeps the linking verb in the cue', () => {
    expect(only('She remains confident that the levy will pass.').cue.text).toBe('remains confident')
  })

  it('an impersonal "It is clear that" names no one', () => {
    expect(attributions('It is clear that the levy will pass.')).toEqual([])
  })
})

describe('inverted base forms', () => {
  it('"..., say some Democrats." inverts a base form after a comma', () => {
    const a = only('The depot deal may not be such a bad thing, say some Democrats.')
    expect(a.cue.text).toBe('say')
    expect(a.source?.text).toBe('some Democrats')
    expect(a.content?.text).toBe('The depot deal may not be such a bad thing')
  })

  it('"say" as a filler between commas is no cue', () => {
    expect(attributions('He wanted, say, ten dollars for the map.')).toEqual([])
  })
})

describe('a person working for a named body', () => {
  it('"A producer for Yahoo Studios" is the whole source', () => {
    const a = only('A producer for Metro Studios told the Herald on Tuesday that the video was cut.')
    expect(a.source?.text).toBe('A producer for Metro Studios')
  })
})
