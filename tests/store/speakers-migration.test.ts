import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../src/main/core/store/migrations'
import { openStore } from '../../src/main/core/store'
import { annotationOn, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

const PARAS = ['Mayor Lena Park said the levy would raise $3 million.', '“Every street gets its share,” Ms. Park said, according to the council.']
const TEXT = PARAS.join('\n\n')

describe('migration 7: speakers', () => {
  const dir = useTempDir()

  it('keeps everything written before it and fills the mentions from the annotations already there', () => {
    const file = join(dir(), 'm7.db')
    const db = new Database(file)
    migrate(db, 3)
    db.prepare(
      `INSERT INTO articles (headline, body, text, source_name, source_format, created_at, updated_at) VALUES ('Levy approved', '{}', ?, 'l.txt', 'txt', 't', 't')`
    ).run(TEXT)
    const insert = db.prepare(
      `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
       VALUES (?, 1, ?, ?, ?, ?, '', '', ?, 'manual', 'anchored', 'Ana', 't', 'Ana', 't')`
    )
    const rows = [
      annotationOn(TEXT, 'Mayor Lena Park said', 'attribution', 'att', { sourceName: 'Mayor Lena Park', cue: 'said' }),
      annotationOn(TEXT, 'the levy would raise $3 million', 'claim', 'clm', { status: 'true', sourceId: 'att' }),
      annotationOn(TEXT, '“Every street gets its share,”', 'quote', 'quo', { speakerName: 'Ms. Park' }),
      annotationOn(TEXT, 'according to the council', 'claim', 'unlinked', {})
    ]
    for (const a of rows) insert.run(a.id, a.kind, a.anchor.start, a.anchor.end, a.anchor.exact, JSON.stringify(a.fields))
    db.prepare(`INSERT INTO annotation_history (annotation_id, article_id, at, who, action, changes) VALUES ('att', 1, 't', 'Ana', 'created', '{}')`).run()
    db.prepare(`INSERT INTO preferences (key, value) VALUES ('userName', '"Ana"')`).run()

    // The migrations before 7 rewrite claims (4: sign-off; 5: the note): compare with what they left.
    migrate(db, 6)
    const fieldsBefore = db.prepare('SELECT id, fields FROM annotations ORDER BY id').all()
    expect(fieldsBefore).toHaveLength(rows.length)
    migrate(db, 7)
    expect(schemaVersion(db)).toBe(7)
    // Nothing written before is lost or changed.
    expect(db.prepare('SELECT headline, text FROM articles').all()).toEqual([{ headline: 'Levy approved', text: TEXT }])
    expect(db.prepare('SELECT id, fields FROM annotations ORDER BY id').all()).toEqual(fieldsBefore)
    expect(db.prepare('SELECT count(*) AS n FROM annotation_history').get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT value FROM preferences').all()).toEqual([{ value: '"Ana"' }])
    // Quotes and attributions, and the claim linked to a source; not the claim without one.
    expect(db.prepare('SELECT annotation_id, kind, name, source_type, link_id FROM speaker_mentions ORDER BY annotation_id').all()).toEqual([
      { annotation_id: 'att', kind: 'attribution', name: 'Mayor Lena Park', source_type: 'person', link_id: null },
      { annotation_id: 'clm', kind: 'claim', name: '', source_type: 'person', link_id: 'att' },
      { annotation_id: 'quo', kind: 'quote', name: 'Ms. Park', source_type: 'person', link_id: null }
    ])
    expect(db.prepare('SELECT count(*) AS n FROM speaker_decisions').get()).toEqual({ n: 0 })
    db.close()
  })

  it('keeps the mentions in step with every save, retag and delete', () => {
    const store = openStore(join(dir(), 'live.db'))
    const article = store.insertArticle(newArticle(PARAS, 'Levy approved'), [
      annotationOn(TEXT, 'Mayor Lena Park said', 'attribution', 'att', { sourceName: 'Mayor Lena Park' })
    ])
    const names = (): unknown[] => store.db.prepare('SELECT annotation_id, name FROM speaker_mentions ORDER BY annotation_id').all()
    expect(names()).toEqual([{ annotation_id: 'att', name: 'Mayor Lena Park' }])
    // A save that renames the source and adds a quote.
    store.saveArticle({
      id: article.id,
      baseRevision: article.revision,
      annotations: [
        annotationOn(TEXT, 'Mayor Lena Park said', 'attribution', 'att', { sourceName: 'Lena Park' }),
        annotationOn(TEXT, '“Every street gets its share,”', 'quote', 'quo', { speakerName: 'Ms. Park' })
      ],
      who: 'Ana'
    })
    expect(names()).toEqual([
      { annotation_id: 'att', name: 'Lena Park' },
      { annotation_id: 'quo', name: 'Ms. Park' }
    ])
    // An update in place (a later migration rewriting JSON, say) follows too.
    store.db.prepare(`UPDATE annotations SET fields = json_set(fields, '$.speakerName', 'Park') WHERE id = 'quo'`).run()
    expect(names()).toContainEqual({ annotation_id: 'quo', name: 'Park' })
    store.db.prepare(`UPDATE annotations SET kind = 'claim', fields = '{"status":"unchecked","sourceId":null}' WHERE id = 'quo'`).run()
    expect(names()).toEqual([{ annotation_id: 'att', name: 'Lena Park' }])
    // An article deleted for good takes its mentions with it.
    store.db.prepare('DELETE FROM articles WHERE id = ?').run(article.id)
    expect(names()).toEqual([])
    store.close()
  })

  it('a merge or a split is recorded once', () => {
    const store = openStore(join(dir(), 'dec.db'))
    const add = store.db.prepare(`INSERT INTO speaker_decisions (action, a, b, who, at) VALUES (?, ?, ?, 'Ana', 't')`)
    add.run('merge', 'george-bush', 'george-w-bush')
    expect(() => add.run('merge', 'george-bush', 'george-w-bush')).toThrow(/UNIQUE/)
    expect(() => add.run('rename', 'x', '')).toThrow(/CHECK/)
    store.close()
  })
})
