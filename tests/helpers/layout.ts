import type { Browser, Page } from 'playwright-core'
import { strictPage } from './browser'

/** Window sizes and zooms the screen must fit (a zoom of 2 is half the CSS pixels at twice the density). */
export const SIZES = [
  { width: 1024, height: 700, zoom: 1 },
  { width: 1440, height: 900, zoom: 1 },
  { width: 2560, height: 1440, zoom: 1 },
  { width: 1440, height: 900, zoom: 2 },
  { width: 1024, height: 700, zoom: 2 }
]

/** A page at a window size and zoom, in a colour scheme, that notes script errors and reaches nothing off the machine. */
export async function pageAt(browser: Browser, size: (typeof SIZES)[number], colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await strictPage(browser)
  await page.close()
  const zoomed = await browser.newPage({ viewport: { width: Math.round(size.width / size.zoom), height: Math.round(size.height / size.zoom) }, deviceScaleFactor: size.zoom, colorScheme })
  zoomed.setDefaultTimeout(8_000)
  zoomed.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  zoomed.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`))
  await zoomed.route(/^(?!http:\/\/127\.0\.0\.1)/, (r) => r.abort())
  return { page: zoomed, problems }
}

/**
 * What is wrong with the layout of the elements `selector` finds: any that leave the window
 * sideways, and any two visible ones that overlap. Empty when all is well.
 */
export async function layoutProblems(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const els = [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden')
    const out: string[] = []
    const name = (e: HTMLElement): string => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}"`
    const boxes = els.map((e) => ({ e, r: e.getBoundingClientRect() }))
    for (const { e, r } of boxes) if (r.left < -1 || r.right > innerWidth + 1) out.push(`${name(e)} leaves the window (${Math.round(r.left)}–${Math.round(r.right)} of ${innerWidth})`)
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]
        const b = boxes[j]
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left)
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top)
        if (x > 1 && y > 1) out.push(`${name(a.e)} overlaps ${name(b.e)}`)
      }
    }
    return out
  }, selector)
}

/** Elements in `selector` whose content is wider than their box (cut off at the side, or scrolled sideways). */
export async function cutSideways(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((e) => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
    selector
  )
}
