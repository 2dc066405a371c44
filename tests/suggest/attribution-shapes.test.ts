/**
 * Attribution shapes beyond the plain "X said": raising verbs, sources framed by asides,
 * dates and party labels, infinitives led by a verb of causing, and participles and verbs
 * that go on from an earlier cue. Sentences are our own.
 */
import { describe, expect, it } from 'vitest'
import { attributions, cueOf, only } from './helpers'

describe('who a source is', () => {
  it('"seemed" and "appeared" judge their subject and name no source', () => {
    const a = only('The senator seemed to enjoy the debate.')
    expect(a.cue.text).toBe('seemed')
    expect(a.source).toBeNull()
    expect(only('The new budget appears to favor the suburbs.').source).toBeNull()
  })

  it('a source with an aside may open a clause after a subordinator: "When the chairman, Ann Diaz, said"', () => {
    expect(only('When the party\u2019s chairman, Ann Diaz, said the fund was empty, nobody listened.').source?.text).toBe('the party\u2019s chairman, Ann Diaz,')
  })

  it('a party and state label keeps its full stop inside the source: "Sen. Ann Diaz, D-Ore.,"', () => {
    const a = only('Sen. Ann Diaz, D-Ore., told reporters that the bill would pass.')
    expect(a.source?.text).toBe('Sen. Ann Diaz, D-Ore.,')
    expect(a.content?.text).toBe('the bill would pass')
  })

  it('a source with more modifiers than usual keeps them when an article opens it: "A major civil rights group"', () => {
    expect(only('A major Latino civil rights group said the new map would dilute their votes.').source?.text).toBe('A major Latino civil rights group')
    expect(only('The largest local teachers group said the contract was fair.').source?.text).toBe('The largest local teachers group')
  })

  it('a label at the end of a sentence still ends it', () => {
    expect(only('Aides said the bill came from Rep. Lu Park, R-Kan. It would pass.').content?.text).toBe('the bill came from Rep. Lu Park, R-Kan')
  })

  it('an -ing noun after a determiner or a possessive can end a source: "familiar with the planning"', () => {
    expect(only('A person familiar with the planning says the vote will be delayed.').source?.text).toBe('A person familiar with the planning')
    expect(only('The station\u2019s reporting suggests the mayor knew about the leak.').source?.text).toBe('The station\u2019s reporting')
  })

  it('a name\u2019s possessive takes the whole name: "Channel Nine\u2019s editorial board"', () => {
    expect(only('Channel Nine\u2019s editorial board said the mayor should resign.').source?.text).toBe('Channel Nine\u2019s editorial board')
  })

  it('an inverted source runs through common nouns to the end of its clause: "said the printed campaign flyer."', () => {
    expect(only('\u201CWe will win,\u201D said the printed campaign flyer.').source?.text).toBe('the printed campaign flyer')
    expect(only('\u201CWe will win,\u201D said Republican political consultant Jo Hale.').source?.text).toBe('Republican political consultant Jo Hale')
    expect(only('\u201CWe will win,\u201D said Jo Hale of the Ohio delegation.').source?.text).toBe('Jo Hale of the Ohio delegation')
  })

  it('a determined noun with "of" or "from" heads the source: "A video of the hearing shows"', () => {
    expect(only('A video of the hearing shows the mayor leaving early.').source?.text).toBe('A video of the hearing')
  })

  it('groups joined by "and" at the start of a clause are one source, but not a verb\u2019s object and a new subject', () => {
    expect(only('Local officials and party sources described the plan as doomed.').source?.text).toBe('Local officials and party sources')
    expect(cueOf('The mayor visited the troops and officials said the base would stay open.', 'said')?.source?.text).toBe('officials')
  })

  it('a participle describing a named person after "a" belongs to the source: "A flabbergasted Jo Hale"', () => {
    expect(only('A flabbergasted Jo Hale quipped that the vote was rigged.').source?.text).toBe('A flabbergasted Jo Hale')
  })

  it('a double hyphen is a dash: the aside between two keeps to its source, a relative clause stays out', () => {
    expect(only('The three judges -- Ann Diaz, Jo Hale and Lu Park -- agreed that the law was void.').source?.text).toBe('The three judges -- Ann Diaz, Jo Hale and Lu Park --')
    expect(only('The mayor -- who has fought the plan for years -- said the bridge was safe.').source?.text).toBe('The mayor')
  })

  it('a time phrase between source and cue is skipped: "later Thursday", "this past week"', () => {
    expect(only('The mayor later Thursday told reporters that the bridge was safe.').source?.text).toBe('The mayor')
    expect(only('The mayor, a Democrat, this past week announced that the bridge was safe.').source?.text).toBe('The mayor, a Democrat,')
  })

  it('a noun labelled by a participle with "as" is no source: "a shelter known as Hope House"', () => {
    const a = only('The county runs a shelter known as Hope House.')
    expect(a.cue.text).toBe('known as')
    expect(a.source).toBeNull()
    expect(only('The plan, which critics described as reckless, passed.').source?.text).toBe('critics')
  })

  it('an -s form that is often a noun is a verb after a source and its aside: "Jo Hale, the treasurer, calls"', () => {
    const a = only('Jo Hale, the county treasurer, calls the plan a farce.')
    expect(a.cue.text).toBe('calls')
    expect(a.source?.text).toBe('Jo Hale, the county treasurer,')
  })

  it('a time phrase is never a source: "at one point calling"', () => {
    expect(attributions('He has battled the council over the budget, at one point calling the mayor a liar.').map((a) => a.source?.text)).not.toContain('one point')
    expect(attributions('The senator would have a difficult time vetoing the bill.').map((a) => a.source?.text)).not.toContain('a difficult time')
  })

  it('an aside before a time phrase still closes the source: "Ann Diaz, the treasurer, on Tuesday called"', () => {
    const a = only('Ann Diaz, the county treasurer, on Tuesday called the audit a farce.')
    expect(a.source?.text).toBe('Ann Diaz, the county treasurer,')
    expect(a.cue.text).toBe('called')
  })
})

