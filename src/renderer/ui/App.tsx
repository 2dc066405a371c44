import { createContext, useContext, useEffect, useMemo, useState, type JSX } from 'react'
import { call, onMenuCommand } from '../api'
import { createArticleLoader } from './article-load'
import { ArticleView } from './ArticleView'
import { Library } from './Library'
import { SpeakerPage } from './speakers/SpeakerPage'
import { SpeakersView } from './speakers/SpeakersView'
import { ClaimsView } from './desk/ClaimsView'
import { PasteDialog } from './PasteDialog'
import { ShortcutsSheet } from './ShortcutsSheet'
import { LiveRegion } from './common/announce'
import { NoticeProvider } from './common/notices'
import { warmUpArticleEditor } from './warm-up'

/**
 * Where the window is: the library, the claims across articles, one article (at one of its
 * annotations), people in the news or one of them. Kept in the URL hash so reload stays put.
 */
type Route =
  | { view: 'library' }
  | { view: 'article'; id: number; at?: string }
  | { view: 'speakers' }
  | { view: 'speaker'; id: string }
  | { view: 'claims'; articleId?: number }

function readRoute(): Route {
  const c = location.hash.match(/^#\/claims(?:\/article\/(\d+))?$/)
  if (c) return c[1] ? { view: 'claims', articleId: Number(c[1]) } : { view: 'claims' }
  const m = location.hash.match(/^#\/article\/(\d+)(?:\/annotation\/([^/]+))?$/)
  if (m) return { view: 'article', id: Number(m[1]), at: m[2] ? decodeURIComponent(m[2]) : undefined }
  const p = location.hash.match(/^#\/speakers(?:\/([^/]+))?$/)
  if (p) return p[1] ? { view: 'speaker', id: decodeURIComponent(p[1]) } : { view: 'speakers' }
  return { view: 'library' }
}

/** Articles are read from the store as the window goes to them (see createArticleLoader). */
export const articleLoader = createArticleLoader(async (id) => {
  const [article, stored, prefs] = await Promise.all([call('getArticle', { id }), call('listAnnotations', { articleId: id }), call('getPreferences', {})])
  return { article, stored, prefs }
})

/** The route in the URL, with the article's load started when it is one. */
function goTo(): Route {
  const route = readRoute()
  if (route.view === 'article') articleLoader.start(route.id)
  return route
}

export function openArticle(id: number): void {
  location.hash = `#/article/${id}`
}

/** The address of an article opened at one of its annotations, with its details. */
export function annotationHref(articleId: number, annotationId: string): string {
  return `#/article/${articleId}/annotation/${encodeURIComponent(annotationId)}`
}

/** The address of a person's page: their id, or a quote's or an attribution's id that names them. */
export function speakerHref(id: string): string {
  return `#/speakers/${encodeURIComponent(id)}`
}

export function openLibrary(): void {
  location.hash = '#/'
}

/** Window-wide dialogs any view (or the native menu) can open. */
interface AppCommands {
  showShortcuts: () => void
  pasteAsNew: () => void
  /** Opens the current article afresh from the store (after an import changed it there). */
  reopenArticle: () => void
}

const AppCommandsContext = createContext<AppCommands>({ showShortcuts: () => {}, pasteAsNew: () => {}, reopenArticle: () => {} })

export function useAppCommands(): AppCommands {
  return useContext(AppCommandsContext)
}

/** The editor is run once a window, before its first article (see warmUpArticleEditor). */
let warmUpStarted = false

export function App(): JSX.Element {
  const [route, setRoute] = useState<Route>(goTo)
  const [sheet, setSheet] = useState(false)
  const [pasting, setPasting] = useState(false)
  const [opened, setOpened] = useState(0)
  const commands = useMemo<AppCommands>(
    () => ({ showShortcuts: () => setSheet(true), pasteAsNew: () => setPasting(true), reopenArticle: () => setOpened((n) => n + 1) }),
    []
  )

  // While the library shows, run the editor's code once so the first article opens sooner.
  useEffect(() => {
    if (route.view !== 'library' || warmUpStarted) return
    warmUpStarted = true
    return warmUpArticleEditor()
  }, [route.view])
  useEffect(() => {
    const onHash = (): void => setRoute(goTo())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  // ? (outside text fields) or Ctrl/⌘+/ anywhere opens the shortcuts sheet.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // Other keys go no further: isContentEditable brings the page's style up to date, in
      // the middle of a key that has just changed the text.
      if (e.key !== '?' && e.key !== '/') return
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName))
      if ((e.key === '?' && !typing) || (e.key === '/' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault()
        setSheet(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  useEffect(
    () =>
      onMenuCommand((c) => {
        if (c.command === 'open-article' && c.articleId) openArticle(c.articleId)
        else if (c.command === 'close-article') openLibrary()
        else if (c.command === 'paste-as-new') setPasting(true)
        else if (c.command === 'show-shortcuts') setSheet(true)
        // Outside an article (which handles these itself), undo is a text field's own.
        else if ((c.command === 'undo' || c.command === 'redo') && readRoute().view !== 'article') document.execCommand(c.command)
      }),
    []
  )
  return (
    <NoticeProvider>
      <LiveRegion />
      <AppCommandsContext.Provider value={commands}>
        {route.view === 'article' ? (
          <ArticleView key={`${route.id}:${route.at ?? ''}:${opened}`} id={route.id} at={route.at} />
        ) : route.view === 'speakers' ? (
          <SpeakersView />
        ) : route.view === 'speaker' ? (
          <SpeakerPage key={route.id} id={route.id} />
        ) : route.view === 'claims' ? (
          <ClaimsView key={route.articleId ?? ''} articleId={route.articleId} />
        ) : (
          <Library />
        )}
        {sheet && <ShortcutsSheet onClose={() => setSheet(false)} />}
        {pasting && (
          <PasteDialog
            onClose={() => setPasting(false)}
            onCreated={(id) => {
              setPasting(false)
              openArticle(id)
            }}
          />
        )}
      </AppCommandsContext.Provider>
    </NoticeProvider>
  )
}
