import { HTML_STYLE } from '../../shared/interchange/html-style'
import { call } from '../api'

/** The frame a print is laid out in, until the print dialog closes. */
let frame: HTMLIFrameElement | null = null

/**
 * Prints the article's annotated copy: the same HTML as Export ▸ Annotated HTML copy, with
 * the desk's notes, laid out in a hidden frame of this page and handed to the browser's (or
 * the desktop app's) print dialog. The copy's own stylesheet is applied through the
 * stylesheet API, which the page's Content-Security-Policy allows, rather than as an inline
 * <style>, which it does not. Resolves once the dialog has been asked for.
 */
export async function printArticle(articleId: number): Promise<void> {
  const { files } = await call('exportArticle', { id: articleId, format: 'html', includeInternal: true })
  const bytes = Uint8Array.from(atob(files[0].dataBase64), (c) => c.charCodeAt(0))
  // The copy's own <style> is left out before parsing: the page's policy refuses inline styles,
  // and the parser reports every one it meets. Its rules come back below, as HTML_STYLE.
  const html = new TextDecoder().decode(bytes).replace(/<style>[\s\S]*?<\/style>/i, '')
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  frame?.remove()
  frame = document.createElement('iframe')
  frame.className = 'print-frame'
  frame.title = 'Print copy'
  frame.setAttribute('aria-hidden', 'true')
  frame.setAttribute('inert', '')
  frame.tabIndex = -1
  document.body.append(frame)
  const win = frame.contentWindow
  const doc = frame.contentDocument
  if (!win || !doc) throw new Error('The print copy could not be prepared.')
  doc.title = parsed.title
  doc.documentElement.lang = parsed.documentElement.lang || 'en'
  // Only the copy's content: its own <style> and <meta> stay behind.
  doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)))
  const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet()
  sheet.replaceSync(HTML_STYLE)
  doc.adoptedStyleSheets = [sheet]
  const done = frame
  win.addEventListener('afterprint', () => setTimeout(() => (frame === done ? (frame.remove(), (frame = null)) : undefined), 0), { once: true })
  const back = document.activeElement
  win.focus()
  win.print()
  // Focus comes back to the page once the dialog is asked for (the frame stays until printing ends).
  if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true })
  else window.focus()
}
