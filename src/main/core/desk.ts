import type { ClaimUpdate, SignOffInput } from '../../shared/contract'
import type { Annotation, ClaimFields, Person } from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'
import { approvePatch, isVerdict, proposePatch, returnPatch, signoffProblem, statusPatch, whyNoSignoff } from '../../shared/signoff'
import type { Services } from './dispatch'
import type { NewComment, Store } from './store'

/**
 * The desk's services: the roster, the claims across articles, saved views, and a claim's
 * assignment and sign-off as the command line sets them. The sign-off rules are kept here
 * for every save too (see keepSignoffRules), whichever door the save came through.
 */

type Claim = Extract<Annotation, { kind: 'claim' }>

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ')
  return one.length > 40 ? `${one.slice(0, 37)}…` : one
}

/** Who "me" is on the roster (Preferences.userId), when that person is still there. */
export function currentPerson(store: Store): Person | undefined {
  const id = store.getPreferences().userId
  return id ? store.findPerson(id) : undefined
}

/**
 * The claims of a save with the sign-off rules kept: a claim whose verdict changed while
 * its sign-off did not is proposed again (or has none, when the new status is no verdict);
 * an approval or a return names an editor on the roster, a return says why; every person
 * named is on the roster. `before` holds the stored fields of the claims saved (by id).
 */
export function keepSignoffRules(store: Store, annotations: Annotation[], before: Map<string, ClaimFields>, at: string): Annotation[] {
  const me = currentPerson(store)
  const people = new Map<string, Person | undefined>()
  const person = (id: string): Person | undefined => {
    if (!people.has(id)) people.set(id, store.findPerson(id))
    return people.get(id)
  }
  return annotations.map((a) => {
    if (a.kind !== 'claim') return a
    const was = before.get(a.id)
    let f = a.fields
    const touched = was
      ? f.signoff !== was.signoff || f.signedOffBy !== was.signedOffBy || f.signedOffAt !== was.signedOffAt
      : f.signoff !== 'none'
    if (f.status !== (was?.status ?? 'unchecked') && !touched) {
      f = { ...f, ...statusPatch({ status: was?.status ?? 'unchecked' }, f.status, me?.id ?? null, at) }
    }
    const where = `The claim “${short(a.anchor.exact)}”`
    for (const id of [f.checkerId, f.reviewerId, f.signedOffBy]) {
      if (id && !person(id)) throw new CopydeskError('invalid_input', `${where} names someone who is not on the desk roster (${id}).`)
    }
    if (touched && (f.signoff === 'approved' || f.signoff === 'returned')) {
      const editor = f.signedOffBy ? person(f.signedOffBy) : undefined
      if (editor && editor.role !== 'editor') {
        throw new CopydeskError('invalid_input', `${where}: only an editor can ${f.signoff === 'approved' ? 'approve' : 'return'} a verdict, and ${editor.name} is a checker.`)
      }
      if (f.signoff === 'returned' && !f.returnReason.trim()) throw new CopydeskError('invalid_input', `${where}: say why the verdict goes back to the checker.`)
    }
    const problem = signoffProblem(f)
    if (problem) throw new CopydeskError('invalid_input', `${where}: ${problem}.`)
    return f === a.fields ? a : ({ ...a, fields: f } as Claim)
  })
}

/**
 * A verdict sent back is discussed where the claim is: each claim of a save that goes to
 * "returned" (or whose reason changes while returned) gets the editor's reason as a comment
 * in its thread, by that editor, stored in the same write as the claim.
 */
export function returnComments(store: Store, annotations: readonly Annotation[], before: Map<string, ClaimFields>, at: string): NewComment[] {
  const out: NewComment[] = []
  for (const a of annotations) {
    if (a.kind !== 'claim' || a.fields.signoff !== 'returned') continue
    const was = before.get(a.id)
    if (was?.signoff === 'returned' && was.returnReason === a.fields.returnReason) continue
    const editor = a.fields.signedOffBy ? store.findPerson(a.fields.signedOffBy) : undefined
    out.push({
      annotationId: a.id,
      authorId: editor?.id ?? null,
      authorName: editor?.name ?? store.getPreferences().userName,
      body: `Verdict returned: ${a.fields.returnReason.trim()}`,
      createdAt: at
    })
  }
  return out
}

