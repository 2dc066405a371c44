import { parseDocument } from 'htmlparser2'
import type { ChildNode, Element } from 'domhandler'
import type { ArticleMeta } from '../../../shared/domain'

/** Metadata from an HTML page's head: Open Graph, article and author meta tags, the title. */
export function htmlMeta(html: string): Partial<ArticleMeta> & { title?: string } {
  const dom = parseDocument(html, { decodeEntities: true })
  const meta: Record<string, string> = {}
  let title = ''
  let canonical = ''
  // Walked without recursion: a page may nest its elements as deeply as it likes.
  const stack = [...(dom.children as ChildNode[])].reverse()
  while (stack.length) {
    const n = stack.pop()!
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue
    const el = n as Element
    const name = el.name.toLowerCase()
    if (name === 'meta') {
      const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? '').toLowerCase()
      if (key && el.attribs.content && !(key in meta)) meta[key] = el.attribs.content.trim()
    } else if (name === 'title' && !title) {
      title = el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('').trim()
    } else if (name === 'link' && (el.attribs.rel ?? '').toLowerCase() === 'canonical' && el.attribs.href) {
      canonical = el.attribs.href
    }
    if (name !== 'script' && name !== 'style') for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i])
  }
  const pick = (...keys: string[]): string | undefined => keys.map((k) => meta[k]).find((v) => v)
  return {
    title: title || undefined,
    headline: pick('og:title', 'twitter:title', 'headline'),
    byline: pick('author', 'article:author', 'byl', 'dc.creator', 'sailthru.author'),
    outlet: pick('og:site_name', 'application-name', 'publisher'),
    url: safeUrl(pick('og:url') ?? canonical),
    publishedAt: normaliseDate(pick('article:published_time', 'datepublished', 'date', 'dc.date', 'pubdate') ?? '')
  }
}

function safeUrl(u: string | undefined): string | undefined {
  if (!u) return undefined
  try {
    const url = new URL(u)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}

/** A date as YYYY-MM-DD (or a full ISO date-time when it has a time), '' when unreadable. */
export function normaliseDate(s: string): string {
  const t = s.trim()
  if (!t) return ''
  const iso = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?)?$/)
  if (iso) {
    if (!iso[4]) return `${iso[1]}-${iso[2]}-${iso[3]}`
    const d = new Date(t.replace(' ', 'T'))
    return Number.isNaN(d.getTime()) ? `${iso[1]}-${iso[2]}-${iso[3]}` : d.toISOString()
  }
  // "November 3, 2026", "3 November 2026", "Nov. 3, 2026"
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
  const m1 = t.match(/^(?:[A-Za-z]+,\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/)
  const m2 = t.match(/^(?:[A-Za-z]+,\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/)
  const parts = m1 ? { mon: m1[1], day: m1[2], year: m1[3] } : m2 ? { mon: m2[2], day: m2[1], year: m2[3] } : null
  if (!parts) return ''
  const mi = months.indexOf(parts.mon.slice(0, 3).toLowerCase())
  const day = Number(parts.day)
  if (mi < 0 || day < 1 || day > 31) return ''
  return `${parts.year}-${String(mi + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
