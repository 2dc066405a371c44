import { useEffect, useRef, useState, type JSX } from 'react'
import { CLAIM_STATUS_LABELS, type ClaimFields, type Evidence } from '../../../shared/domain'
import type { CheckedBeforeMatch } from '../../../shared/search/types'
import { call } from '../../api'

/**
 * "Checked before", in a claim's details: the desk's earlier claims that say the same, with
 * their verdict, date and article. One click links this claim to one (`sameAs`) and copies
 * its evidence (what this claim has already stays; nothing is copied twice).
 */

interface Props {
  claimId: string
  /** The claim's words. */
  text: string
  fields: ClaimFields
  onLink: (changes: Partial<ClaimFields>) => void
}

function day(iso: string): string {
  if (!iso) return ''
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

/** This claim's evidence with the earlier claim's added, none twice. */
export function withEvidence(own: Evidence[], earlier: Evidence[]): Evidence[] {
  const key = (e: Evidence): string => `${e.url}\u0000${e.note}`
  const have = new Set(own.map(key))
  return [...own, ...earlier.filter((e) => !have.has(key(e)))]
}

export function CheckedBefore({ claimId, text, fields, onLink }: Props): JSX.Element | null {
  const [matches, setMatches] = useState<CheckedBeforeMatch[] | null>(null)
  const latest = useRef(0)
  useEffect(() => {
    // As with search, only the answer for the claim's latest words is shown.
    const ticket = ++latest.current
    const timer = setTimeout(() => {
      call('checkedBefore', { text, annotationId: claimId, limit: 3 }).then(
        (found) => ticket === latest.current && setMatches(found),
        () => ticket === latest.current && setMatches([])
      )
    }, 150)
    return () => clearTimeout(timer)
  }, [claimId, text])
  if (!matches || matches.length === 0) return null
  return (
    <section className="checked-before" aria-label="Checked before">
      <h3>Checked before</h3>
      <ul>
        {matches.map((m) => {
          const linked = fields.sameAs === m.annotationId
          return (
            <li key={m.annotationId}>
              <div className="checked-before-head">
                <span className={`search-status status-${m.status}`}>{CLAIM_STATUS_LABELS[m.status]}</span>
                <span className="muted small">{day(m.checkedAt)}</span>
              </div>
              <p className="checked-before-text">“{m.text}”</p>
              <a className="small" href={`#/article/${m.articleId}`}>
                {m.headline}
              </a>
              {m.outlet && <span className="muted small"> · {m.outlet}</span>}
              {linked ? (
                <div className="checked-before-linked">
                  <span className="small">Linked: the same claim.</span>
                  <button type="button" className="quiet" onClick={() => onLink({ sameAs: null })}>
                    Unlink
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="checked-before-link"
                  title="Link this claim to the earlier check and copy its evidence here"
                  onClick={() => onLink({ sameAs: m.annotationId, evidence: withEvidence(fields.evidence, m.evidence) })}
                >
                  Same claim: link{m.evidence.length ? ` and copy ${m.evidence.length === 1 ? 'its evidence' : `its ${m.evidence.length} pieces of evidence`}` : ''}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
