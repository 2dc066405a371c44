import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/core/store'
import type { ClaimQuery, ClaimRow } from '../../src/shared/claims'
import { CLAIM_STATUSES, type Annotation } from '../../src/shared/domain'
import { importedSignoff } from '../../src/shared/signoff'
import { annotationOn, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

/** The claims across articles, page by page (keyset), against the same claims sorted and filtered in full. */
describe('the claims query', () => {
  const dir = useTempDir()

  it('pages give every claim once, in order, for each filter and sort; a deleted article’s claims are left out', () => {
    const store = openStore(join(dir(), 'claims.db'))
    const rosa = store.addPerson({ name: 'Rosa Díaz', role: 'checker' })
    const ines = store.addPerson({ name: 'Inés Salgado', role: 'editor' })
    store.setPreferences({ userId: rosa.id })
    const all: { articleId: number; a: Annotation }[] = []
    for (let n = 1; n <= 3; n++) {
      const sentences = Array.from({ length: 70 }, (_, i) => `Line ${n}-${i} of the budget rose by ${i + 2} per cent.`)
      const text = store.insertArticle(newArticle([sentences.join(' ')], `Budget ${n}`)).text
      const claims = sentences.map((s, i) => {
        const status = CLAIM_STATUSES[(i + n) % CLAIM_STATUSES.length]
        const a = annotationOn(text, s, 'claim', `c${n}-${i}`, {
          status,
          ...importedSignoff(status),
          checkerId: i % 3 === 0 ? null : i % 3 === 1 ? rosa.id : ines.id,
          due: i % 4 === 0 ? '' : `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`
        })
        // Some share a time: the id breaks the tie.
        return { ...a, updatedAt: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00.000Z` } as Annotation
      })
      store.saveArticle({ id: n, baseRevision: 1, annotations: claims, who: 'Test' })
      all.push(...claims.map((a) => ({ articleId: n, a })))
    }
    store.softDeleteArticle(3)
    const live = all.filter((x) => x.articleId !== 3)

    const pages = (q: ClaimQuery): ClaimRow[] => {
      const out: ClaimRow[] = []
      let cursor: string | undefined
      for (let i = 0; i < 100; i++) {
        const page = store.listClaims({ ...q, limit: 17, cursor })
        out.push(...page.rows)
        if (!page.nextCursor) return out
        cursor = page.nextCursor
      }
      throw new Error('no end')
    }
    const f = (x: { a: Annotation }): Extract<Annotation, { kind: 'claim' }>['fields'] => (x.a as Extract<Annotation, { kind: 'claim' }>).fields
    const byChange = (x: { a: Annotation }, y: { a: Annotation }): number => (x.a.updatedAt === y.a.updatedAt ? (x.a.id < y.a.id ? 1 : -1) : x.a.updatedAt < y.a.updatedAt ? 1 : -1)
    const ids = (rows: ClaimRow[]): string[] => rows.map((r) => r.annotationId)

    expect(ids(pages({}))).toEqual([...live].sort(byChange).map((x) => x.a.id))
    expect(ids(pages({ sort: 'oldest' }))).toEqual([...live].sort(byChange).reverse().map((x) => x.a.id))
    const dueKey = (x: { a: Annotation }): string => f(x).due || '9999-12-31'
    expect(ids(pages({ sort: 'due' }))).toEqual([...live].sort((x, y) => (dueKey(x) === dueKey(y) ? (x.a.id < y.a.id ? -1 : 1) : dueKey(x) < dueKey(y) ? -1 : 1)).map((x) => x.a.id))
    expect(ids(pages({ statuses: ['false', 'misleading'] }))).toEqual([...live].filter((x) => ['false', 'misleading'].includes(f(x).status)).sort(byChange).map((x) => x.a.id))
    expect(ids(pages({ checkerId: 'none' }))).toEqual([...live].filter((x) => f(x).checkerId === null).sort(byChange).map((x) => x.a.id))
    expect(ids(pages({ mine: true, needsReview: true }))).toEqual([...live].filter((x) => f(x).checkerId === rosa.id && f(x).signoff === 'proposed').sort(byChange).map((x) => x.a.id))
    expect(ids(pages({ articleId: 2, statuses: ['unchecked'] }))).toEqual([...live].filter((x) => x.articleId === 2 && f(x).status === 'unchecked').sort(byChange).map((x) => x.a.id))
    expect(ids(pages({ changedFrom: '2026-11-05', changedTo: '2026-11-06' }))).toEqual(
      [...live].filter((x) => x.a.updatedAt >= '2026-11-05' && x.a.updatedAt < '2026-11-07').sort(byChange).map((x) => x.a.id)
    )
    // A row says what the view shows: the claim in its sentence, its article and people.
    const row = pages({ checkerId: rosa.id })[0]
    expect(row).toMatchObject({ headline: expect.stringMatching(/^Budget [12]$/), checker: { id: rosa.id, name: 'Rosa Díaz', initials: 'RD' }, before: '', after: '' })
    expect(row.text).toMatch(/^Line \d-\d+ of the budget rose by \d+ per cent\.$/)
    store.close()
  })
})
