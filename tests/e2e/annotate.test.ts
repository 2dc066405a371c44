import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT } from '../helpers/cli'
import { strictPage } from '../helpers/browser'
import { paintedAnnotations, selectText, textBox, waitSaved } from '../helpers/editor'
import { useServedApp } from '../helpers/app'
import { annotationList, openFromList, toolbarCommand } from '../helpers/article'

const SHOTS = process.env.COPYDESK_SCREENSHOTS

interface Listed {
  kind: string
  exact: string
  status?: string
  speakerId?: string | null
  sourceName?: string
  explanation?: string
  id: string
}

describe('annotating in Chromium', () => {
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
  })
  const db = app.db

  it('tag with mouse and keyboard, overlap, link, verdict, edit around them, reload: all still there', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const claimButton = page.getByRole('button', { name: 'Claim', exact: true })
    expect(await claimButton.getAttribute('title')).toMatch(/\(Alt\+Shift\+C\)$/)

    // A claim with the mouse, a quote nested inside it with the keyboard.
    await selectText(page, 'raising the property tax rate by 6.8%')
    await claimButton.click()
    await selectText(page, 'property tax rate')
    await page.keyboard.press('Alt+Shift+Q')
    // A second claim overlapping the first.
    await selectText(page, 'by 6.8% in what the city')
    await page.keyboard.press('Alt+Shift+C')
    // The quote and its speaker.
    await selectText(page, 'We spent a decade pretending the pension bill would go away if we didn\'t look at it,')
    await page.getByRole('button', { name: 'Quote', exact: true }).click()
    await selectText(page, 'Becker told reporters')
    await page.getByRole('button', { name: 'Attribution', exact: true }).click()
    await page.getByLabel('Source name', { exact: true }).fill('Lorraine Becker')
    await page.getByLabel('Cue', { exact: true }).fill('told reporters')
    await page.getByLabel('Cue', { exact: true }).blur()

    // Every annotation is painted whole (one span per annotation, more where another's edge
    // cuts it).
    const count = async (): Promise<number> => (await paintedAnnotations(page)).length
    await expect.poll(count).toBe(5)
    const painted = await paintedAnnotations(page)
    expect(painted.every((a) => a.painter === 'decorations')).toBe(true)
    const find = (kind: string, text: string) => painted.find((a) => a.kind === kind && a.text === text)!
    const outer = find('claim', 'raising the property tax rate by 6.8%')
    const nested = find('quote', 'property tax rate')
    const overlapping = find('claim', 'by 6.8% in what the city')
    expect(outer.classes).toContain('cd-ann-status-unchecked')
    // The quote is painted inside the claim, and the second claim across the first one's end.
    expect(nested.start).toBeGreaterThan(outer.start)
    expect(nested.end).toBeLessThan(outer.end)
    expect(overlapping.start).toBeLessThan(outer.end)
    expect(overlapping.end).toBeGreaterThan(outer.end)

    // Each stays clickable: the innermost annotation under the pointer opens.
    const point = async (text: string): Promise<{ x: number; y: number }> => {
      const box = await textBox(page, text)
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    }
    // (The first occurrences of these phrases are the ones tagged above.)
    let at = await point('property tax rate')
    await page.mouse.click(at.x, at.y)
    await page.getByRole('region', { name: 'Quote details' }).waitFor()
    expect((await paintedAnnotations(page)).find((a) => a.text === 'property tax rate')!.classes).toContain('cd-ann-selected')
    at = await point('raising the property')
    await page.mouse.move(at.x, at.y)
    await page.mouse.click(at.x, at.y)
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    // Hovering the quote sums up both annotations under the pointer, innermost first.
    at = await point('rate by')
    await page.mouse.move(at.x - 20, at.y)
    const card = page.getByRole('tooltip')
    await card.waitFor()
    expect(await card.locator('.hover-row').allTextContents()).toEqual([expect.stringMatching(/^Quote/), expect.stringMatching(/^Claim/)])
    await page.mouse.move(5, 5)

    // Link the quote to the attribution from the quote's details.
    await openFromList(page, /^Quote.*We spent a decade/)
    // The speaker list is filled in when it is used (focus or press).
    await page.getByLabel('Speaker', { exact: true }).focus()
    await page.getByLabel('Speaker', { exact: true }).selectOption({ label: 'Lorraine Becker' })
    // The attribution shows the quote it supports.
    await openFromList(page, /^Attribution.*Lorraine Becker/)
    await page.getByRole('list', { name: 'Linked quotes and claims' }).getByText(/We spent a decade/).waitFor()

    // A verdict on the first claim.
    await openFromList(page, /^Claim.*raising the property tax/)
    await page.getByLabel('Status', { exact: true }).selectOption('mostly_true')
    await page.getByLabel('Explanation', { exact: true }).fill('The adopted rate rises 6.8%; the 6.9% in the draft was revised.')
    await page.getByLabel('Explanation', { exact: true }).blur()

    // Edit text before and inside annotations.
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('UPDATED: ')
    await selectText(page, 'property tax')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type(' bill')
    await waitSaved(page)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'annotated.png') })

    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(count).toBe(5)
    const list = JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout) as Listed[]
    const byText = (t: string): Listed => list.find((a) => a.exact.startsWith(t))!
    expect(list.map((a) => a.kind).sort()).toEqual(['attribution', 'claim', 'claim', 'quote', 'quote'])
    expect(byText('raising the property tax bill rate by 6.8%')).toMatchObject({ kind: 'claim', status: 'mostly_true', explanation: expect.stringContaining('6.8%') })
    expect(byText('property tax bill rate')).toMatchObject({ kind: 'quote' })
    expect(byText('by 6.8% in what the city')).toMatchObject({ kind: 'claim' })
    const attribution = byText('Becker told reporters')
    expect(attribution).toMatchObject({ kind: 'attribution', sourceName: 'Lorraine Becker' })
    expect(byText('We spent a decade')).toMatchObject({ kind: 'quote', speakerId: attribution.id })
    // What is painted is what is stored, after the edits and the reload.
    expect((await paintedAnnotations(page)).map((a) => `${a.kind}: ${a.text}`).sort()).toEqual(list.map((a) => `${a.kind}: ${a.exact}`).sort())
    expect((await paintedAnnotations(page)).find((a) => a.text.startsWith('raising'))!.classes).toContain('cd-ann-status-mostly_true')
    const first = await page.locator('.ProseMirror p').first().textContent()
    expect(first?.startsWith('UPDATED: ')).toBe(true)
    expect(problems).toEqual([])
  })

  it('undo removes a tag and redo brings it back; deleting the text removes it and undo restores it', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const painted = async (): Promise<string[]> => (await paintedAnnotations(page)).map((a) => a.text)
    await selectText(page, 'a $38 million expansion of the bus network')
    await page.keyboard.press('Alt+Shift+C')
    expect(await painted()).toEqual(['a $38 million expansion of the bus network'])
    await page.keyboard.press('Control+z')
    expect(await painted()).toEqual([])
    await page.keyboard.press('Control+Shift+z')
    expect(await painted()).toEqual(['a $38 million expansion of the bus network'])
    await selectText(page, 'a $38 million expansion of the bus network')
    await page.keyboard.press('Backspace')
    expect(await painted()).toEqual([])
    await page.keyboard.press('Control+z')
    expect(await painted()).toEqual(['a $38 million expansion of the bus network'])
    // Typing in another paragraph leaves this one's text nodes (and so its highlight's range) alone.
    await page.evaluate(() => {
      const w = window as unknown as { kept: Node[] }
      w.kept = [...document.querySelectorAll('.ProseMirror > *')].slice(1).flatMap((b) => [...b.childNodes])
    })
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('Now: ')
    expect(
      await page.evaluate(() => (window as unknown as { kept: Node[] }).kept.every((n) => n.isConnected))
    ).toBe(true)
    expect(await painted()).toEqual(['a $38 million expansion of the bus network'])
    // The side panel lists it, and the keyboard moves to it.
    await page.keyboard.press('Alt+ArrowDown')
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    await page.keyboard.press('Escape')
    await waitSaved(page)
    expect(JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout)).toHaveLength(1)
    // A click inside an annotation selects it (redrawing its highlight) and leaves the caret
    // where the click put it: Shift+End selects from there, and the tag covers just that.
    const box = await textBox(page, 'million expansion')
    await page.mouse.click(box.x + 1, box.y + box.height / 2)
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Alt+Shift+Q')

    // (the click may land either side of the "m")
    await expect.poll(async () => (await paintedAnnotations(page)).find((a) => a.kind === 'quote')?.text ?? '').toMatch(/^m?illion ex/)
    const quote = (await paintedAnnotations(page)).find((a) => a.kind === 'quote')!
    expect('million expansion of the bus network').toContain(quote.text.trim())
    expect(problems).toEqual([])
  })

  it('clicking an annotation in the list opens its details and scrolls the text to it', async () => {
    expect(copydesk(db(), 'annotate', '1', '--kind', 'claim', '--quote', 'the first installment due March 31').code).toBe(0)
    const { page, problems } = await strictPage(app.browser())
    // Short enough that the article's last paragraph starts out of view.
    await page.setViewportSize({ width: 1280, height: 560 })
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const where = (): Promise<string> =>
      page.evaluate(() => {
        const span = [...document.querySelectorAll<HTMLElement>('.ProseMirror [data-ann-id]')].find((e) => e.textContent?.includes('due March 31'))
        if (!span) return 'not drawn'
        const r = span.getBoundingClientRect()
        return r.top >= 0 && r.bottom <= innerHeight ? 'in view' : 'out of view'
      })
    expect(await where()).not.toBe('in view')
    await (await annotationList(page)).getByText(/first installment due March 31/).click()
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    await expect.poll(where).toBe('in view')
    expect(problems).toEqual([])
  })

  it('after an annotation selected in the text, back in the list its row is in view', async () => {
    for (const quote of ['voted 7-2 late Monday', 'raising the property tax rate by 6.8%', 'larger than this year', 'about $164 a year', 'the first installment due March 31'])
      expect(copydesk(db(), 'annotate', '1', '--kind', 'claim', '--quote', quote).code).toBe(0)
    const { page, problems } = await strictPage(app.browser())
    // Short enough that the list shows only a few rows.
    await page.setViewportSize({ width: 1280, height: 420 })
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const list = await annotationList(page)
    const row = list.getByText(/first installment due March 31/)
    const rowShown = async (): Promise<boolean> => {
      const box = await page.locator('.row-list').boundingBox()
      const r = await row.boundingBox()
      return !!box && !!r && r.y >= box.y - 1 && r.y + r.height <= box.y + box.height + 1
    }
    expect(await rowShown()).toBe(false)
    // The last annotation in the text, clicked there: its details, then back to the list.
    const span = page.locator('.ProseMirror [data-ann-id]').filter({ hasText: 'due March 31' }).first()
    await span.scrollIntoViewIfNeeded()
    await span.click()
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    await page.getByRole('button', { name: '← All annotations' }).click()
    await expect.poll(rowShown).toBe(true)
    expect(problems).toEqual([])
  })

  it('a tag shows in the next frame without changing the text’s elements, and gets its span a frame later', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await selectText(page, 'largest increase since 1998')
    // What the frame after the tag key shows: the claim highlight, and how many annotation spans.
    await page.evaluate(() => {
      const w = window as unknown as { __firstFrame?: { highlighted: number; spans: number } }
      addEventListener(
        'keydown',
        (e) => {
          if ((e as KeyboardEvent).code !== 'KeyC') return
          requestAnimationFrame(() => {
            w.__firstFrame = {
              highlighted: CSS.highlights.get('cd-ann-claim')?.size ?? 0,
              spans: document.querySelectorAll('.ProseMirror [data-ann-id]').length
            }
          })
        },
        true
      )
    })
    await page.keyboard.press('Alt+Shift+C')
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    await expect.poll(() => page.locator('.ProseMirror [data-ann-id]').count()).toBe(1)
    expect(await page.evaluate(() => (window as unknown as { __firstFrame?: unknown }).__firstFrame)).toEqual({ highlighted: 1, spans: 0 })
    // The span replaces the highlight, which is taken out of the registry.
    expect(await page.evaluate(() => CSS.highlights.has('cd-ann-claim'))).toBe(false)
    expect(await page.locator('.ProseMirror [data-ann-id]').textContent()).toBe('largest increase since 1998')
    expect(problems).toEqual([])
  })

  it('a click in the list leaves the text its focus, and still keeps what was typed in a field', async () => {
    for (const quote of ['voted 7-2 late Monday', 'about $164 a year'])
      expect(copydesk(db(), 'annotate', '1', '--kind', 'claim', '--quote', quote).code).toBe(0)
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    // From the text: the caret goes to the annotation and the text keeps focus, as in an outline.
    const list = await annotationList(page)
    await page.locator('.ProseMirror p').first().click()
    await list.getByText(/about \$164 a year/).click()
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror') ?? false)).toBe(true)
    // From a field being typed in (saved when it loses focus, or after a pause): the field
    // loses focus as the click moves on, so the words are kept.
    await openFromList(page, /voted 7-2 late Monday/)
    await page.getByLabel('Explanation', { exact: true }).fill('The roll call shows 7-2.')
    await page.getByRole('button', { name: 'Next annotation' }).click()
    await expect.poll(() => page.getByLabel('Explanation', { exact: true }).inputValue()).toBe('')
    await page.getByRole('button', { name: 'Previous annotation' }).click()
    await expect.poll(() => page.getByLabel('Explanation', { exact: true }).inputValue()).toBe('The roll call shows 7-2.')
    expect(problems).toEqual([])
  })

  it('typing past the bottom of the window scrolls the caret into view', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.setViewportSize({ width: 1280, height: 480 })
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const caretBox = (): Promise<{ top: number; bottom: number; height: number }> =>
      page.evaluate(() => {
        const node = getSelection()!.focusNode!
        const el = (node.nodeType === 1 ? (node as Element) : node.parentElement!).closest('p')!
        const r = el.getBoundingClientRect()
        return { top: r.top, bottom: r.bottom, height: innerHeight }
      })
    // The last paragraph that starts on screen, at its end.
    const lastOnScreen = await page.evaluate(() => [...document.querySelectorAll('.ProseMirror p')].filter((p) => p.getBoundingClientRect().top < innerHeight - 40).length - 1)
    await page.locator('.ProseMirror p').nth(lastOnScreen).click()
    await page.keyboard.press('End')
    for (let i = 0; i < 12; i++) await page.keyboard.press('Enter')
    await page.keyboard.type('New line at the bottom')
    const box = await caretBox()
    expect(box.top).toBeGreaterThanOrEqual(0)
    expect(box.bottom).toBeLessThanOrEqual(box.height)
    expect(problems).toEqual([])
  })

  it('the context menu tags the selection, and the shortcuts sheet opens with ?', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await selectText(page, 'Riverton City Council')
    const box = await page.locator('.ProseMirror p').first().boundingBox()
    await page.mouse.click(box!.x + 40, box!.y + 10, { button: 'right' })
    await page.getByRole('menuitem', { name: /Tag as Attribution/ }).click()
    await page.getByRole('region', { name: 'Attribution details' }).waitFor()
    await page.getByLabel('Search articles').count() // no-op: library not shown here
    await toolbarCommand(page, 'Keyboard shortcuts')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await sheet.waitFor()
    expect(await sheet.textContent()).toContain('Tag the selection as a claim')
    await page.keyboard.press('Escape')
    expect(await sheet.count()).toBe(0)
    // ? outside the text opens it; typed in the text it is a question mark; Ctrl+/ opens it anywhere.
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('End')
    await page.keyboard.type('?')
    expect(await sheet.count()).toBe(0)
    await page.keyboard.press('Control+/')
    await sheet.waitFor()
    await page.keyboard.press('Escape')
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('?')
    await sheet.waitFor()
    expect(problems).toEqual([])
  })
})
