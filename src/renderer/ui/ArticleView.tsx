import type { JSX } from 'react'
import type { Command, EditorState } from 'prosemirror-state'
import { Node } from 'prosemirror-model'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Annotation, Article, ArticleMeta, Preferences } from '../../shared/domain'
import { articleSchema, type DocJSON } from '../../shared/schema'
import { call, callInSlices, onMenuCommand } from '../api'
import { Autosaver } from '../autosave'
import { tagSelection } from '../editor/annotation-keys'
import {
  annotationsFromStored,
  annotationsToStored,
  annotationsVersion,
  removeAnnotation,
  selectAnnotation,
  splitMoved
} from '../editor/annotations'
import { readPendingDomChanges } from '../editor/dom-sync'
import { useEditorHandle, useMountEditor } from '../editor/react'
import { articleLoader, openLibrary, useAppCommands } from './App'
import { articleEditorState } from './article-editor'
import { annotationActions } from './annotations/actions'
import { ContextMenu, HoverCard, type MenuState } from './annotations/EditorOverlays'
import { annotationsUnderPointer } from './annotations/pointer'
import { EditingToolbar } from './EditingToolbar'
import { ExportDialog } from './ExportDialog'
import { ImportAnnotationsDialog } from './ImportAnnotationsDialog'
import { MetaFields } from './MetaFields'
import { PreferencesDialog } from './PreferencesDialog'
import { SaveIndicator, SaveState } from './SaveIndicator'
import { SidePanel } from './SidePanel'
import { useToast } from './Toast'
import type { SuggestionsControl } from './suggestions/useSuggestions'

/**
 * One article open for editing: its details, its text, its annotations, and a save state
 * always in view. The page itself re-renders only when the article, its details or a dialog
 * change: the toolbar, the save state and the side panel follow the editor by themselves.
 */
