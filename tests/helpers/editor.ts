import type { Page } from 'playwright-core'

/** Selects the first occurrence of `text` in the editor, as a user dragging over it would. */
export async function selectText(page: Page, text: string, occurrence = 1): Promise<void> {
  await page.evaluate(
    ([t, n]) => {
      const root = document.querySelector('.ProseMirror')!
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
      ;(root as HTMLElement).focus()
    },
    [text, occurrence] as const
  )
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForFunction(() => !getSelection()!.isCollapsed)
  await page.waitForTimeout(50)
}

/** Waits until the save indicator says everything is saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid=save-state][data-status=saved]').waitFor({ timeout: 10_000 })
}
