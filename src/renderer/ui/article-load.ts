import type { Annotation, Article, Preferences } from '../../shared/domain'

/** What an article's view needs from the store before it can show the text. */
export interface ArticleData {
  article: Article
  stored: Annotation[]
  prefs: Preferences
}

/** A load started on the way to the view, kept for the view that asks for it next. */
interface Started {
  id: number
  at: number
  data: Promise<ArticleData>
}

export interface ArticleLoader {
  /** Starts reading the article at once: called as the window goes to it, before its view renders. */
  start: (id: number) => void
  /** The article's data: the load started for it (if recent), or a fresh read. Each load is taken once. */
  take: (id: number) => Promise<ArticleData>
}

/**
 * Reads an article while its view is still being built. The view asks for its data when it
 * first renders (in an effect, after React has built and painted the page: 20–30 ms for an
 * article view); started as the window goes to the article, the store's work runs meanwhile.
 * A load nobody took within `maxAgeMs` is not used: the article may have changed since.
 */
export function createArticleLoader(read: (id: number) => Promise<ArticleData>, now = (): number => performance.now(), maxAgeMs = 2_000): ArticleLoader {
  let started: Started | null = null
  return {
    start(id) {
      if (started && started.id === id && now() - started.at <= maxAgeMs) return
      const data = read(id)
      // Its error reaches the view that takes it; not taken, it is not an unhandled rejection.
      data.catch(() => {})
      started = { id, at: now(), data }
    },
    take(id) {
      const mine = started && started.id === id && now() - started.at <= maxAgeMs ? started.data : null
      started = null
      return mine ?? read(id)
    }
  }
}
