import type { JSX } from 'react'
import { useEffect, useState } from 'react'
import { onMenuCommand } from '../api'
import { ArticleView } from './ArticleView'
import { Library } from './Library'
import { ToastProvider } from './Toast'

/** Where the window is: the library, or one article. Kept in the URL hash so reload stays put. */
type Route = { view: 'library' } | { view: 'article'; id: number }

function readRoute(): Route {
  const m = location.hash.match(/^#\/article\/(\d+)$/)
  return m ? { view: 'article', id: Number(m[1]) } : { view: 'library' }
}

export function openArticle(id: number): void {
  location.hash = `#/article/${id}`
}

export function openLibrary(): void {
  location.hash = '#/'
}

export function App(): JSX.Element {
  const [route, setRoute] = useState<Route>(readRoute)
  useEffect(() => {
    const onHash = (): void => setRoute(readRoute())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  useEffect(
    () =>
      onMenuCommand((c) => {
        if (c.command === 'open-article' && c.articleId) openArticle(c.articleId)
        if (c.command === 'close-article') openLibrary()
      }),
    []
  )
  return (
    <ToastProvider>
      {route.view === 'article' ? <ArticleView key={route.id} id={route.id} /> : <Library />}
    </ToastProvider>
  )
}
