/**
 * What the bench does to an article, in Copydesk and in the floor (a bare contenteditable with
 * the same text): open it, move the caret, type, tag, open details; and the annotations it
 * generates.
 */
import type { Browser, Page } from 'playwright-core'
import { anchorFor } from '../src/shared/anchor'
import { ANNOTATION_KINDS, defaultFields, type Annotation } from '../src/shared/domain'
import { installProbe, measure, print, type Response } from './bench-probe'

/** The annotations painted at open: all, those on screen, and those on screen to be painted. */
export type Painted = { ranges: number; onScreen: number; expected: number }

/** Opens the article from the library; gives the time until every annotation on screen is painted. */
export async function timeOpen(page: Page, paragraphOf: number[]): Promise<[number, Painted]> {
  return page.evaluate(async (starts) => {
    const check = (): Painted | null => {
      const paras = [...document.querySelectorAll<HTMLElement>('.ProseMirror > p')]
      if (paras.length === 0) return null
      const index = new Map(paras.map((p, i) => [p as Node, i]))
      const visible = new Set<number>()
      paras.forEach((p, i) => {
        const r = p.getBoundingClientRect()
        if (r.bottom > 0 && r.top < innerHeight) visible.add(i)
      })
      const expected = starts.filter((i) => visible.has(i)).length
      const paragraphOfNode = (n: Node): number => index.get((n.nodeType === 1 ? (n as Element) : n.parentElement!).closest('.ProseMirror > p')!) ?? -1
      // Either painter: one range per annotation in its kind's highlight, or spans with its id.
      const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights
      const ranges = ['cd-ann-claim', 'cd-ann-quote', 'cd-ann-attribution'].flatMap((k) => [...(registry?.get(k) ?? [])])
      const starts2 = ranges.length
        ? ranges.map((r) => paragraphOfNode(r.startContainer))
        : // The first span of each annotation (one that runs into the next paragraph has more).
          [...new Map([...document.querySelectorAll<HTMLElement>('.ProseMirror [data-ann-id]')].reverse().map((e) => [e.dataset.annId, e] as const)).values()].map(paragraphOfNode)
      const onScreen = starts2.filter((i) => visible.has(i)).length
      return expected > 0 && onScreen >= expected ? { ranges: starts2.length, onScreen, expected } : null
    }
    const t0 = performance.now()
    location.hash = '#/article/1'
    return new Promise<[number, Painted]>((resolve) => {
      const poll = (): void => {
        const done = check()
        if (done) requestAnimationFrame(() => resolve([performance.now() - t0, done]))
        else requestAnimationFrame(poll)
      }
      poll()
    })
  }, paragraphOf)
}

// Copydesk's text blocks. The helpers below give Copydesk and the floor the same inputs, on the
// blocks a CSS selector finds.
export const EDITOR_BLOCKS = '.ProseMirror p'

