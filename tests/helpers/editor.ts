import type { Page } from 'playwright-core'

/**
 * Selects the first occurrence of `text` in the editor, as a user dragging over it would.
 * Tries again when a redraw that was already under way (suggestions arriving from their
 * worker, say) put ProseMirror's own selection back before it read the new one.
 */
export async function selectText(page: Page, text: string, occurrence = 1): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await placeSelection(page, text, occurrence)
    const held = await page
      .waitForFunction((t) => getSelection()!.toString() === t, text, { timeout: 2_000 })
      .then(() => page.waitForTimeout(100))
      .then(() => page.evaluate((t) => getSelection()!.toString() === t, text))
      .catch(() => false)
    if (held) return
    if (attempt === 4) throw new Error(`The editor would not keep "${text}" selected`)
  }
}

async function placeSelection(page: Page, text: string, occurrence: number): Promise<void> {
  await page.evaluate(
    ([t, n]) => {
      const root = document.querySelector('.ProseMirror')!
      ;(root as HTMLElement).focus()
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
      // Search the concatenated text so a phrase may cross highlight boundaries.
      const all = nodes.map((x) => x.data).join('')
      let at = -1
      for (let i = 0; i < (n as number); i++) at = all.indexOf(t as string, at + 1)
      if (at < 0) throw new Error(`"${t}" is not in the editor`)
      const locate = (offset: number): [Text, number] => {
        for (const node of nodes) {
          if (offset <= node.data.length) return [node, offset]
          offset -= node.data.length
        }
        throw new Error('offset out of range')
      }
      const [sn, so] = locate(at)
      const [en, eo] = locate(at + (t as string).length)
      const range = document.createRange()
      range.setStart(sn, so)
      range.setEnd(en, eo)
      const sel = getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
    },
    [text, occurrence] as const
  )
}

/** Waits until the save indicator says everything is saved, a change just made included. */
export async function waitSaved(page: Page): Promise<void> {
  // The save state says "Unsaved changes" a frame after a change (SaveState), and keeps
  // saying it until the save, at least 600 ms later. Let that frame and the indicator's render
  // pass first, so that a change just made is not taken for saved.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))))
  await page.locator('[data-testid=save-state][data-status=saved]').waitFor({ timeout: 10_000 })
}

/** One annotation as painted in the editor: its kind, its classes, its text and where that text is. */
export interface PaintedAnnotation {
  painter: 'highlights' | 'decorations'
  kind: string
  /** The highlight names it is in (highlights) or its span's classes (decorations), without `cd-ann`. */
  classes: string[]
  text: string
  /** Offsets of its ends in the editor's text content. */
  start: number
  end: number
}

/**
 * The annotations painted in the editor, with either painter: the ranges in the
 * `cd-ann-<kind>` highlights of `CSS.highlights`, or else the `[data-ann-id]` spans.
 */
export async function paintedAnnotations(page: Page): Promise<PaintedAnnotation[]> {
  return page.evaluate(() => {
    const root = document.querySelector('.ProseMirror')!
    const offset = (node: Node, at: number): number => {
      const r = document.createRange()
      r.setStart(root, 0)
      r.setEnd(node, at)
      return r.toString().length
    }
    const kinds = ['claim', 'quote', 'attribution']
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights
    const out: PaintedAnnotation[] = []
    if (registry && kinds.some((k) => (registry.get(`cd-ann-${k}`)?.size ?? 0) > 0)) {
      for (const kind of kinds) {
        for (const r of registry.get(`cd-ann-${kind}`) ?? []) {
          if (!root.contains(r.startContainer)) continue
          const range = document.createRange()
          range.setStart(r.startContainer, r.startOffset)
          range.setEnd(r.endContainer, r.endOffset)
          const classes = [...registry].filter(([, h]) => h.has(r)).map(([name]) => name)
          out.push({ painter: 'highlights', kind, classes, text: range.toString(), start: offset(r.startContainer, r.startOffset), end: offset(r.endContainer, r.endOffset) })
        }
      }
      return out.sort((a, b) => a.start - b.start || b.end - a.end)
    }
    const spans = new Map<string, HTMLElement[]>()
    for (const el of root.querySelectorAll<HTMLElement>('[data-ann-id]')) {
      const id = el.dataset.annId!
      spans.set(id, [...(spans.get(id) ?? []), el])
    }
    for (const els of spans.values()) {
      const first = els[0]
      const last = els[els.length - 1]
      const range = document.createRange()
      range.setStart(first, 0)
      range.setEnd(last, last.childNodes.length)
      const classes = [...first.classList].filter((c) => c !== 'cd-ann')
      const kind = kinds.find((k) => classes.includes(`cd-ann-${k}`)) ?? '?'
      out.push({ painter: 'decorations', kind, classes, text: range.toString(), start: offset(first, 0), end: offset(last, last.childNodes.length) })
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end)
  })
}

/** The screen box of the first occurrence of `text` in the editor (for pointing at it). */
export async function textBox(page: Page, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate((t) => {
    const root = document.querySelector('.ProseMirror')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
    const all = nodes.map((x) => x.data).join('')
    const at = all.indexOf(t)
    if (at < 0) throw new Error(`"${t}" is not in the editor`)
    // A start at the seam of two text nodes (the edge of an annotation's span) is in the
    // second: at the end of the first its box may be the end of the line before.
    const locate = (offset: number, start: boolean): [Text, number] => {
      for (const node of nodes) {
        if (start ? offset < node.data.length : offset <= node.data.length) return [node, offset]
        offset -= node.data.length
      }
      throw new Error('offset out of range')
    }
    const range = document.createRange()
    range.setStart(...locate(at, true))
    range.setEnd(...locate(at + t.length, false))
    const r = range.getClientRects()[0]
    return { x: r.x, y: r.y, width: r.width, height: r.height }
  }, text)
}