/** Changes one claim's fields and saves its article, as the user (for the command line). */
function changeClaim(store: Store, articleId: number, annotationId: string, change: (c: Claim) => Partial<ClaimFields>): Claim {
  const article = store.getArticle(articleId)
  const all = store.listAnnotations(articleId)
  const found = all.find((a) => a.id === annotationId)
  if (!found) throw new CopydeskError('not_found', `Article ${articleId} has no annotation ${annotationId}.`)
  if (found.kind !== 'claim') throw new CopydeskError('invalid_input', `Annotation ${annotationId} is a ${found.kind}, not a claim.`)
  const patch = change(found)
  const fields = { ...found.fields, ...patch }
  if (JSON.stringify(fields) === JSON.stringify(found.fields)) return found
  const who = store.getPreferences().userName
  const at = new Date().toISOString()
  const changed: Claim = { ...found, fields, updatedAt: at, updatedBy: who }
  const annotations = keepSignoffRules(
    store,
    all.map((a) => (a.id === annotationId ? changed : a)),
    new Map([[found.id, found.fields]]),
    at
  )
  const before = new Map([[found.id, found.fields]])
  const comments = returnComments(store, annotations, before, at)
  store.saveArticle({ id: articleId, baseRevision: article.revision, annotations, who, threads: comments.length ? { comments } : undefined })
  return annotations.find((a) => a.id === annotationId) as Claim
}

/** A person a claim may be given to: on the roster and not archived. */
function assignable(store: Store, id: string | null | undefined, as: string): void {
  if (!id) return
  const p = store.findPerson(id)
  if (!p) throw new CopydeskError('not_found', `There is no one with the id ${id} on the desk roster.`)
  if (p.archived) throw new CopydeskError('invalid_input', `${p.name} is archived on the desk roster, so cannot be the ${as}. Bring them back in Preferences first.`)
}

/** Sets a claim's status, checker, reviewer or due date (absent ones stay). */
export function updateClaim(store: Store, u: ClaimUpdate): Claim {
  assignable(store, u.checkerId, 'checker')
  assignable(store, u.reviewerId, 'reviewer')
  const me = currentPerson(store)
  return changeClaim(store, u.articleId, u.annotationId, (c) => ({
    ...(u.status !== undefined ? statusPatch(c.fields, u.status, me?.id ?? null, new Date().toISOString()) : {}),
    ...(u.checkerId !== undefined ? { checkerId: u.checkerId } : {}),
    ...(u.reviewerId !== undefined ? { reviewerId: u.reviewerId } : {}),
    ...(u.due !== undefined ? { due: u.due } : {})
  }))
}

/** Proposes a claim's verdict again, or approves or returns it as the user (who must be an editor). */
export function signOffClaim(store: Store, s: SignOffInput): Claim {
  const me = currentPerson(store)
  const at = new Date().toISOString()
  return changeClaim(store, s.articleId, s.annotationId, (c) => {
    if (s.action === 'propose') {
      if (!isVerdict(c.fields.status)) throw new CopydeskError('invalid_input', 'This claim has no verdict to propose yet: set its status to a verdict first.')
      if (c.fields.signoff === 'proposed') throw new CopydeskError('invalid_input', 'This verdict is already proposed and waits for an editor.')
      return proposePatch(me?.id ?? null, at)
    }
    const why = whyNoSignoff(c.fields, me, s.action)
    if (why) throw new CopydeskError('invalid_input', why)
    return s.action === 'approve' ? approvePatch(me!.id, at) : returnPatch(me!.id, at, s.reason ?? '')
  })
}

/** The desk's operations for createServices. */
export function deskServices(
  store: Store
): Pick<Services, 'listPeople' | 'addPerson' | 'updatePerson' | 'listClaims' | 'listClaimViews' | 'saveClaimView' | 'deleteClaimView' | 'updateClaim' | 'signOffClaim'> {
  return {
    listPeople: ({ includeArchived }) => store.listPeople(includeArchived ?? false),
    addPerson: (p) => store.addPerson(p),
    updatePerson: (u) => store.updatePerson(u),
    listClaims: (q) => store.listClaims(q),
    listClaimViews: () => store.listClaimViews(),
    saveClaimView: ({ name, filters }) => store.saveClaimView(name, filters),
    deleteClaimView: ({ id }) => store.deleteClaimView(id),
    updateClaim: (u) => updateClaim(store, u),
    signOffClaim: (s) => signOffClaim(store, s)
  }
}
