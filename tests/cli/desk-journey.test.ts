import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ClaimPage } from '../../src/shared/claims'
import type { Person, Thread } from '../../src/shared/domain'
import type { CheckedBeforeMatch, SearchPage } from '../../src/shared/search/types'
import type { SpeakerDetail } from '../../src/shared/speakers/types'
import { copydesk } from '../helpers/cli'
import { FOLLOW_UP_HEADLINE, journeyFiles, TAX_AGAIN, TAX_CLAIM } from '../helpers/journey'
import { useTempDir } from '../helpers/tmp'

/**
 * The desk's "done when", from the built command line alone on a fresh library: import a
 * dozen articles, tag claims in several, assign them, discuss one, propose and approve a
 * verdict, find it in the claims and by search, see "checked before" on the repeated claim,
 * and read a speaker's page.
 */
describe('the desk from the command line, as a new user walks it', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'copydesk.db')
  const ok = (...args: string[]): string => {
    const r = copydesk(db(), ...args)
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0)
    return r.stdout
  }
  const json = <T>(...args: string[]): T => JSON.parse(ok('--json', ...args)) as T
  const idOf = (headline: RegExp): string => {
    const row = ok('list').split('\n').find((l) => headline.test(l))
    expect(row, `no article matching ${headline}`).toBeDefined()
    return row!.trim().split(/\s+/)[0]
  }

  it('imports a dozen, assigns, discusses, signs off, finds, sees checked before, and reads a speaker', () => {
    expect(copydesk(db(), 'import', ...journeyFiles(dir())).code).toBe(0)
    expect(ok('list').trim().split('\n').length).toBeGreaterThanOrEqual(12)
    const budget = idOf(/Riverton council passes/)
    const courts = idOf(/treasurer gets six years/)
    const followUp = idOf(new RegExp(FOLLOW_UP_HEADLINE))

    // The desk: who is who, and who "I" am.
    json<Person>('people', 'add', 'Inés Salgado', '--role', 'editor')
    json<Person>('people', 'add', 'Rosa Díaz', '--role', 'checker')
    ok('config', 'set', 'userName', 'Rosa Díaz')
    ok('config', 'set', 'userId', 'Rosa Díaz')

    // Claims in several articles, assigned.
    const tax = json<{ id: string }>('annotate', budget, '--kind', 'claim', '--quote', TAX_CLAIM).id
    const theft = json<{ id: string }>('annotate', courts, '--kind', 'claim', '--quote', 'siphoned $4.7 million from public accounts over 11 years').id
    ok('claim', budget, tax, '--checker', 'Rosa Díaz', '--reviewer', 'Inés Salgado', '--due', '2026-12-09')
    ok('claim', courts, theft, '--checker', 'Rosa Díaz')

    // Discussed, then a verdict proposed by the checker.
    ok('comment', 'add', budget, tax, 'The ordinance text says 6.8%; the mayor proposed 4.9% in September.')
    ok('claim', budget, tax, '--status', 'true')
    expect(json<ClaimPage>('claims', '--needs-review').rows.map((r) => [r.annotationId, r.signoff])).toEqual([[tax, 'proposed']])

    // The checker cannot approve; the editor returns it once, then approves.
    expect(copydesk(db(), 'signoff', budget, tax, 'approve')).toMatchObject({ code: 1, stderr: expect.stringMatching(/Only an editor can approve/) })
    ok('config', 'set', 'userId', 'Inés Salgado')
    ok('config', 'set', 'userName', 'Inés Salgado')
    ok('signoff', budget, tax, 'return', '--reason', 'Link the ordinance itself, not the council summary.')
    ok('config', 'set', 'userId', 'Rosa Díaz')
    ok('signoff', budget, tax, 'propose')
    ok('config', 'set', 'userId', 'Inés Salgado')
    ok('signoff', budget, tax, 'approve')
    const thread = json<Thread>('comments', budget, tax)
    expect(thread.comments.map((c) => [c.authorName, c.body])).toEqual([
      ['Rosa Díaz', 'The ordinance text says 6.8%; the mayor proposed 4.9% in September.'],
      ['Inés Salgado', 'Verdict returned: Link the ordinance itself, not the council summary.']
    ])

    // The queue: both claims, the approved one with its people.
    const claims = json<ClaimPage>('claims').rows
    expect(claims.map((r) => r.annotationId).sort()).toEqual([tax, theft].sort())
    expect(claims.find((r) => r.annotationId === tax)).toMatchObject({ status: 'true', signoff: 'approved', checker: { name: 'Rosa Díaz' }, reviewer: { name: 'Inés Salgado' }, signedOffBy: { name: 'Inés Salgado' } })
    expect(json<ClaimPage>('claims', '--checker', 'Rosa Díaz', '--article', courts).rows.map((r) => r.annotationId)).toEqual([theft])
    expect(ok('claims')).toMatch(/“raising the property tax rate by 6\.8%”.*True +Approved +Rosa Díaz +Inés Salgado +2026-12-09/)

    // Search finds the claim by its words, and the article by its outlet and byline.
    const found = json<SearchPage>('search', 'property tax', 'kind:claim').hits
    expect(found.map((h) => [h.kind, h.annotationId, h.status])).toEqual([['claim', tax, 'true']])
    expect(json<SearchPage>('search', 'Okafor').hits.some((h) => String(h.articleId) === budget)).toBe(true)

    // The follow-up repeats the claim in other words: checked before, with the verdict.
    const again = json<{ id: string }>('annotate', followUp, '--kind', 'claim', '--quote', TAX_AGAIN).id
    const matches = json<CheckedBeforeMatch[]>('checked-before', followUp, again.slice(0, 8))
    expect(matches[0]).toMatchObject({ annotationId: tax, articleId: Number(budget), status: 'true', text: TAX_CLAIM })
    expect(ok('checked-before', followUp, again)).toMatch(/True, \d{4}-\d{2}-\d{2}\t“raising the property tax rate by 6\.8%”\n\tRiverton council passes/)
    expect(ok('checked-before', 'the libraries will open on Sundays')).toMatch(/^Not checked before/)

    // A quote with its speaker, and the speaker's page.
    ok('annotate', budget, '--kind', 'quote', '--quote', "We spent a decade pretending the pension bill would go away if we didn't look at it", '--speaker', 'Lorraine Becker')
    ok('annotate', budget, '--kind', 'attribution', '--quote', 'Becker told reporters', '--source', 'Becker')
    expect(copydesk(db(), 'annotate', budget, '--kind', 'claim', '--quote', 'the largest increase since 1998', '--speaker', 'Becker')).toMatchObject({ code: 2 })
    expect(ok('speakers')).toMatch(/Lorraine Becker/)
    const becker = json<SpeakerDetail>('speaker', 'Lorraine Becker')
    expect(becker.quotes.map((q) => q.exact)).toEqual([expect.stringMatching(/^We spent a decade pretending/)])
  }, 180_000)
})
