import { memo, type JSX } from 'react'
import type { ArticleMeta } from '../../shared/domain'

const FIELDS: { key: keyof ArticleMeta; label: string; type?: string; placeholder: string }[] = [
  { key: 'byline', label: 'Byline', placeholder: 'Who wrote it' },
  { key: 'outlet', label: 'Outlet', placeholder: 'Where it ran' },
  { key: 'publishedAt', label: 'Published', placeholder: 'YYYY-MM-DD' },
  { key: 'url', label: 'URL', type: 'url', placeholder: 'https://…' }
]

/** The article's headline and details, edited in place and autosaved with the text. */
export const MetaFields = memo(function MetaFields({ meta, onChange }: { meta: ArticleMeta; onChange: (m: ArticleMeta) => void }): JSX.Element {
  return (
    <section className="meta" aria-label="Article details">
      <textarea
        className="headline-input"
        aria-label="Headline"
        rows={1}
        value={meta.headline}
        placeholder="Headline"
        onChange={(e) => onChange({ ...meta, headline: e.target.value.replace(/\n/g, ' ') })}
      />
      <div className="meta-grid">
        {FIELDS.map((f) => (
          <label key={f.key}>
            <span>{f.label}</span>
            <input
              type={f.type ?? 'text'}
              value={f.key === 'publishedAt' ? meta.publishedAt.slice(0, 10) : meta[f.key]}
              placeholder={f.placeholder}
              onChange={(e) => onChange({ ...meta, [f.key]: e.target.value })}
            />
          </label>
        ))}
      </div>
    </section>
  )
})
