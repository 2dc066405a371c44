import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../src/main/core/dispatch'
import { createServices } from '../../src/main/core/services'
import { openStore, type Store } from '../../src/main/core/store'
import type { SpeakerDetail, SpeakerSummary } from '../../src/shared/speakers/types'
import { annotationOn, newArticle } from '../helpers/articles'
import { seedSpeakers } from '../helpers/speakers'
import { useTempDir } from '../helpers/tmp'

describe('speakers through the contract, on a real library file', () => {
  const dir = useTempDir()

  async function open(): Promise<{ store: Store; call: <T>(op: string, input: unknown) => Promise<T>; fail: (op: string, input: unknown) => Promise<{ code: string; message: string }> }> {
    const store = openStore(join(dir(), 'speakers.db'))
    seedSpeakers(store)
    const dispatch = createDispatch(createServices(store))
    return {
      store,
      async call<T>(op: string, input: unknown): Promise<T> {
        const r = await dispatch(op, input)
        if (!r.ok) throw new Error(`${op}: ${r.error.message}`)
        return r.value as T
      },
      async fail(op, input) {
        const r = await dispatch(op, input)
        if (r.ok) throw new Error(`${op} should have been refused`)
        return r.error
      }
    }
  }

  it('lists every named person once, with counts, most quoted and cited first', async () => {
    const { store, call } = await open()
    const list = await call<SpeakerSummary[]>('listSpeakers', {})
    expect(list.map((s) => [s.name, s.quoteCount, s.claimCount, s.articleCount])).toEqual([
      ['Vladimir Putin', 2, 2, 2],
      ['Jane Smith', 1, 1, 1],
      ['John Smith', 1, 1, 1],
      ['George Bush', 1, 0, 1],
      ['George W. Bush', 1, 0, 1],
      ['Smith', 1, 0, 1]
    ])
    const putin = list[0]
    expect(putin).toMatchObject({ id: 'vladimir-putin', lastSeen: '2026-11-15' })
    expect(putin.variants).toEqual(expect.arrayContaining(['Russian President Vladimir Putin', 'Mr. Putin', 'Putin', 'Vladimir Putin']))
    // The anonymous "Officials in Odesa" is nobody's page.
    expect(list.some((s) => /Officials/.test(s.name))).toBe(false)
    expect((await call<SpeakerSummary[]>('listSpeakers', { query: 'smith' })).map((s) => s.name)).toEqual(['Jane Smith', 'John Smith', 'Smith'])
    store.close()
  })

  it("a person's page has their quotes and claims newest first, with verdicts and where they are", async () => {
    const { store, call } = await open()
    const putin = await call<SpeakerDetail>('getSpeaker', { id: 'Putin' })
    expect(putin.quotes.map((q) => [q.date, q.nameAsWritten, q.headline])).toEqual([
      ['2026-11-15', 'Vladimir Putin', 'Grain corridor deal stalls as shipments slow'],
      ['2026-10-02', 'Mr. Putin', 'Kremlin signals it is open to new grain talks']
    ])
    // One claim sourced to him through an attribution, one inside his quote.
    expect(putin.claims.map((c) => [c.annotationId, c.status, c.exact])).toEqual([
      ['g-claim', 'false', 'shipments to Africa fell by half'],
      ['k-claim-1', 'mostly_true', 'Russian wheat exports rose 12 percent last year']
    ])
    expect(putin.claims[0].articleId).toBe(2)
    expect((await call<SpeakerDetail>('getSpeaker', { id: 'Russian President Vladimir Putin' })).id).toBe('vladimir-putin')
    expect((await call<SpeakerDetail>('getSpeaker', { id: 'putin@1' })).id).toBe('vladimir-putin')
    store.close()
  })

  it('merges two people the user says are one, splits them again, and both survive new articles', async () => {
    const { store, call } = await open()
    const merged = await call<SpeakerDetail>('mergeSpeakers', { a: 'George Bush', b: 'George W. Bush' })
    expect(merged.quotes).toHaveLength(2)
    expect(merged.parts.map((p) => [p.name, p.joined])).toEqual([
      ['George Bush', expect.stringMatching(/name|merge/)],
      ['George W. Bush', expect.stringMatching(/name|merge/)]
    ])
    // A new article naming George Bush: re-derived, the merge holds.
    const text = '“We will rebuild,” George Bush said in 1992.'
    store.insertArticle(newArticle([text], 'Archive: campaign speeches'), [annotationOn(text, '“We will rebuild,”', 'quote', 'n-quote', { speakerName: 'George Bush' })])
    const list = await call<SpeakerSummary[]>('listSpeakers', { query: 'bush' })
    expect(list.map((s) => [s.name, s.quoteCount])).toEqual([[expect.stringMatching(/George (W\. )?Bush/), 3]])

    // Split the merge back apart by naming the part the user merged in.
    const mergedIn = merged.parts.find((p) => p.joined === 'merge')!
    const { apart } = await call<{ speaker: SpeakerDetail; apart: SpeakerDetail }>('splitSpeaker', { id: merged.id, part: mergedIn.id.split('@')[0] })
    expect(apart.parts.every((p) => p.name === mergedIn.name)).toBe(true)
    expect((await call<SpeakerSummary[]>('listSpeakers', { query: 'bush' })).map((s) => s.name).sort()).toEqual(['George Bush', 'George W. Bush'])
    store.close()
  })

  it('splits one article\'s mention off a person the names joined, and the split is kept', async () => {
    const { store, call } = await open()
    const { speaker, apart } = await call<{ speaker: SpeakerDetail; apart: SpeakerDetail }>('splitSpeaker', { id: 'vladimir-putin', part: 'vladimir-putin@2' })
    expect(speaker.articleCount).toBe(1)
    expect(apart).toMatchObject({ id: 'vladimir-putin@2', articleCount: 1, quoteCount: 1, claimCount: 1 })
    expect(apart.parts[0].joined).toBe('split')
    const list = await call<SpeakerSummary[]>('listSpeakers', { query: 'putin' })
    expect(list).toHaveLength(2)
    // And merged back.
    await call('mergeSpeakers', { a: 'vladimir-putin', b: 'vladimir-putin@2' })
    expect(await call<SpeakerSummary[]>('listSpeakers', { query: 'putin' })).toHaveLength(1)
    store.close()
  })

  it('sees what another program writes to the same file, and what this one saves', async () => {
    const { store, call } = await open()
    expect((await call<SpeakerSummary[]>('listSpeakers', {})).map((s) => s.name)).not.toContain('Olaf Scholz')
    const other = openStore(store.file)
    const text = '“Europe must pay for its own defence,” Chancellor Olaf Scholz said.'
    other.insertArticle(newArticle([text], 'Berlin sets out a defence budget'), [annotationOn(text, '“Europe must pay for its own defence,”', 'quote', 'o-quote', { speakerName: 'Chancellor Olaf Scholz' })])
    other.close()
    expect((await call<SpeakerSummary[]>('listSpeakers', {})).map((s) => s.name)).toContain('Olaf Scholz')
    // A save through this store renames him: the list follows at once.
    const article = store.listArticles().find((a) => a.headline.startsWith('Berlin'))!
    store.saveArticle({ id: article.id, baseRevision: 1, annotations: [annotationOn(text, '“Europe must pay for its own defence,”', 'quote', 'o-quote', { speakerName: 'Olaf Scholtz' })], who: 'Ana' })
    const names = (await call<SpeakerSummary[]>('listSpeakers', {})).map((s) => s.name)
    expect(names).toContain('Olaf Scholtz')
    expect(names).not.toContain('Olaf Scholz')
    store.close()
  })

  it('refuses what cannot be done in words, and changes nothing', async () => {
    const { store, call, fail } = await open()
    const decisions = (): unknown => store.db.prepare('SELECT count(*) AS n FROM speaker_decisions').get()
    expect(await fail('getSpeaker', { id: 'Angela Merkel' })).toMatchObject({ code: 'not_found', message: 'No one called "Angela Merkel" is quoted or cited in the library.' })
    expect(await fail('getSpeaker', { id: 'Smith' })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^"Smith" could be 3 people: .*Name one by its id\.$/) })
    expect(await fail('mergeSpeakers', { a: 'Putin', b: 'Mr. Putin' })).toMatchObject({ code: 'invalid_input', message: '"Putin" and "Mr. Putin" are already one person: Vladimir Putin.' })
    expect(await fail('splitSpeaker', { id: 'George Bush', part: 'george-bush@6' })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/named only once/) })
    expect(await fail('splitSpeaker', { id: 'Putin', part: 'john-smith@3' })).toMatchObject({ code: 'not_found' })
    expect(await fail('getSpeaker', { id: '   ' })).toMatchObject({ code: 'invalid_input' })
    expect(decisions()).toEqual({ n: 0 })
    await call('listSpeakers', {})
    store.close()
  })
})
