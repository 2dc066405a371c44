import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { CopydeskError } from '../../shared/errors'
import type { PrintPdf } from './exchange'

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']

/** The machine's Chromium: CHROMIUM_PATH, else the first Chromium-family browser on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  return null
}

/** Prints HTML with the machine's Chromium (the command line and the browser door). */
export const printWithChromium: PrintPdf = async (html) => {
  const executablePath = findChromium()
  if (!executablePath) {
    throw new CopydeskError('internal', 'PDF export needs Chromium or Chrome installed (or CHROMIUM_PATH set to it).')
  }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    const page = await browser.newPage()
    // The copy is self-contained: nothing it could fetch is allowed to load.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } })
  } finally {
    await browser.close()
  }
}
