import type { JSX } from 'react'
import { redo, redoDepth, undo, undoDepth } from 'prosemirror-history'
import type { EditorState } from 'prosemirror-state'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Article, ArticleMeta } from '../../shared/domain'
import type { DocJSON } from '../../shared/schema'
import { call } from '../api'
import { Autosaver, type SaveStatus } from '../autosave'
import { useEditorHandle, useEditorSelector, useMountEditor } from '../editor/react'
import { createArticleState } from '../editor/setup'
import { openLibrary } from './App'
import { MetaFields } from './MetaFields'
import { SaveIndicator } from './SaveIndicator'
import { useToast } from './Toast'
import { shortcut } from './shortcuts'

/** One article open for editing: its details, its text, and a save state always in view. */
export function ArticleView({ id }: { id: number }): JSX.Element {
  const [article, setArticle] = useState<Article | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [meta, setMeta] = useState<ArticleMeta | null>(null)
  const [status, setStatus] = useState<SaveStatus>('saved')
  const [saveError, setSaveError] = useState<string | null>(null)
  const [initialState, setInitialState] = useState<EditorState | null>(null)
  const revision = useRef(0)
  const metaRef = useRef<ArticleMeta | null>(null)
  const dirty = useRef({ meta: false, body: false })
  const place = useRef<HTMLDivElement>(null)
  const toast = useToast()

  const handle = useEditorHandle((tr) => {
    if (tr.docChanged) {
      dirty.current.body = true
      autosaver.changed()
    }
  })

  const autosaver = useMemo(
    () =>
      new Autosaver({
        onStatus: (s, err) => {
          setStatus(s)
          setSaveError(s === 'error' ? err?.message ?? 'Saving failed' : null)
        },
        save: async () => {
          const state = handle.view?.state
          const { meta: metaDirty, body: bodyDirty } = dirty.current
          dirty.current = { meta: false, body: false }
          try {
            const result = await call('saveArticle', {
              id,
              baseRevision: revision.current,
              meta: metaDirty && metaRef.current ? metaRef.current : undefined,
              body: bodyDirty && state ? (state.doc.toJSON() as DocJSON) : undefined
            })
            revision.current = result.revision
          } catch (err) {
            dirty.current = { meta: dirty.current.meta || metaDirty, body: dirty.current.body || bodyDirty }
            throw err
          }
        }
      }),
    [id, handle]
  )

  useEffect(() => {
    let live = true
    call('getArticle', { id }).then(
      (a) => {
        if (!live) return
        const m: ArticleMeta = { headline: a.headline, byline: a.byline, outlet: a.outlet, url: a.url, publishedAt: a.publishedAt }
        setArticle(a)
        setMeta(m)
        metaRef.current = m
        revision.current = a.revision
        setInitialState(createArticleState(a.body))
      },
      (err: Error) => live && setLoadError(err.message)
    )
    return () => {
      live = false
    }
  }, [id])

  useMountEditor(handle, place, initialState)

  // Save what is pending when the window or tab goes away; warn if it may not make it.
  useEffect(() => {
    const flush = (): void => void autosaver.flush().catch(() => {})
    const onUnload = (e: BeforeUnloadEvent): void => {
      if (autosaver.hasUnsavedChanges) {
        flush()
        e.preventDefault()
      }
    }
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('beforeunload', onUnload)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      window.removeEventListener('beforeunload', onUnload)
      document.removeEventListener('visibilitychange', onHidden)
      flush()
      autosaver.dispose()
    }
  }, [autosaver])

  const onMetaChange = useCallback(
    (next: ArticleMeta) => {
      setMeta(next)
      metaRef.current = next
      dirty.current.meta = true
      autosaver.changed()
    },
    [autosaver]
  )

  const canUndo = useEditorSelector(handle, (s) => undoDepth(s) > 0, false)
  const canRedo = useEditorSelector(handle, (s) => redoDepth(s) > 0, false)

  const runCommand = (cmd: typeof undo): void => {
    const view = handle.view
    if (!view) return
    cmd(view.state, view.dispatch)
    view.focus()
  }

  async function backToLibrary(): Promise<void> {
    try {
      await autosaver.flush()
      openLibrary()
    } catch (err) {
      toast({ tone: 'error', message: `Your last changes are not saved yet: ${(err as Error).message}` })
    }
  }

  if (loadError) {
    return (
      <div className="article-page">
        <header className="topbar">
          <button type="button" onClick={openLibrary}>
            ← Library
          </button>
        </header>
        <p className="error" role="alert">
          {loadError}
        </p>
      </div>
    )
  }

  return (
    <div className="article-page">
      <header className="topbar">
        <button type="button" title="Back to the library" onClick={() => void backToLibrary()}>
          ← Library
        </button>
        <div className="toolbar" role="toolbar" aria-label="Editing">
          <button type="button" aria-label="Undo" title={`Undo (${shortcut('Mod-Z')})`} disabled={!canUndo} onClick={() => runCommand(undo)}>
            Undo
          </button>
          <button type="button" aria-label="Redo" title={`Redo (${shortcut('Shift-Mod-Z')})`} disabled={!canRedo} onClick={() => runCommand(redo)}>
            Redo
          </button>
        </div>
        <SaveIndicator status={status} error={saveError} onRetry={() => void autosaver.flush().catch(() => {})} />
      </header>
      <div className="article-layout">
        <main className="article-main">
          {article && meta ? (
            <>
              <MetaFields meta={meta} onChange={onMetaChange} />
              <div ref={place} className="editor" data-testid="editor" />
            </>
          ) : (
            <p className="muted">Opening the article…</p>
          )}
        </main>
      </div>
    </div>
  )
}
