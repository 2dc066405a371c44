import { VERDICTS, type ClaimFields, type ClaimStatus, type Person } from './domain'

/**
 * The sign-off rules, in one place for the app, the command line and the store: setting a
 * verdict proposes it; an editor approves it or returns it with a reason; changing an
 * approved (or any) verdict proposes it again; a claim without a verdict has no sign-off.
 * Each rule is a patch of the claim's fields, so the editor applies it as one undoable step.
 */

export type SignoffPatch = Pick<ClaimFields, 'signoff' | 'signedOffBy' | 'signedOffAt' | 'returnReason'>

/** True for a status that is a verdict (the check is finished). */
export function isVerdict(status: ClaimStatus): boolean {
  return VERDICTS.includes(status)
}

/**
 * The fields that change when a claim's status is set to `status` by `by` (a Person id, or
 * null when the user is not on the roster) at `at`: a new verdict is proposed, a status that
 * is no verdict clears the sign-off, the same status changes nothing.
 */
export function statusPatch(fields: Pick<ClaimFields, 'status'>, status: ClaimStatus, by: string | null, at: string): Partial<ClaimFields> {
  if (status === fields.status) return {}
  if (!isVerdict(status)) return { status, signoff: 'none', signedOffBy: null, signedOffAt: '', returnReason: '' }
  return { status, signoff: 'proposed', signedOffBy: by, signedOffAt: at, returnReason: '' }
}

/** Proposes the claim's current verdict again (after it was returned). */
export function proposePatch(by: string | null, at: string): SignoffPatch {
  return { signoff: 'proposed', signedOffBy: by, signedOffAt: at, returnReason: '' }
}

/** An editor approves the proposed verdict. */
export function approvePatch(editorId: string, at: string): SignoffPatch {
  return { signoff: 'approved', signedOffBy: editorId, signedOffAt: at, returnReason: '' }
}

/** An editor returns the proposed verdict to the checker, saying why. */
export function returnPatch(editorId: string, at: string, reason: string): SignoffPatch {
  return { signoff: 'returned', signedOffBy: editorId, signedOffAt: at, returnReason: reason.trim() }
}

/** Why `who` may not approve or return `fields`' verdict, or null when they may. */
export function whyNoSignoff(fields: Pick<ClaimFields, 'status' | 'signoff'>, who: Person | undefined, action: 'approve' | 'return'): string | null {
  if (!isVerdict(fields.status)) return 'This claim has no verdict to sign off yet: set its status to a verdict first.'
  if (!who) return 'Say who you are first: choose yourself on the desk roster in Preferences (or copydesk config set userId <name>).'
  if (who.archived) return `${who.name} is archived on the desk roster; only current editors sign verdicts off.`
  if (who.role !== 'editor') return `Only an editor can ${action} a verdict, and ${who.name} is a checker on the desk roster.`
  if (action === 'approve' && fields.signoff === 'approved') return 'This verdict is already approved.'
  if (action === 'return' && fields.signoff === 'returned') return 'This verdict was already returned.'
  return null
}

/**
 * Why a claim's sign-off fields contradict its status, or null when they agree: a verdict
 * has a sign-off (proposed, approved or returned), anything else has none, and an approval
 * or return names who made it.
 */
export function signoffProblem(f: ClaimFields): string | null {
  const verdict = isVerdict(f.status)
  if (!verdict && f.signoff !== 'none') return `a claim with no verdict cannot be ${f.signoff}`
  if (verdict && f.signoff === 'none') return 'a verdict must be proposed, approved or returned'
  if ((f.signoff === 'approved' || f.signoff === 'returned') && !f.signedOffBy) return `an ${f.signoff === 'approved' ? 'approval' : 'return'} must name the editor who made it`
  return null
}

/**
 * The sign-off a claim read from a file or another tool starts with: its verdict, if any,
 * is proposed (an approval is this desk's editors' to give), and no one on this desk's
 * roster is named yet.
 */
export function importedSignoff(status: ClaimStatus): SignoffPatch {
  return isVerdict(status)
    ? { signoff: 'proposed', signedOffBy: null, signedOffAt: '', returnReason: '' }
    : { signoff: 'none', signedOffBy: null, signedOffAt: '', returnReason: '' }
}
