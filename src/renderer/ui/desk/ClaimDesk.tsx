import { useId, useState, type JSX } from 'react'
import type { ClaimFields, Person } from '../../../shared/domain'
import { approvePatch, isVerdict, proposePatch, returnPatch, whyNoSignoff } from '../../../shared/signoff'
import type { FieldsPatch } from '../../editor/annotations'
import { DraftField } from '../annotations/DraftField'
import { PersonPicker } from './PersonPicker'
import { useRoster } from './roster'

/**
 * A claim's desk fields in its details: who checks it, who reviews it, when it is due, and
 * its verdict's sign-off (approve, or return with a reason). Each change is one step of the
 * article's undo history, and the store records it in the claim's history.
 */
export function ClaimDesk({ fields, onChange }: { fields: ClaimFields; onChange: (patch: FieldsPatch) => void }): JSX.Element {
  const { people, me } = useRoster()
  const name = (id: string | null): string => (id ? (people.find((p) => p.id === id)?.name ?? 'someone not on the roster') : '')
  return (
    <>
      <div className="field-row desk-people">
        <PersonPicker label="Checker" role="checker" value={fields.checkerId} onPick={(checkerId) => onChange({ checkerId })} placeholder="Who is checking it" />
        <PersonPicker label="Reviewer" role="editor" value={fields.reviewerId} onPick={(reviewerId) => onChange({ reviewerId })} placeholder="Which editor signs it off" />
      </div>
      <DraftField label="Due" type="date" value={fields.due} onCommit={(due) => onChange({ due })} />
      {isVerdict(fields.status) && (
        <SignOff fields={fields} me={people.find((p) => p.id === me)} name={name} onChange={onChange} />
      )}
    </>
  )
}

function SignOff({
  fields,
  me,
  name,
  onChange
}: {
  fields: ClaimFields
  me: Person | undefined
  name: (id: string | null) => string
  onChange: (patch: FieldsPatch) => void
}): JSX.Element {
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [tried, setTried] = useState(false)
  const ids = useId()
  const by = fields.signedOffBy ? ` by ${name(fields.signedOffBy)}` : ''
  const when = fields.signedOffAt ? ` · ${new Date(fields.signedOffAt).toLocaleString()}` : ''
  const state =
    fields.signoff === 'approved'
      ? `Approved${by}`
      : fields.signoff === 'returned'
        ? `Returned${by}`
        : `Proposed${by}, waiting for an editor`
  const cannotApprove = whyNoSignoff(fields, me, 'approve')
  const cannotReturn = whyNoSignoff(fields, me, 'return')
  const now = (): string => new Date().toISOString()
  const sendBack = (): void => {
    setTried(true)
    if (!reason.trim() || !me) return
    onChange(returnPatch(me.id, now(), reason))
    setReturning(false)
    setReason('')
    setTried(false)
  }
  return (
    <div className={`field signoff signoff-${fields.signoff}`} role="group" aria-labelledby={`${ids}-label`}>
      <span id={`${ids}-label`}>Sign-off</span>
      <p className="signoff-state" aria-live="polite">
        <strong>{state}</strong>
        <span className="muted small">{when}</span>
      </p>
      {fields.signoff === 'returned' && fields.returnReason && <p className="signoff-reason">“{fields.returnReason}”</p>}
      {returning ? (
        <div className="signoff-return">
          <label className="field">
            <span>Why it goes back</span>
            <textarea
              autoFocus
              rows={3}
              value={reason}
              aria-invalid={tried && !reason.trim() ? 'true' : undefined}
              aria-describedby={tried && !reason.trim() ? `${ids}-need` : undefined}
              onChange={(e) => setReason(e.target.value)}
              placeholder="What the checker should look at again"
            />
          </label>
          {tried && !reason.trim() && (
            <p className="error small" id={`${ids}-need`} role="alert">
              Say why the verdict goes back to the checker.
            </p>
          )}
          <div className="signoff-actions">
            <button type="button" className="primary" onClick={sendBack}>
              Return verdict
            </button>
            <button type="button" onClick={() => (setReturning(false), setTried(false))}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="signoff-actions">
          {fields.signoff !== 'approved' && (
            <button type="button" className="primary" disabled={cannotApprove !== null} title={cannotApprove ?? 'Approve this verdict for publication'} onClick={() => me && onChange(approvePatch(me.id, now()))}>
              Approve
            </button>
          )}
          {fields.signoff !== 'returned' && (
            <button type="button" disabled={cannotReturn !== null} title={cannotReturn ?? 'Send the verdict back to the checker, saying why'} onClick={() => setReturning(true)}>
              Return…
            </button>
          )}
          {fields.signoff === 'returned' && (
            <button type="button" onClick={() => onChange(proposePatch(me?.id ?? null, now()))}>
              Propose again
            </button>
          )}
        </div>
      )}
      {cannotApprove && fields.signoff === 'proposed' && <p className="muted small">{cannotApprove}</p>}
    </div>
  )
}
