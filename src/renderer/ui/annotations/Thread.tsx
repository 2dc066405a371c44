import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type JSX, type KeyboardEvent } from 'react'
import type { Comment, Thread as ThreadValue } from '../../../shared/domain'
import { commentExcerpt, isOwnComment, type Me } from '../../../shared/threads'
import { useNotify } from '../common/notices'
import { shortcut } from '../shortcuts'
import type { ThreadClient } from './thread-client'

interface Props {
  client: ThreadClient
  annotationId: string
  /** The annotation as a notice names it: Claim “raising the…”. */
  annotationName: string
  me: Me
}

/** A time as the thread shows it: "3 Nov 2026, 14:05" in the reader's own way. */
function shown(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** Ctrl/⌘+Enter: what sends a comment from its box. */
function isSend(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey
}

const SEND_KEY = shortcut('Mod-Enter')

/**
 * An annotation's thread in its details: the comments with author and time, a reply box
 * (Ctrl/⌘+Enter sends), resolve and reopen, and edit or delete for one's own comments. Each
 * change is saved at once and said in a notice with Undo. The thread is read after the details
 * have shown (opening them is measured against a frame), so it says "Loading…" for a moment.
 */
export function Thread({ client, annotationId, annotationName, me }: Props): JSX.Element {
  const [thread, setThread] = useState<ThreadValue | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [draft, setDraft] = useState(() => client.draft(annotationId))
  const [busy, setBusy] = useState(false)
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null)
  const notify = useNotify()
  const ids = useId()
  const box = useRef<HTMLTextAreaElement>(null)
  const reopenButton = useRef<HTMLButtonElement>(null)
  // Where focus goes once a resolve or reopen is drawn: the button that took the click is gone,
  // and Reopen is disabled while the change is on its way, so it is focused as soon as it is
  // drawn and enabled, before the side panel would put a lost focus on its Back button.
  const focusNext = useRef<'reopen' | 'reply' | null>(null)
  useLayoutEffect(() => {
    const el = focusNext.current === 'reopen' ? reopenButton.current : focusNext.current === 'reply' ? box.current : null
    if (el && !el.disabled) {
      el.focus()
      focusNext.current = null
    }
  })

  useEffect(() => {
    let live = true
    const off = client.subscribe(annotationId, (t) => live && setThread(t))
    // After the frame that shows the details: the request is not what the user waits for.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        client.get(annotationId).then(
          (t) => live && setThread(t),
          (err: Error) => live && setFailed(err.message)
        )
      }, 0)
    })
    return () => {
      live = false
      off()
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [client, annotationId])

  const typed = (text: string): void => {
    setDraft(text)
    client.keepDraft(annotationId, text)
  }

  /** Runs a change; says it went wrong in words, keeping what was typed. */
  const change = async <T,>(what: string, run: () => Promise<T>): Promise<T | null> => {
    setBusy(true)
    try {
      return await run()
    } catch (err) {
      notify({ tone: 'error', message: `${what}: ${(err as Error).message}` })
      return null
    } finally {
      setBusy(false)
    }
  }
  const undoable = (message: string, undo: () => Promise<unknown>, failure: string): void => {
    notify({
      tone: 'info',
      message,
      action: { label: 'Undo', run: () => void undo().catch((err: Error) => notify({ tone: 'error', message: `${failure}: ${err.message}` })) }
    })
  }

  const send = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault()
    if (busy || !draft.trim()) return
    const done = await change('The comment could not be added', () => client.add(annotationId, draft))
    if (!done) return
    typed('')
    undoable(`Comment added to the ${annotationName}.`, () => client.remove(done.comment.id), 'The comment could not be taken back')
  }

  const saveEdit = async (c: Comment): Promise<void> => {
    if (!editing || busy) return
    if (editing.text.trim() === c.body) {
      setEditing(null)
      return
    }
    const before = c.body
    const done = await change('The comment could not be changed', () => client.edit(c.id, editing.text))
    if (!done) return
    setEditing(null)
    undoable('Comment edited.', () => client.edit(c.id, before), 'The comment could not be put back as it was')
  }

  const remove = async (c: Comment): Promise<void> => {
    const done = await change('The comment could not be deleted', () => client.remove(c.id))
    if (!done) return
    box.current?.focus()
    undoable(`Comment “${commentExcerpt(c.body, 40)}” deleted.`, () => client.restore(c.id), 'The comment could not be brought back')
  }

  const resolve = async (resolved: boolean): Promise<void> => {
    // Focus stays on the thread: on Reopen once resolved, on the reply box once reopened.
    focusNext.current = resolved ? 'reopen' : 'reply'
    const done = await change(resolved ? 'The thread could not be resolved' : 'The thread could not be reopened', () => client.resolve(annotationId, resolved))
    if (!done) {
      focusNext.current = null
      return
    }
    undoable(
      resolved ? `Thread on the ${annotationName} resolved.` : `Thread on the ${annotationName} reopened.`,
      () => client.resolve(annotationId, !resolved),
      resolved ? 'The thread could not be reopened' : 'The thread could not be resolved again'
    )
  }

  const comments = thread?.comments ?? []
  const heading = `${ids}-heading`
  return (
    <section className="thread" aria-labelledby={heading} aria-busy={thread === null && !failed}>
      <div className="thread-head">
        <h3 id={heading} className="thread-title">
          Comments{thread && comments.length > 0 && <span className="count"> {comments.length}</span>}
        </h3>
        {thread?.resolvedAt && <span className="thread-state">Resolved</span>}
      </div>
      {failed ? (
        <p className="error small">The comments could not be read: {failed}</p>
      ) : thread === null ? (
        <p className="muted small">Loading comments…</p>
      ) : (
        <>
          {comments.length > 0 && (
            <ol className="comments" aria-label="Comments">
              {comments.map((c) => (
                <li key={c.id} className="comment">
                  <p className="comment-head">
                    <strong className="comment-author">{c.authorName.trim() || 'Someone'}</strong>{' '}
                    <time className="muted" dateTime={c.createdAt}>
                      {shown(c.createdAt)}
                    </time>
                    {c.editedAt && (
                      <span className="muted" title={`Edited ${shown(c.editedAt)}`}>
                        {' '}
                        · edited
                      </span>
                    )}
                  </p>
                  {editing?.id === c.id ? (
                    <form
                      className="comment-edit"
                      onSubmit={(e) => {
                        e.preventDefault()
                        void saveEdit(c)
                      }}
                    >
                      <textarea
                        aria-label="Edit your comment"
                        rows={3}
                        autoFocus
                        value={editing.text}
                        onChange={(e) => setEditing({ id: c.id, text: e.target.value })}
                        onKeyDown={(e) => {
                          if (isSend(e)) {
                            e.preventDefault()
                            void saveEdit(c)
                          } else if (e.key === 'Escape') {
                            // Escape leaves the edit, not the details.
                            e.stopPropagation()
                            setEditing(null)
                          }
                        }}
                      />
                      <div className="comment-actions">
                        <button type="submit" className="primary" disabled={busy || !editing.text.trim()}>
                          Save
                        </button>
                        <button type="button" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </div>
                    </form>
                  ) : (
                    <>
                      <p className="comment-body">{c.body}</p>
                      {isOwnComment(c, me) && (
                        <div className="comment-actions">
                          <button type="button" className="quiet" aria-label={`Edit your comment “${commentExcerpt(c.body, 40)}”`} disabled={busy} onClick={() => setEditing({ id: c.id, text: c.body })}>
                            Edit
                          </button>
                          <button
                            type="button"
                            className="quiet danger"
                            aria-label={`Delete your comment “${commentExcerpt(c.body, 40)}”`}
                            disabled={busy}
                            onClick={() => void remove(c)}
                          >
                            Delete
                          </button>
                        </div>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
          {thread.resolvedAt ? (
            <div className="thread-resolved">
              <p className="muted small">
                Resolved{thread.resolvedByName ? ` by ${thread.resolvedByName}` : ''} · {shown(thread.resolvedAt)}
              </p>
              <button ref={reopenButton} type="button" disabled={busy} onClick={() => void resolve(false)}>
                Reopen
              </button>
            </div>
          ) : (
            <form className="reply" onSubmit={(e) => void send(e)}>
              <label className="field">
                <span>{comments.length ? 'Reply' : 'Add a comment'}</span>
                <textarea
                  ref={box}
                  rows={2}
                  value={draft}
                  placeholder="For the desk only; never in a public copy"
                  aria-describedby={`${ids}-hint`}
                  // Nothing of its own to undo: Ctrl/⌘+Z there undoes the article's last change (see article/keys.ts).
                  data-article-undo={draft ? undefined : 'true'}
                  onChange={(e) => typed(e.target.value)}
                  onKeyDown={(e) => {
                    if (isSend(e)) {
                      e.preventDefault()
                      void send()
                    }
                  }}
                />
              </label>
              <div className="reply-actions">
                <span id={`${ids}-hint`} className="muted small">
                  {SEND_KEY} sends
                </span>
                {comments.length > 0 && (
                  <button type="button" disabled={busy} onClick={() => void resolve(true)}>
                    Resolve
                  </button>
                )}
                <button type="submit" className="primary" disabled={busy || !draft.trim()}>
                  Comment
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  )
}
