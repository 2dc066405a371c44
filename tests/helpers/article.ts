import type { Locator, Page } from 'playwright-core'

/** The number on a side panel tab ("Annotations 4" → 4). */
export async function tabCount(page: Page, tab: 'Annotations' | 'Suggestions'): Promise<number> {
  const text = (await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).textContent()) ?? ''
  const m = text.match(/(\d+)\s*$/)
  if (!m) throw new Error(`No count on the ${tab} tab: "${text}"`)
  return Number(m[1])
}

/**
 * Runs a command of the article's toolbar as a user would: its button when it is on the
 * toolbar, else from the "More" menu (where commands go that do not fit the window).
 */
export async function toolbarCommand(page: Page, name: string): Promise<void> {
  const button = page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name, exact: true })
  if (await button.count()) return button.click()
  await page.getByRole('button', { name: 'More ▾' }).click()
  await page.getByRole('menuitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click()
}

/** The list of annotations in the side panel, going back to it from an annotation's details if they are open. */
export async function annotationList(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: /^Annotations/ }).click()
  const back = page.getByRole('button', { name: '← All annotations' })
  if (await back.count()) await back.click()
  const list = page.getByRole('list', { name: 'Annotation list' })
  await list.waitFor()
  return list
}

/** Opens an annotation's details from the side panel's list. */
export async function openFromList(page: Page, text: string | RegExp): Promise<void> {
  const list = await annotationList(page)
  await list.getByRole('button', { name: text }).first().click()
}