describe('cues that lean on another verb', () => {
  it('an infinitive after a verb of causing is a cue of its object: "led the governor to declare"', () => {
    const a = only('The defeat led the governor to declare that she would not run again.')
    expect(a.cue.text).toBe('to declare')
    expect(a.source?.text).toBe('the governor')
    expect(a.content?.text).toBe('she would not run again')
  })

  it('an infinitive of purpose is still no cue', () => {
    expect(cueOf('The crowd gathered in the square to say goodbye.', 'to say')).toBeUndefined()
  })

  it('a participle after a quotation closed by a comma reports what follows it: "“reckless,” adding that"', () => {
    const a = cueOf('The mayor called the plan \u201Creckless,\u201D adding that it would cost jobs.', 'adding')
    expect(a?.source?.text).toBe('The mayor')
    expect(a?.content?.text).toBe('it would cost jobs')
  })

  it('a participle after a dash speaks for the sentence\u2019s subject: "– saying"', () => {
    const a = only('The mayor changed her mind \u2013 saying the plan was too costly.')
    expect(a.cue.text).toBe('saying')
    expect(a.source?.text).toBe('The mayor')
  })

  it('a participle in a phrase opening the sentence speaks for the subject after its comma, and reports up to it', () => {
    const all = attributions('After talking about the budget, the mayor said the bridge was safe.')
    expect(all.map((a) => [a.cue.text, a.source?.text, a.content?.text])).toEqual([
      ['talking about', 'the mayor', 'the budget'],
      ['said', 'the mayor', 'the bridge was safe']
    ])
  })

  it('a progressive of a verb of saying is finite: "are saying", "are predicting"', () => {
    const a = only('TV networks are predicting a record audience.')
    expect(a.cue.text).toBe('are predicting')
    expect(a.source?.text).toBe('TV networks')
  })

  it('a verb joined by "and" to a report is the speaker\u2019s own act, not part of the report', () => {
    const a = cueOf('The mayor said the plan was costly and criticized the council for its delay.', 'criticized')
    expect(a?.source?.text).toBe('The mayor')
    expect(a?.content?.text).toBe('the council for its delay')
  })

  it('a verb joined by "and" speaks for the subject after a dateline or an opening phrase', () => {
    expect(only('WASHINGTON \u2014 The mayor met the strikers and promised that the plant would stay open.').source?.text).toBe('The mayor')
    expect(only('Despite the rain, the mayor toured the site and said the bridge was safe.').source?.text).toBe('the mayor')
  })

  it('a participle after a comma speaks for the main clause\u2019s subject, not for a clause read as an aside', () => {
    expect(only('Jo Hale, a lawyer from Akron, filed the suit on Monday, saying the vote was unfair.').source?.text).toBe('Jo Hale')
    // A progressive is a main verb: the comma before it does close an aside.
    expect(only('Jo Hale, a former clerk at the county office, has been quietly pushing for the levy.').source?.text).toBe('Jo Hale, a former clerk at the county office,')
  })

  it('a description may open with a name\u2019s possessive or a role word: "Clinton\u2019s campaign manager", "then the treasurer"', () => {
    expect(only('\u201CWe will win,\u201D said Jo Hale, Clinton\u2019s campaign manager.').source?.text).toBe('Jo Hale, Clinton\u2019s campaign manager')
    expect(only('\u201CWe will win,\u201D said Jo Hale, then the county treasurer.').source?.text).toBe('Jo Hale, then the county treasurer')
    expect(only('\u201CWe will win,\u201D said Jo Hale, managing director of the fund.').source?.text).toBe('Jo Hale, managing director of the fund')
  })

  it('an aside naming a common-noun source belongs to it: "said the company\u2019s chief executive, Jo Hale"', () => {
    expect(only('\u201CWe will win,\u201D said the company\u2019s chief executive, Jo Hale.').source?.text).toBe('the company\u2019s chief executive, Jo Hale')
  })

  it('a spaced hyphen after a dateline is a dash, not part of a name', () => {
    expect(only('NEW YORK - Republican candidate Jo Hale on Saturday said the race was close.').source?.text).toBe('Republican candidate Jo Hale')
  })

  it('a noun heading a relative clause is no descriptor of the name after it: "the moment Jo Hale announced"', () => {
    expect(only('It was the moment Jo Hale announced her run.').source?.text).toBe('Jo Hale')
    expect(only('There are two reasons Jo Hale opposes the levy.').source?.text).toBe('Jo Hale')
  })

  it('an aside of "including" belongs to the source: "County officials, including the mayor,"', () => {
    expect(only('County officials, including the mayor, said the bridge was safe.').source?.text).toBe('County officials, including the mayor,')
  })
})