export function ArticleView({ id }: { id: number }): JSX.Element {
  const [article, setArticle] = useState<Article | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [meta, setMeta] = useState<ArticleMeta | null>(null)
  const [saves] = useState(() => new SaveState())
  const [initialState, setInitialState] = useState<EditorState | null>(null)
  const [menu, setMenu] = useState<MenuState | null>(null)
  const [prefsOpen, setPrefsOpen] = useState(false)
  const [userName, setUserName] = useState('')
  const revision = useRef(0)
  const prefs = useRef<Preferences>({ userName: '', organisation: '', organisationUrl: '' })
  const metaRef = useRef<ArticleMeta | null>(null)
  const dirty = useRef({ meta: false, body: false, annotations: false })
  const place = useRef<HTMLDivElement>(null)
  const toast = useToast()
  const { showShortcuts, reopenArticle } = useAppCommands()
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null)

  const handle = useEditorHandle((tr, state) => {
    const before = lastVersion.current
    lastVersion.current = annotationsVersion(state)
    // Annotation steps leave the document as it was: only a new doc is a text change.
    const textChanged = tr.doc !== tr.before
    if (textChanged) dirty.current.body = true
    if (before !== lastVersion.current) dirty.current.annotations = true
    if (textChanged || before !== lastVersion.current) autosaver.changed()
  })
  const lastVersion = useRef(-1)
  /** The annotations as the store has them, by id: what the next save compares with. */
  const saved = useRef<ReadonlyMap<string, Annotation>>(new Map())

  const autosaver = useMemo(
    () =>
      new Autosaver({
        onStatus: (s, err) => saves.set(s, err),
        save: async (pause) => {
          const state = handle.view?.state
          const was = dirty.current
          dirty.current = { meta: false, body: false, annotations: false }
          try {
            // Offsets move with the text, so a text change saves the annotations too: those
            // that only moved as their new offsets.
            const annotations = (was.body || was.annotations) && state ? annotationsToStored(state) : undefined
            const split = annotations ? splitMoved(annotations, saved.current) : undefined
            const input = {
              id,
              baseRevision: revision.current,
              meta: was.meta && metaRef.current ? metaRef.current : undefined,
              body: was.body && state ? (state.doc.toJSON() as DocJSON) : undefined,
              annotations: split?.whole,
              moved: split?.moved.length ? split.moved : undefined
            }
            // After a pause in typing, the request is written in idle slices of a few ms: in
            // one task, it held the page for 40–55 ms for a 20,000-word article with 2,000
            // annotations on the bench, and a key pressed meanwhile waited for all of it.
            const result = pause ? await callInSlices('saveArticle', input, pause) : await call('saveArticle', input)
            revision.current = result.revision
            if (annotations) saved.current = new Map(annotations.map((a) => [a.id, a]))
          } catch (err) {
            const d = dirty.current
            dirty.current = { meta: d.meta || was.meta, body: d.body || was.body, annotations: d.annotations || was.annotations }
            throw err
          }
        }
      }),
    [id, handle, saves]
  )

  useEffect(() => {
    let live = true
    articleLoader.take(id).then(
      ({ article: a, stored, prefs: p }) => {
        if (!live) return
        const m: ArticleMeta = { headline: a.headline, byline: a.byline, outlet: a.outlet, url: a.url, publishedAt: a.publishedAt }
        prefs.current = p
        setUserName(p.userName)
        setArticle(a)
        setMeta(m)
        metaRef.current = m
        revision.current = a.revision
        saved.current = new Map(stored.map((x) => [x.id, x]))
        // The body is made into a document once (20,000 words: ~5 ms); the annotations are placed on it.
        const doc = Node.fromJSON(articleSchema, a.body)
        const records = annotationsFromStored(doc, stored, new Date().toISOString())
        const state = articleEditorState(doc, records, () => prefs.current.userName, () => suggestionsRef.current)
        lastVersion.current = annotationsVersion(state)
        setInitialState(state)
        // Annotations found again elsewhere (or orphaned) are saved in their new places.
        if (records.some((r, i) => r.updatedAt !== stored[i].updatedAt)) {
          dirty.current.annotations = true
          autosaver.changed()
        }
        const orphaned = records.filter((r) => r.placement === 'orphaned').length
        if (orphaned) toast({ tone: 'info', message: `${orphaned} annotation(s) could not be found in the text any more; see “Not found in the text”.` })
      },
      (err: Error) => live && setLoadError(err.message)
    )
    return () => {
      live = false
    }
  }, [id, toast, autosaver])

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

  const actions = useMemo(() => annotationActions(() => handle.view), [handle])
  const suggestionsRef = useRef<SuggestionsControl | null>(null)
  const loadHistory = useCallback((annotationId: string) => call('annotationHistory', { articleId: id, annotationId }), [id])
  const openPreferences = useCallback(() => setPrefsOpen(true), [])
  const retrySave = useCallback(() => void autosaver.flush().catch(() => {}), [autosaver])

  const run = useCallback(
    (cmd: Command): boolean => {
      const view = handle.view
      if (!view) return false
      const done = cmd(view.state, view.dispatch, view)
      view.focus()
      return done
    },
    [handle]
  )

  // Escape closes the annotation details (when no dialog or menu is open).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && handle.view && !menu && !document.querySelector('[role=dialog]')) {
        selectAnnotation(null)(handle.view.state, handle.view.dispatch)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [handle, menu])

  // A click on highlighted text opens its innermost annotation (found by position: the
  // highlights painter has no element per annotation).
  useEffect(() => {
    const el = place.current
    if (!el || !initialState) return
    const onClick = (e: MouseEvent): void => {
      const view = handle.view
      // A drag that selected text is not a click on an annotation. The DOM selection, not the
      // editor's: ProseMirror reads a click's new selection only on the next selectionchange.
      if (!view || !(getSelection()?.isCollapsed ?? true)) return
      const id = annotationsUnderPointer(view, e.clientX, e.clientY)[0]?.id ?? null
      // Selecting redraws the annotation's span: the click's caret must be read first.
      readPendingDomChanges(view)
      selectAnnotation(id)(view.state, view.dispatch)
    }
    const onContext = (e: MouseEvent): void => {
      const view = handle.view
      if (!view) return
      e.preventDefault()
      const onAnnotation = annotationsUnderPointer(view, e.clientX, e.clientY)[0]?.id ?? null
      setMenu({ x: e.clientX, y: e.clientY, canTag: !view.state.selection.empty, onAnnotation })
    }
    el.addEventListener('click', onClick)
    el.addEventListener('contextmenu', onContext)
    return () => {
      el.removeEventListener('click', onClick)
      el.removeEventListener('contextmenu', onContext)
    }
  }, [handle, initialState])

  /** Dialogs that read the article from the store: save first, so they see every change. */
  const openDialog = useCallback(
    async (which: 'export' | 'import'): Promise<void> => {
      if (!autosaver.hasUnsavedChanges) {
        setDialog(which)
        return
      }
      // The dialog gives focus back to what opened it: keep that across the save.
      const opener = document.activeElement as HTMLElement | null
      try {
        await autosaver.flush()
        opener?.focus()
        setDialog(which)
      } catch (err) {
        toast({ tone: 'error', message: `Save your changes first: ${(err as Error).message}` })
      }
    },
    [autosaver, toast]
  )
  const openExport = useCallback(() => void openDialog('export'), [openDialog])
  const openImport = useCallback(() => void openDialog('import'), [openDialog])
  useEffect(
    () =>
      onMenuCommand((c) => {
        if (c.command === 'show-export') openExport()
        else if (c.command === 'show-import-annotations') openImport()
      }),
    [openExport, openImport]
  )

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
        <EditingToolbar
          handle={handle}
          run={run}
          onShortcuts={showShortcuts}
          onExport={openExport}
          onImport={openImport}
          onPreferences={openPreferences}
        />
        <SaveIndicator state={saves} onRetry={retrySave} />
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
        {initialState && (
          <SidePanel
            handle={handle}
            articleId={id}
            actions={actions}
            suggestionsRef={suggestionsRef}
            loadHistory={loadHistory}
            saves={saves}
            userName={userName}
            onPreferences={openPreferences}
          />
        )}
      </div>
      {initialState && <HoverCard handle={handle} container={place} />}
      {menu && (
        <ContextMenu
          menu={menu}
          onClose={() => setMenu(null)}
          onTag={(k) => {
            setMenu(null)
            run(tagSelection(k))
          }}
          onRemove={(annId) => {
            setMenu(null)
            run(removeAnnotation(annId))
          }}
        />
      )}
      {dialog === 'export' && (
        <ExportDialog
          articleId={id}
          onClose={() => setDialog(null)}
          onExported={(names) => toast({ tone: 'info', message: `Exported ${names.join(' and ')}.` })}
        />
      )}
      {dialog === 'import' && (
        <ImportAnnotationsDialog
          articleId={id}
          onClose={() => setDialog(null)}
          onImported={() => {
            setDialog(null)
            reopenArticle()
          }}
        />
      )}
      {prefsOpen && <PreferencesDialog onClose={() => setPrefsOpen(false)} onSaved={(p) => {
            prefs.current = p
            setUserName(p.userName)
          }} />}
    </div>
  )
}
