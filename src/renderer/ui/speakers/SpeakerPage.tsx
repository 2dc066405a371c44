import { useCallback, useEffect, useState, type JSX } from 'react'
import { CLAIM_STATUS_LABELS } from '../../../shared/domain'
import type { SpeakerDetail, SpeakerItem, SpeakerPart } from '../../../shared/speakers/types'
import { call } from '../../api'
import { annotationHref, speakerHref } from '../App'
import { formatDay } from '../common/dates'
import { useNotify } from '../common/notices'
import { ViewTabs } from '../common/ViewTabs'

/** One quote or claim: its words, where and when, and (a claim) its verdict; opens the article there. */
function Item({ item }: { item: SpeakerItem }): JSX.Element {
  const status = item.status
  return (
    <li className={`speaker-item speaker-${item.kind}`}>
      <p className="speaker-words">{/^[“"‘']/.test(item.exact) ? item.exact : `“${item.exact}”`}</p>
      <p className="speaker-meta small">
        {status && <span className={`verdict verdict-${status}`}>{CLAIM_STATUS_LABELS[status]}</span>}
        {item.checked && <span className="verdict verdict-true">Checked</span>}
        <span>{formatDay(item.date)}</span>
        <span>
          in <cite>{item.headline}</cite>
          {item.outlet && `, ${item.outlet}`}
        </span>
        {item.nameAsWritten && <span className="muted">as “{item.nameAsWritten}”</span>}
        <a href={annotationHref(item.articleId, item.annotationId)} aria-label={`Open in the article: ${item.kind} “${item.exact.slice(0, 60)}”`}>
          Open in the article
        </a>
      </p>
    </li>
  )
}

/** A titled list of quotes or claims, or what to say when there are none. */
function Items({ id, title, items, none }: { id: string; title: string; items: SpeakerItem[]; none: string }): JSX.Element {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length ? (
        <ol className="speaker-items">
          {items.map((i) => (
            <Item key={i.annotationId} item={i} />
          ))}
        </ol>
      ) : (
        <p className="muted">{none}</p>
      )}
    </section>
  )
}

const JOINED: Record<SpeakerPart['joined'], string> = { name: 'by the name', merge: 'merged by you', split: 'kept apart by you' }

/**
 * A person in the news: every quote of theirs and every claim sourced to them, newest first,
 * with verdicts; the names that make them up, any of which can be split off.
 */
export function SpeakerPage({ id }: { id: string }): JSX.Element {
  const [speaker, setSpeaker] = useState<SpeakerDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const notify = useNotify()

  const load = useCallback(async () => {
    try {
      const s = await call('getSpeaker', { id })
      setSpeaker(s)
      // Reached through a quote's or another name's id: the address names the person.
      if (s.id !== id) history.replaceState(null, '', speakerHref(s.id))
    } catch (err) {
      setError((err as Error).message)
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  async function split(part: SpeakerPart): Promise<void> {
    if (!speaker) return
    try {
      const { speaker: rest, apart } = await call('splitSpeaker', { id: speaker.id, part: part.id })
      setSpeaker(rest)
      if (rest.id !== speaker.id) history.replaceState(null, '', speakerHref(rest.id))
      notify({
        tone: 'info',
        message: `${apart.name} (${apart.id}) is now a person of their own, apart from ${rest.name}.`,
        action: { label: 'Open their page', run: () => (location.hash = speakerHref(apart.id)) }
      })
    } catch (err) {
      notify({ tone: 'error', message: (err as Error).message })
    }
  }

  return (
    <div className="speakers-view">
      <header className="topbar">
        <h1 className="brand">Copydesk</h1>
        <ViewTabs current="speakers" />
        <a className="back-link" href="#/speakers">
          ← All people
        </a>
      </header>
      <main className="speakers-body speaker-page">
        {error ? (
          <div className="empty" role="alert">
            <p>{error}</p>
            <p className="muted">If you just named them in an article, its changes may still be saving: try again in a moment.</p>
          </div>
        ) : !speaker ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            <h2 className="speakers-title">{speaker.name}</h2>
            <p className="muted">
              {speaker.quoteCount} {speaker.quoteCount === 1 ? 'quote' : 'quotes'}, {speaker.claimCount} {speaker.claimCount === 1 ? 'claim' : 'claims'}, in{' '}
              {speaker.articleCount} {speaker.articleCount === 1 ? 'article' : 'articles'}; last seen {formatDay(speaker.lastSeen)}.
            </p>
            {speaker.variants.length > 0 && <p className="small">Written as: {speaker.variants.map((v) => `“${v}”`).join(', ')}</p>}

            <Items id="speaker-quotes" title="Quotes, newest first" items={speaker.quotes} none="No quotes: they are named as a source only." />
            <Items id="speaker-claims" title="Claims, newest first" items={speaker.claims} none="No claims are sourced to them or made in their quotes." />

            <section aria-labelledby="speaker-parts">
              <h3 id="speaker-parts">Names that make up this person</h3>
              <p className="muted small">Split a name off when it is someone else; merge people from the list of all people.</p>
              <table className="speakers-table speaker-parts" aria-labelledby="speaker-parts">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Article</th>
                    <th className="num">Times</th>
                    <th>Joined</th>
                    <th>
                      <span className="visually-hidden">Split</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {speaker.parts.map((p) => (
                    <tr key={p.id}>
                      <td>{p.name}</td>
                      <td>
                        <a href={`#/article/${p.articleId}`}>{p.headline}</a>
                      </td>
                      <td className="num">{p.mentions}</td>
                      <td>{JOINED[p.joined]}</td>
                      <td>
                        {speaker.parts.length > 1 && (
                          <button type="button" aria-label={`Split off ${p.name} in “${p.headline}”`} onClick={() => void split(p)}>
                            Split off
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </main>
    </div>
  )
}
