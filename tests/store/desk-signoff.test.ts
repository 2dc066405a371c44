import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../src/main/core/dispatch'
import { createServices } from '../../src/main/core/services'
import { openStore, type Store } from '../../src/main/core/store'
import { changeText } from '../../src/shared/change-text'
import type { Annotation, ClaimFields, Person } from '../../src/shared/domain'
import type { Result } from '../../src/shared/errors'
import { approvePatch } from '../../src/shared/signoff'
import { annotationOn, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

/** The desk's roster and the sign-off rules, through the contract every door uses. */
describe('the desk roster and verdict sign-off', () => {
  const dir = useTempDir()
  let store: Store
  let dispatch: Dispatch
  let text: string
  let rosa: Person
  let ines: Person
  beforeEach(async () => {
    store = openStore(join(dir(), 'desk.db'))
    dispatch = createDispatch(createServices(store))
    text = store.insertArticle(newArticle()).text
    rosa = value(await dispatch('addPerson', { name: 'Rosa Díaz', role: 'checker' }))
    ines = value(await dispatch('addPerson', { name: ' Inés  Salgado ', initials: 'IS', role: 'editor' }))
    return () => store.close()
  })

  function value<T>(r: Result<unknown>): T {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.value as T
  }
  const claimFields = (): ClaimFields => (store.listAnnotations(1).find((a) => a.id === 'c1') as Extract<Annotation, { kind: 'claim' }>).fields
  const as = (p: Person | null): unknown => store.setPreferences({ userName: p?.name ?? '', userId: p?.id ?? '' })
  const revision = (): number => store.getArticle(1).revision
  const saveClaim = (fields: Partial<ClaimFields>): Promise<Result<unknown>> =>
    dispatch('saveArticle', { id: 1, baseRevision: revision(), annotations: [annotationOn(text, '$4.2 billion', 'claim', 'c1', fields)] })

  it('keeps a roster: names are cleaned and taken once among current people, archived ones free theirs', async () => {
    expect(ines).toMatchObject({ name: 'Inés Salgado', initials: 'IS', role: 'editor', archived: false })
    expect(rosa.initials).toBe('RD')
    const again = await dispatch('addPerson', { name: 'rosa DÍAZ', role: 'editor' })
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Rosa Díaz is already on the desk roster') } })
    expect(await dispatch('addPerson', { name: '   ', role: 'checker' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('addPerson', { name: 'Tom', role: 'boss' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    value(await dispatch('updatePerson', { id: rosa.id, archived: true }))
    expect(value<Person[]>(await dispatch('listPeople', {})).map((p) => p.name)).toEqual(['Inés Salgado'])
    expect(value<Person[]>(await dispatch('listPeople', { includeArchived: true })).map((p) => [p.name, p.archived])).toEqual([
      ['Inés Salgado', false],
      ['Rosa Díaz', true]
    ])
    const newRosa = value<Person>(await dispatch('addPerson', { name: 'Rosa Díaz', role: 'checker' }))
    expect(newRosa.id).not.toBe(rosa.id)
    // Bringing the first back would make two current people of one name.
    expect(await dispatch('updatePerson', { id: rosa.id, archived: false })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(value(await dispatch('updatePerson', { id: ines.id, name: 'Inés Salgado-Ruiz', role: 'checker' }))).toMatchObject({ name: 'Inés Salgado-Ruiz', initials: 'IS', role: 'checker' })
  })

  it('setting a verdict proposes it; an editor approves or returns it; changing an approved verdict proposes it again', async () => {
    await as(rosa)
    value(await saveClaim({ status: 'in_review', checkerId: rosa.id, reviewerId: ines.id }))
    expect(claimFields()).toMatchObject({ signoff: 'none', signedOffBy: null })

    // A client that sets a verdict and says nothing of the sign-off: the store proposes it.
    value(await saveClaim({ status: 'false', checkerId: rosa.id, reviewerId: ines.id }))
    expect(claimFields()).toMatchObject({ status: 'false', signoff: 'proposed', signedOffBy: rosa.id })
    expect(claimFields().signedOffAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)

    // A checker cannot approve, nor can someone who has not said who they are.
    const approve = { articleId: 1, annotationId: 'c1', action: 'approve' }
    expect(await dispatch('signOffClaim', approve)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Only an editor can approve') } })
    await as(null)
    expect(await dispatch('signOffClaim', approve)).toMatchObject({ ok: false, error: { message: expect.stringContaining('Say who you are first') } })
    // Nor can a client save an approval in a checker's name.
    await as(rosa)
    expect(await saveClaim({ ...claimFields(), ...approvePatch(rosa.id, '2026-12-01T10:00:00.000Z') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('only an editor can approve') }
    })
    expect(claimFields().signoff).toBe('proposed')

    await as(ines)
    const approved = value<Annotation>(await dispatch('signOffClaim', approve))
    expect(approved.fields).toMatchObject({ signoff: 'approved', signedOffBy: ines.id })
    expect(claimFields()).toMatchObject({ signoff: 'approved', signedOffBy: ines.id })
    expect(store.summary(1)).toMatchObject({ claimCount: 1, approvedCount: 1, worstVerdict: 'false' })

    // Changing an approved verdict proposes it again, whoever changes it.
    await as(rosa)
    value(await dispatch('updateClaim', { articleId: 1, annotationId: 'c1', status: 'misleading' }))
    expect(claimFields()).toMatchObject({ status: 'misleading', signoff: 'proposed', signedOffBy: rosa.id })
    expect(store.summary(1)).toMatchObject({ approvedCount: 0, worstVerdict: 'misleading' })

    // Returning needs a reason.
    await as(ines)
    const back = { articleId: 1, annotationId: 'c1', action: 'return' }
    expect(await dispatch('signOffClaim', back)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Say why the verdict goes back') } })
    expect(await dispatch('signOffClaim', { ...back, reason: '   ' })).toMatchObject({ ok: false })
    value(await dispatch('signOffClaim', { ...back, reason: 'The budget book says $4.2bn over two years; check page 3.' }))
    expect(claimFields()).toMatchObject({ signoff: 'returned', signedOffBy: ines.id, returnReason: 'The budget book says $4.2bn over two years; check page 3.' })

    // A status that is no verdict has no sign-off.
    value(await dispatch('updateClaim', { articleId: 1, annotationId: 'c1', status: 'in_review' }))
    expect(claimFields()).toMatchObject({ signoff: 'none', signedOffBy: null, signedOffAt: '', returnReason: '' })

    // Every step is in the claim's history, said as the act, with who did it.
    const people = new Map(store.listPeople(true).map((p) => [p.id, p.name]))
    const lines = store
      .annotationHistory(1, 'c1')
      .map((h) => `${h.who}: ${changeText(h, (id) => people.get(id))}`)
    expect(lines).toEqual(
      expect.arrayContaining([
        'Rosa Díaz: tagged it',
        'Rosa Díaz: status: In review → False; proposed the verdict',
        'Inés Salgado: approved the verdict',
        'Rosa Díaz: status: False → Misleading; proposed the verdict',
        'Inés Salgado: returned the verdict: “The budget book says $4.2bn over two years; check page 3.”',
        'Inés Salgado: status: Misleading → In review; cleared the sign-off'
      ])
    )
  })

  it('assigns claims only to people on the roster, and dates only real days', async () => {
    value(await saveClaim({ status: 'in_review' }))
    const assign = { articleId: 1, annotationId: 'c1' }
    value(await dispatch('updateClaim', { ...assign, checkerId: rosa.id, reviewerId: ines.id, due: '2026-12-09' }))
    expect(claimFields()).toMatchObject({ checkerId: rosa.id, reviewerId: ines.id, due: '2026-12-09' })
    expect(await dispatch('updateClaim', { ...assign, due: '2026-02-30' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('YYYY-MM-DD') } })
    expect(await dispatch('updateClaim', { ...assign, checkerId: 'p-nobody' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await saveClaim({ status: 'in_review', checkerId: 'p-nobody' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not on the desk roster') } })
    value(await dispatch('updatePerson', { id: rosa.id, archived: true }))
    expect(await dispatch('updateClaim', { ...assign, checkerId: rosa.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('archived') } })
    // Someone archived stays on the claims they worked on.
    expect(claimFields().checkerId).toBe(rosa.id)
    expect(await dispatch('updateClaim', { articleId: 1, annotationId: 'nope', due: '' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('keeps the sign-off rules on a save of what changed too, and puts a return\'s reason in the claim\'s thread', async () => {
    await as(rosa)
    value(await saveClaim({ status: 'false', checkerId: rosa.id, reviewerId: ines.id }))
    const stored = store.listAnnotations(1).find((a) => a.id === 'c1')!
    const saveChange = (fields: Partial<ClaimFields>): Promise<Result<unknown>> =>
      dispatch('saveArticle', {
        id: 1,
        baseRevision: revision(),
        changes: { upsert: [{ ...stored, fields: { ...claimFields(), ...fields } } as Annotation], removed: [], shifts: [] }
      })
    // The app saves only what changed: an approval in a checker's name is refused there as well.
    expect(await saveChange(approvePatch(rosa.id, '2026-12-01T10:00:00.000Z'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('only an editor can approve') }
    })
    expect(claimFields().signoff).toBe('proposed')
    // A verdict changed without a word on its sign-off is proposed again by the store.
    await as(ines)
    value(await saveChange({ ...approvePatch(ines.id, '2026-12-01T10:00:00.000Z') }))
    expect(claimFields()).toMatchObject({ signoff: 'approved', signedOffBy: ines.id })
    value(await saveChange({ status: 'misleading' }))
    expect(claimFields()).toMatchObject({ status: 'misleading', signoff: 'proposed' })

    // Returned in the app (a save of changes) and from the command line (signOffClaim): each
    // reason is a comment in the claim's thread, by the editor, once.
    value(await saveChange({ signoff: 'returned', signedOffBy: ines.id, signedOffAt: '2026-12-01T11:00:00.000Z', returnReason: 'The 2019 figure is a forecast, not an outturn.' }))
    value(await saveChange({ due: '2026-12-09' }))
    value(await dispatch('signOffClaim', { articleId: 1, annotationId: 'c1', action: 'propose' }))
    value(await dispatch('signOffClaim', { articleId: 1, annotationId: 'c1', action: 'return', reason: 'Still the forecast: see the audited accounts.' }))
    const thread = value<{ comments: { authorId: string | null; authorName: string; body: string }[] }>(await dispatch('getThread', { articleId: 1, annotationId: 'c1' }))
    expect(thread.comments.map((c) => [c.authorId, c.authorName, c.body])).toEqual([
      [ines.id, 'Inés Salgado', 'Verdict returned: The 2019 figure is a forecast, not an outturn.'],
      [ines.id, 'Inés Salgado', 'Verdict returned: Still the forecast: see the audited accounts.']
    ])
  })
})