describe('a plural present of a verb of saying', () => {
  it('follows a subject not read as plural: "those surveyed say", "the new data suggest"', () => {
    const a = only('By wide margins, those surveyed say the bridge should be rebuilt.')
    expect(a.cue.text).toBe('say')
    expect(a.content?.text).toBe('the bridge should be rebuilt')
    expect(only('The new data suggest that the plant will close.').source?.text).toBe('The new data')
  })

  it('is no cue where the word is a noun: "the final say"', () => {
    expect(attributions('The council has the final say on the levy.')).toEqual([])
  })
})

describe('"Name: words" lines', () => {
  it('a tally or a credit line is no one\u2019s words: "Clinton: 1,769", "Contributing: Jo Hale"', () => {
    expect(attributions('Hale: 1,769.\nRuiz: $4,000.')).toEqual([])
    expect(attributions('Contributing: Jo Hale.')).toEqual([])
    expect(only('Hale: We will win Ohio.').source?.text).toBe('Hale')
  })
})

describe('a quantity standing as the subject', () => {
  it('takes a past form of a verb of saying: "Several said", "most said"', () => {
    const a = cueOf('Several said they would vote for the levy.', 'said')
    expect(a?.source?.text).toBe('Several')
    expect(a?.content?.text).toBe('they would vote for the levy')
  })

  it('is a determiner after an article: "a few tweets", "the most elaborate plan"', () => {
    expect(attributions('He sent a few tweets about the levy.')).toEqual([])
    expect(attributions('It was the most elaborate plan of the year.')).toEqual([])
  })
})

describe('more verbs of saying and judging', () => {
  it('"chastised", "affirm", "pondered" are cues', () => {
    expect(only('The mayor chastised the council for the delay.').cue.text).toBe('chastised')
    expect(only('Engineers affirm that the bridge is safe.').source?.text).toBe('Engineers')
    expect(only('The mayor pondered whether the bridge could be saved.').content?.text).toBe('whether the bridge could be saved')
  })
})

describe('"according to" in mid-sentence', () => {
  it('ends its source at a comma that goes on with the sentence, or at a spaced dash', () => {
    expect(only('Over the long term, according to the budget office, the deficit will shrink.').source?.text).toBe('the budget office')
    expect(only('Most voters - 63 percent, according to the county survey - back the levy.').source?.text).toBe('the county survey')
  })

  it('keeps a description of its source after the comma: "Jo Hale, director of the budget office"', () => {
    expect(only('The fund is empty, according to Jo Hale, director of the county budget office.').source?.text).toBe('Jo Hale, director of the county budget office')
  })
})

describe('what the verb group takes in', () => {
  it('a noun in -ly before the verb is no adverb: "A Clinton ally suggested", "the rally denounced"', () => {
    const a = only('A Clinton ally suggested the plan was doomed.')
    expect(a.cue.text).toBe('suggested')
    expect(a.source?.text).toBe('A Clinton ally')
    expect(only('The rally denounced the new levy.').cue.text).toBe('denounced')
  })

  it('"in a statement" is part of the cue, other settings ("in an email", "in a speech") are not', () => {
    expect(only('The mayor said in a statement that the bridge was safe.').cue.text).toBe('said in a statement')
    expect(only('The mayor said in an email that the bridge was safe.').cue.text).toBe('said')
    expect(only('The mayor wrote in a letter that the bridge was safe.').cue.text).toBe('wrote')
  })

  it('an adverb in -ly still belongs to the cue: "would only say"', () => {
    expect(only('The mayor would only say that the bridge was safe.').cue.text).toBe('would only say')
  })
})
