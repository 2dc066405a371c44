import type { JSX } from 'react'

/** The desk's views across articles, as links in the top bar: the library, the claims and people in the news. */
const VIEWS = [
  { id: 'library', label: 'Library', href: '#/' },
  { id: 'claims', label: 'Claims', href: '#/claims' },
  { id: 'speakers', label: 'People in the news', href: '#/speakers' }
] as const

export type ViewId = (typeof VIEWS)[number]['id']

/** Links to each view, the current one marked as the page the user is on. */
export function ViewTabs({ current }: { current: ViewId }): JSX.Element {
  return (
    <nav className="view-tabs" aria-label="Views">
      {VIEWS.map((v) => (
        <a key={v.id} href={v.href} className="view-tab" aria-current={v.id === current ? 'page' : undefined}>
          {v.label}
        </a>
      ))}
    </nav>
  )
}
