import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion, LATEST_VERSION } from '../../src/main/core/store/migrations'
import { openStore } from '../../src/main/core/store'
import { useTempDir } from '../helpers/tmp'

/**
 * Migration 4 (the desk) over a library written at schema 3: every article, annotation and
 * history row survives; the free-text checkers become roster people; verdicts set before
 * sign-off existed are proposed.
 */
describe('migration 4: the desk roster and claim sign-off', () => {
  const dir = useTempDir()

  const TEXT = 'Rents rose 14 per cent last year. The mayor said crime fell by half. Bus fares are the lowest in the region.'
  const span = (exact: string): { start: number; end: number } => {
    const start = TEXT.indexOf(exact)
    return { start, end: start + exact.length }
  }

  function schema3Library(file: string): void {
    const db = new Database(file)
    migrate(db, 3)
    db.prepare(
      `INSERT INTO articles (headline, body, text, source_name, source_format, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
    ).run('Rents and fares', JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] }), TEXT, 'rents.txt', 'txt', '2026-10-01T08:00:00.000Z', '2026-10-02T08:00:00.000Z')
    const insert = db.prepare(
      `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
       VALUES (?, 1, ?, ?, ?, ?, '', '', ?, 'manual', 'anchored', 'Rosa Díaz', '2026-10-01T09:00:00.000Z', 'Rosa Díaz', ?)`
    )
    const claim = (id: string, exact: string, status: string, checker: string, at: string): void => {
      const { start, end } = span(exact)
      const fields = { status, explanation: `Explained ${id}`, evidence: [{ url: 'https://stats.example/rents', note: 'Rents table' }], checker, sourceId: null, note: `Note ${id}` }
      insert.run(id, 'claim', start, end, exact, JSON.stringify(fields), at)
    }
    claim('c1', 'Rents rose 14 per cent last year', 'false', 'Rosa Díaz', '2026-10-01T10:00:00.000Z')
    claim('c2', 'crime fell by half', 'in_review', '  rosa  díaz ', '2026-10-01T11:00:00.000Z')
    claim('c3', 'Bus fares are the lowest in the region', 'mostly_true', 'Ben Okafor', '2026-10-01T12:00:00.000Z')
    claim('c4', 'last year', 'unchecked', '', '2026-10-01T13:00:00.000Z')
    const q = span('The mayor said')
    insert.run('q1', 'attribution', q.start, q.end, 'The mayor said', JSON.stringify({ sourceName: 'The mayor', sourceType: 'person', cue: 'said', note: '' }), '2026-10-01T09:30:00.000Z')
    db.prepare(`INSERT INTO annotation_history (annotation_id, article_id, at, who, action, changes) VALUES ('c1', 1, '2026-10-01T10:00:00.000Z', 'Rosa Díaz', 'updated', ?)`).run(
      JSON.stringify({ status: ['in_review', 'false'], checker: ['', 'Rosa Díaz'] })
    )
    db.prepare(`INSERT INTO preferences (key, value) VALUES ('userName', ?), ('organisation', ?)`).run(JSON.stringify('Rosa Díaz'), JSON.stringify('Riverton Fact Desk'))
    db.close()
  }

  it('keeps every article, annotation and history row, and moves the typed checkers onto the roster', () => {
    const file = join(dir(), 'schema3.db')
    schema3Library(file)
    const store = openStore(file)
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION)

    const people = store.listPeople()
    expect(people.map((p) => ({ name: p.name, role: p.role, initials: p.initials, archived: p.archived }))).toEqual([
      { name: 'Ben Okafor', role: 'checker', initials: 'BO', archived: false },
      { name: 'Rosa Díaz', role: 'checker', initials: 'RD', archived: false }
    ])
    for (const p of people) expect(p.id).toMatch(/^p-[0-9a-f-]{36}$/)
    const id = (name: string): string => people.find((p) => p.name === name)!.id

    const list = store.listAnnotations(1)
    expect(list.map((a) => a.id).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'q1'])
    const fields = (annotationId: string): Record<string, unknown> => list.find((a) => a.id === annotationId)!.fields as unknown as Record<string, unknown>
    expect(fields('c1')).toEqual({
      status: 'false',
      explanation: 'Explained c1',
      evidence: [{ url: 'https://stats.example/rents', note: 'Rents table' }],
      checkerId: id('Rosa Díaz'),
      reviewerId: null,
      due: '',
      signoff: 'proposed',
      signedOffBy: null,
      signedOffAt: '',
      returnReason: '',
      sourceId: null,
      sameAs: null
    })
    // The note went on, by migration 5, into the first comment of the claim's thread.
    expect(store.threads.get(1, 'c1').comments.map((c) => c.body)).toEqual(['Note c1'])
    // The same name typed in another case or spacing is the same person.
    expect(fields('c2')).toMatchObject({ checkerId: id('Rosa Díaz'), signoff: 'none' })
    expect(fields('c3')).toMatchObject({ checkerId: id('Ben Okafor'), signoff: 'proposed' })
    expect(fields('c4')).toMatchObject({ checkerId: null, signoff: 'none' })
    expect(fields('q1')).toEqual({ sourceName: 'The mayor', sourceType: 'person', cue: 'said' })
    expect(list.find((a) => a.id === 'c1')).toMatchObject({ createdBy: 'Rosa Díaz', updatedAt: '2026-10-01T10:00:00.000Z' })

    // The audit trail keeps the names of the time.
    const history = store.db.prepare(`SELECT who, changes FROM annotation_history`).all()
    expect(history).toEqual([{ who: 'Rosa Díaz', changes: JSON.stringify({ status: ['in_review', 'false'], checker: ['', 'Rosa Díaz'] }) }])

    // "Me" is the user, who was one of the checkers; the other preferences stay.
    expect(store.getPreferences()).toEqual({ userName: 'Rosa Díaz', userId: id('Rosa Díaz'), organisation: 'Riverton Fact Desk', organisationUrl: '' })
    expect(store.summary(1)).toMatchObject({ headline: 'Rents and fares', claimCount: 4, approvedCount: 0, worstVerdict: 'false' })
    store.close()
  })

  it('a library with no typed checker gets an empty roster, and no "me"', () => {
    const file = join(dir(), 'empty.db')
    const db = new Database(file)
    migrate(db, 3)
    db.close()
    const store = openStore(file)
    expect(store.listPeople()).toEqual([])
    expect(store.getPreferences().userId).toBe('')
    store.close()
  })

  it('the claims indexes are used: a page of claims by status is read from an index, not a scan', () => {
    const store = openStore(join(dir(), 'plan.db'))
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM annotations INDEXED BY claims_status WHERE kind = 'claim' AND claim_status = 'false' ORDER BY updated_at DESC, id DESC LIMIT 100`)
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX claims_status/)
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/)
    store.close()
  })
})