/** Arrow keys, right then left, from the middle of the text. */
export async function moveCaret(page: Page, blocks: string): Promise<Response[]> {
  await page.locator(blocks).nth(200).click()
  const out: Response[] = []
  for (let i = 0; i < 40; i++) out.push(await measure(page, () => page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft')))
  return out
}

/** 120 keys typed in the middle of the text, a space every tenth. */
export async function typeKeys(page: Page, blocks: string): Promise<Response[]> {
  await page.locator(blocks).nth(200).click()
  const out: Response[] = []
  for (let i = 0; i < 120; i++) out.push(await measure(page, () => page.keyboard.press(i % 10 === 9 ? 'Space' : 'KeyA')))
  return out
}

/** How long an editor stops typing before the next key, in `keysAfterPauses`. */
export const KEY_PAUSE_MS = 2_000

/** A key typed where the caret is after each of 12 pauses in typing. */
export async function keysAfterPauses(page: Page): Promise<Response[]> {
  const out: Response[] = []
  for (let i = 0; i < 12; i++) {
    await page.waitForTimeout(KEY_PAUSE_MS)
    out.push(await measure(page, () => page.keyboard.press('KeyA')))
  }
  return out
}

/** Selects from a click in the `i`th tagging block to the end of its line. */
export async function selectLine(page: Page, blocks: string, i: number): Promise<void> {
  await page.locator(blocks).nth(10 + i * 5).click()
  await page.keyboard.press('Shift+End')
}

/**
 * The floor: what the browser alone costs for the same inputs on the same text, in a bare
 * contenteditable with no editor, no annotations and no side panel (tagging wraps the
 * selection in a span and selects it; "details" scrolls to a paragraph, selects words there
 * and writes a line beside it). Copydesk cannot respond faster than this on this machine.
 */
export async function measureFloor(browser: Browser, text: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const paragraphs = text.split('\n\n').map((t) => `<p>${escape(t)}</p>`).join('')
  await page.setContent(
    '<!doctype html><style>body { margin: 0 } #ed { font: 18px/1.6 Georgia, serif; width: 740px; margin: 24px auto; white-space: pre-wrap; outline: none }' +
      ' #ed > p { margin: 0 0 1em; contain: paint } .tag { background: #fde8c8; border-bottom: 2px solid #b8860b }' +
      ' #side { position: fixed; top: 50px; right: 10px; width: 300px } #go { position: fixed; top: 10px; right: 10px }</style>' +
      `<button id="go">Go</button><div id="side"></div><div id="ed" contenteditable="true">${paragraphs}</div>`
  )
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('window.__name = (f) => f')
  await page.evaluate(() => {
    addEventListener('keydown', (e: KeyboardEvent) => {
      if (!(e.altKey && e.shiftKey && e.code === 'KeyC')) return
      e.preventDefault()
      const selection = getSelection()!
      const range = selection.getRangeAt(0)
      const span = document.createElement('span')
      span.className = 'tag'
      span.append(range.extractContents())
      range.insertNode(span)
      selection.selectAllChildren(span)
    })
    let n = 0
    document.getElementById('go')!.addEventListener('click', () => {
      const p = document.querySelectorAll('#ed > p')[(n++ % 8) * 45 + 5]
      p.scrollIntoView({ block: 'center' })
      const t = p.firstChild!
      getSelection()!.setBaseAndExtent(t, 3, t, 43)
      document.getElementById('side')!.textContent = `Claim: ${(t.textContent ?? '').slice(3, 43)}`
    })
  })
  await installProbe(page)
  const caret = await moveCaret(page, '#ed > p')
  const typing = await typeKeys(page, '#ed > p')
  const paused = await keysAfterPauses(page)
  const tagging: Response[] = []
  for (let i = 0; i < 40; i++) {
    await selectLine(page, '#ed > p', i)
    tagging.push(await measure(page, () => page.keyboard.press('Alt+Shift+C'), { lastInput: true }))
  }
  const details: Response[] = []
  for (let i = 0; i < 40; i++) details.push(await measure(page, () => page.locator('#go').click()))
  console.log('The floor: the same text in a bare contenteditable, no editor (what the browser alone costs here)')
  print('  moving the caret', caret, 16)
  print('  typing (per key)', typing, 16)
  print(`  a key after a ${KEY_PAUSE_MS / 1000} s pause`, paused, 16)
  print('  tagging (wrap in a span, select)', tagging, 16)
  print('  details (scroll, select, a line)', details, 16)
  await page.close()
}

/** `count` annotations spread through the text; every tenth nested in, or overlapping, the one before. */
export function makeAnnotations(text: string, count: number): Annotation[] {
  const out: Annotation[] = []
  const step = Math.floor(text.length / count)
  for (let i = 0; i < count; i++) {
    let start = i * step + 3
    let end = start + 40
    if (i % 10 === 9) {
      start = out[i - 1].anchor.start + 10
      end = out[i - 1].anchor.end + (i % 20 === 19 ? 15 : -10)
    }
    while (/\s/.test(text[start])) start++
    while (/\s/.test(text[end - 1])) end--
    const kind = ANNOTATION_KINDS[i % 3]
    out.push({
      id: `bench-${i}`,
      kind,
      anchor: anchorFor(text, start, end),
      fields: defaultFields(kind),
      origin: 'manual',
      placement: 'anchored',
      createdBy: 'Bench',
      createdAt: '2026-11-27T00:00:00.000Z',
      updatedBy: 'Bench',
      updatedAt: '2026-11-27T00:00:00.000Z'
    } as Annotation)
  }
  return out
}

