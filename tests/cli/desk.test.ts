import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ClaimPage } from '../../src/shared/claims'
import type { Person } from '../../src/shared/domain'
import { copydesk, ROOT } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

const sample = (name: string): string => join(ROOT, 'samples', name)

/** The desk from the built command line alone, against a real library file. */
describe('copydesk people, config, claims, claim and signoff', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'desk.db')
  const ok = (...args: string[]): string => {
    const r = copydesk(db(), ...args)
    expect(r.stderr.replace(/^Creating a new library at .*\n/, '').replace(/^More claims: .*\n/, ''), args.join(' ')).toBe('')
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0)
    return r.stdout
  }
  const json = <T>(...args: string[]): T => JSON.parse(ok('--json', ...args)) as T

  function desk(): { rosa: Person; ines: Person } {
    ok('import', sample('city-budget.txt'), sample('courts-treasurer.txt'))
    ok('annotate', '1', '--kind', 'claim', '--quote', 'raising the property tax rate by 6.8%')
    ok('annotate', '1', '--kind', 'claim', '--quote', 'the largest increase since 1998', '--status', 'false')
    ok('annotate', '2', '--kind', 'claim', '--quote', 'siphoned $4.7 million from public accounts over 11 years', '--status', 'true')
    const rosa = json<Person>('people', 'add', 'Rosa Díaz')
    const ines = json<Person>('people', 'add', 'Inés Salgado', '--role', 'editor', '--initials', 'IS')
    return { rosa, ines }
  }

  it('keeps the roster and every preference, and ClaimReview exports once the organisation is set', () => {
    const { rosa, ines } = desk()
    expect(rosa).toMatchObject({ name: 'Rosa Díaz', initials: 'RD', role: 'checker', archived: false })
    expect(ok('people', 'list')).toMatch(/Inés Salgado\s+IS\s+editor/)
    const twice = copydesk(db(), 'people', 'add', 'rosa díaz')
    expect(twice).toMatchObject({ code: 1, stdout: '' })
    expect(twice.stderr).toMatch(/Rosa Díaz is already on the desk roster/)

    // ClaimReview names the organisation: refused until it is set, from the command line alone.
    const refused = copydesk(db(), 'export', '1', '--format', 'claimreview')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/organisation/)
    ok('config', 'set', 'organisation', 'Riverton Fact Desk')
    ok('config', 'set', 'organisationUrl', 'https://factdesk.example')
    ok('config', 'set', 'userName', 'Inés Salgado')
    expect(ok('config', 'set', 'userId', 'inés salgado')).toBe(`userId is now Inés Salgado (${ines.id}).\n`)
    expect(json('config', 'get')).toEqual({ userName: 'Inés Salgado', userId: ines.id, organisation: 'Riverton Fact Desk', organisationUrl: 'https://factdesk.example' })
    expect(ok('config', 'get', 'organisation')).toBe('Riverton Fact Desk\n')
    const bad = copydesk(db(), 'config', 'set', 'colour', 'blue')
    expect(bad).toMatchObject({ code: 2 })
    expect(bad.stderr).toMatch(/"colour" is not a preference; the preferences are userName, userId, organisation, organisationUrl/)
    expect(copydesk(db(), 'config', 'set', 'userId', 'Nobody Here')).toMatchObject({ code: 1 })

    // Until an editor approves the verdict, ClaimReview leaves it out and says so; --unapproved takes it.
    const early = copydesk(db(), 'export', '1', '--format', 'claimreview')
    expect(early).toMatchObject({ code: 0, stderr: '1 claim was left out: its verdict is not approved by an editor yet (--unapproved includes them).\n' })
    expect(JSON.parse(early.stdout)).toEqual([])
    const asked = copydesk(db(), 'export', '1', '--format', 'claimreview', '--unapproved')
    expect(asked).toMatchObject({ code: 0, stderr: '' })
    expect(asked.stdout).toContain('"alternateName": "False"')
    const md = copydesk(db(), 'export', '1', '--format', 'md')
    expect(md.stdout).toContain('> Only verdicts approved by an editor are published here: 1 claim whose verdict is not approved yet was left out.')
    expect(copydesk(db(), 'export', '1', '--format', 'md', '--unapproved').stdout).toContain('> 1 verdict here is not approved by an editor yet.')

    ok('signoff', '1', claimId(1, 'the largest increase since 1998'), 'approve')
    const exported = copydesk(db(), 'export', '1', '--format', 'claimreview')
    expect(exported).toMatchObject({ code: 0, stderr: '' })
    const reviews = JSON.parse(exported.stdout) as { author: { name: string }; reviewRating: { alternateName: string } }[] | { author: { name: string } }
    expect(JSON.stringify(reviews)).toContain('Riverton Fact Desk')
    expect(JSON.stringify(reviews)).toContain('False')

    ok('people', 'archive', 'Rosa Díaz')
    expect(json<Person[]>('people', 'list').map((p) => p.name)).toEqual(['Inés Salgado'])
    expect(json<Person[]>('people', 'list', '--all').map((p) => [p.name, p.archived])).toEqual([
      ['Inés Salgado', false],
      ['Rosa Díaz', true]
    ])
  }, 120_000)

  /** The id of the claim over `quote` in an article, from the command line's own listing. */
  function claimId(article: number, quote: string): string {
    const list = json<{ id: string; exact: string }[]>('annotations', String(article))
    return list.find((a) => a.exact === quote)!.id
  }

  it('assigns, lists with filters and pages, and signs verdicts off as the user', () => {
    const { rosa, ines } = desk()
    const tax = claimId(1, 'raising the property tax rate by 6.8%')
    const largest = claimId(1, 'the largest increase since 1998')
    const theft = claimId(2, 'siphoned $4.7 million from public accounts over 11 years')
    // The start of an id, as `claims` prints it, is enough.
    expect(ok('claim', '1', tax.slice(0, 8), '--checker', 'Rosa Díaz', '--reviewer', 'Inés Salgado', '--due', '2026-12-09')).toMatch(/checker Rosa Díaz, reviewer Inés Salgado, due 2026-12-09/)
    ok('claim', '1', largest, '--checker', 'rosa díaz')
    ok('claim', '2', theft, '--reviewer', 'Inés Salgado')
    const wrongDay = copydesk(db(), 'claim', '1', tax, '--due', '2026-13-01')
    expect(wrongDay.code).toBe(1)
    expect(wrongDay.stderr).toMatch(/YYYY-MM-DD/)

    const all = json<ClaimPage>('claims')
    expect(all.rows.map((r) => r.text)).toEqual(['siphoned $4.7 million from public accounts over 11 years', 'the largest increase since 1998', 'raising the property tax rate by 6.8%'])
    expect(all.rows[2]).toMatchObject({ headline: expect.stringMatching(/^Riverton council passes/), checker: { name: 'Rosa Díaz' }, reviewer: { name: 'Inés Salgado' }, due: '2026-12-09', status: 'unchecked', signoff: 'none' })
    expect(all.rows[2].before).toMatch(/adopt a \$1\.42 billion operating budget for 2027, $/)
    expect(all.nextCursor).toBeNull()

    expect(json<ClaimPage>('claims', '--checker', 'Rosa Díaz').rows.map((r) => r.annotationId).sort()).toEqual([tax, largest].sort())
    expect(json<ClaimPage>('claims', '--checker', 'none').rows.map((r) => r.annotationId)).toEqual([theft])
    expect(json<ClaimPage>('claims', '--status', 'false,true').rows.map((r) => r.status)).toEqual(['true', 'false'])
    expect(json<ClaimPage>('claims', '--needs-review').rows.map((r) => r.signoff)).toEqual(['proposed', 'proposed'])
    expect(json<ClaimPage>('claims', '--sort', 'due').rows[0].annotationId).toBe(tax)

    // Pages: two, then the rest, with the cursor the first page gives.
    const first = copydesk(db(), '--json', 'claims', '--limit', '2')
    const page1 = JSON.parse(first.stdout) as ClaimPage
    expect(page1.rows).toHaveLength(2)
    expect(first.stderr).toBe('')
    // Read by a person, the table says where the next page starts.
    expect(copydesk(db(), 'claims', '--limit', '2').stderr).toBe(`More claims: add --cursor ${page1.nextCursor}\n`)
    const page2 = json<ClaimPage>('claims', '--limit', '2', '--cursor', page1.nextCursor!)
    expect([...page1.rows, ...page2.rows].map((r) => r.annotationId)).toEqual(all.rows.map((r) => r.annotationId))
    expect(page2.nextCursor).toBeNull()
    expect(copydesk(db(), 'claims', '--cursor', 'not-a-cursor')).toMatchObject({ code: 1, stderr: expect.stringMatching(/lost its place/) })

    // Readable output, too.
    expect(ok('claims', '--checker', 'Rosa Díaz')).toMatch(/^CLAIM\s+TEXT\s+ARTICLE\s+STATUS\s+SIGN-OFF\s+CHECKER\s+REVIEWER\s+DUE\s+CHANGED\n/)

    // Sign-off: as a checker, refused; as an editor, approved, or returned with a reason.
    ok('config', 'set', 'userId', rosa.id)
    const refused = copydesk(db(), 'signoff', '1', largest, 'approve')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/Only an editor can approve a verdict, and Rosa Díaz is a checker/)
    expect(json<ClaimPage>('claims', '--mine').rows.map((r) => r.annotationId).sort()).toEqual([tax, largest].sort())
    ok('config', 'set', 'userId', 'Inés Salgado')
    expect(ok('signoff', '1', largest, 'approve')).toMatch(/False, approved by Inés Salgado/)
    expect(copydesk(db(), 'signoff', '2', theft, 'return')).toMatchObject({ code: 1, stderr: expect.stringMatching(/Say why the verdict goes back/) })
    expect(ok('signoff', '2', theft, 'return', '--reason', 'Prosecutors said 11 years; the plea covers nine.')).toMatch(/True, returned by Inés Salgado/)
    expect(json<ClaimPage>('claims', '--signoff', 'approved,returned').rows.map((r) => [r.annotationId, r.signoff])).toEqual([
      [theft, 'returned'],
      [largest, 'approved']
    ])
    expect(json<ClaimPage>('claims', '--mine').rows.map((r) => r.annotationId).sort()).toEqual([tax, theft].sort())
    // The library says how far each article's claims are.
    const list = json<{ id: number; claimCount: number; approvedCount: number; worstVerdict: string | null }[]>('list')
    expect(list.find((a) => a.id === 1)).toMatchObject({ claimCount: 2, approvedCount: 1, worstVerdict: 'false' })
    expect(list.find((a) => a.id === 2)).toMatchObject({ claimCount: 1, approvedCount: 0, worstVerdict: 'true' })
    expect(copydesk(db(), 'signoff', '1', largest, 'bless')).toMatchObject({ code: 2 })
  }, 180_000)
})
