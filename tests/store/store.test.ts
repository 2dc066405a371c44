import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/core/store'
import { annotationOn, BUDGET_PARAGRAPHS, docOf, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

describe('the article store', () => {
  const dir = useTempDir()

  it('an imported article is listed and survives closing and reopening the file', () => {
    const file = join(dir(), 'a.db')
    const store = openStore(file)
    const a = store.insertArticle(newArticle())
    store.close()
    const again = openStore(file)
    expect(again.listArticles().map((r) => r.headline)).toEqual(['Council approves record budget'])
    expect(again.getArticle(a.id)).toMatchObject({ byline: 'Ana Ruiz', text: BUDGET_PARAGRAPHS.join('\n\n'), revision: 1 })
    again.close()
  })

  it('lists the most recently edited article first', async () => {
    const store = openStore(join(dir(), 'order.db'))
    const first = store.insertArticle(newArticle(['One.'], 'First'))
    store.insertArticle(newArticle(['Two.'], 'Second'))
    await new Promise((r) => setTimeout(r, 5))
    store.saveArticle({ id: first.id, baseRevision: 1, meta: { outlet: 'Edited' }, who: '' })
    expect(store.listArticles().map((r) => r.headline)).toEqual(['First', 'Second'])
    store.close()
  })

  it('searches headlines and text by word prefix', () => {
    const store = openStore(join(dir(), 'fts.db'))
    store.insertArticle(newArticle())
    store.insertArticle(newArticle(['Rain is expected across the valley.'], 'Weather'))
    expect(store.listArticles('neighbour').map((r) => r.headline)).toEqual(['Council approves record budget'])
    expect(store.listArticles('weath').map((r) => r.headline)).toEqual(['Weather'])
    expect(store.listArticles('"); DROP TABLE articles; --')).toEqual([])
    store.close()
  })

  it('a save names the revision it started from, and a stale one changes nothing', () => {
    const store = openStore(join(dir(), 'rev.db'))
    const a = store.insertArticle(newArticle())
    const r = store.saveArticle({ id: a.id, baseRevision: 1, body: docOf(['New text.']), text: 'New text.', who: '' })
    expect(r.revision).toBe(2)
    expect(() => store.saveArticle({ id: a.id, baseRevision: 1, body: docOf(['Lost.']), text: 'Lost.', who: '' })).toThrow(/changed elsewhere/)
    expect(store.getArticle(a.id).text).toBe('New text.')
    store.close()
  })

  it('deleting an article hides it and restoring brings it back with its annotations', () => {
    const store = openStore(join(dir(), 'del.db'))
    const a = store.insertArticle(newArticle())
    store.saveArticle({ id: a.id, baseRevision: 1, annotations: [annotationOn(a.text, '$4.2 billion', 'claim', 'c1')], who: '' })
    store.softDeleteArticle(a.id)
    expect(store.listArticles()).toEqual([])
    expect(() => store.getArticle(a.id)).toThrow(/no article number/)
    expect(store.restoreArticle(a.id)).toMatchObject({ id: a.id, annotationCount: 1 })
    expect(store.listAnnotations(a.id)).toHaveLength(1)
    store.close()
  })

  it('keeps annotations with their fields and records who changed what', () => {
    const store = openStore(join(dir(), 'ann.db'))
    store.setPreferences({ userName: 'Rosa Checker' })
    const a = store.insertArticle(newArticle())
    const claim = annotationOn(a.text, 'the largest in the city’s history', 'claim', 'c1')
    store.saveArticle({ id: a.id, baseRevision: 1, annotations: [claim], who: 'Rosa Checker' })
    const verdict = { ...claim, fields: { ...claim.fields, status: 'true', explanation: 'Budget office records since 1950.' } } as typeof claim
    store.saveArticle({ id: a.id, baseRevision: 2, annotations: [verdict], who: 'Rosa Checker' })
    expect(store.listAnnotations(a.id)[0]).toEqual(verdict)
    const history = store.annotationHistory(a.id, 'c1')
    expect(history.map((h) => h.action)).toEqual(['created', 'updated'])
    expect(history[1]).toMatchObject({ who: 'Rosa Checker', changes: { status: ['unchecked', 'true'] } })
    store.saveArticle({ id: a.id, baseRevision: 3, annotations: [], who: 'Rosa Checker' })
    expect(store.annotationHistory(a.id, 'c1').map((h) => h.action)).toEqual(['created', 'updated', 'deleted'])
    store.close()
  })

  it('preferences are kept in the data file', () => {
    const file = join(dir(), 'prefs.db')
    const store = openStore(file)
    expect(store.getPreferences()).toEqual({ userName: '', userId: '', organisation: '', organisationUrl: '' })
    store.setPreferences({ userName: 'Rosa', organisation: 'Ledger Fact Desk' })
    store.close()
    const again = openStore(file)
    expect(again.getPreferences()).toMatchObject({ userName: 'Rosa', organisation: 'Ledger Fact Desk' })
    again.close()
  })
})

describe('dismissed suggestions', () => {
  const dir = useTempDir()

  it('are remembered per article, can be taken back, and go with the article', () => {
    const store = openStore(join(dir(), 'dismiss.db'))
    const a = store.insertArticle(newArticle())
    const b = store.insertArticle(newArticle(['Other.'], 'Other'))
    store.setDismissals(a.id, ['quote|x', 'claim|y'], true)
    store.setDismissals(a.id, ['quote|x'], true)
    expect(store.listDismissals(a.id).sort()).toEqual(['claim|y', 'quote|x'])
    expect(store.listDismissals(b.id)).toEqual([])
    store.setDismissals(a.id, ['claim|y'], false)
    expect(store.listDismissals(a.id)).toEqual(['quote|x'])
    store.db.prepare('DELETE FROM articles WHERE id = ?').run(a.id)
    expect(store.listDismissals(a.id)).toEqual([])
    store.close()
  })
})
