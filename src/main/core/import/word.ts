import { parseDocument } from 'htmlparser2'
import type { ChildNode, Element } from 'domhandler'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import type { ArticleMeta } from '../../../shared/domain'
import { CopydeskError } from '../../../shared/errors'
import { MAX_IMPORT_BYTES, MAX_WORD_XML_BYTES } from '../../../shared/limits'
import { normaliseDate } from './meta'

/**
 * The Word file as a package: its parts checked against their sizes before anything reads
 * them (a zip's entries can unpack to a thousand times their size, and can lie about it),
 * its text converted to HTML by mammoth, and its document properties (title, author, the
 * custom ones newsroom templates carry) read with an XML parser, never with a regular
 * expression (the old ones backtracked for a minute on a 2 KB file).
 */

/** Entries that are pictures and the like: mammoth is told not to read them. */
const MEDIA = /(^word\/media\/|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp|bin|wdp)$)/i

/** All entries together may unpack to this much (pictures are stored, not shrunk). */
const MAX_UNPACKED_BYTES = 4 * MAX_IMPORT_BYTES

function mb(bytes: number): string {
  return `${Math.round((bytes / 1048576) * 10) / 10} MB`
}

/** What the zip's central directory says an entry unpacks to (JSZip keeps it, privately, as `_data`). */
function declaredSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : Infinity
}

/**
 * Opens the package and checks every entry before mammoth inflates any: the sizes the zip
 * declares (the text parts within MAX_WORD_XML_BYTES together), then what each entry really
 * unpacks to, counted as it streams and stopped at the declared size, so a part that lies
 * is refused after a few MB instead of filling the memory.
 */
export async function openWordPackage(fileName: string, buffer: Buffer): Promise<JSZip> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(buffer)
  } catch {
    throw new CopydeskError('corrupt_file', `"${fileName}" is not a Word document (it is not a .docx package, or it is damaged).`)
  }
  if (!zip.file('word/document.xml')) {
    throw new CopydeskError('corrupt_file', `"${fileName}" is not a Word document: it has no document part.`)
  }
  const files = Object.values(zip.files).filter((f) => !f.dir)
  let xml = 0
  let all = 0
  for (const f of files) {
    const size = declaredSize(f)
    all += size
    if (!MEDIA.test(f.name)) xml += size
  }
  if (xml > MAX_WORD_XML_BYTES) {
    throw new CopydeskError(
      'file_too_large',
      `"${fileName}" is too large inside: its text unpacks to ${Number.isFinite(xml) ? mb(xml) : 'an unknown size'}, and Copydesk reads Word documents whose text unpacks to up to ${mb(MAX_WORD_XML_BYTES)}. Save it as plain text or split it, then import that.`
    )
  }
  if (all > MAX_UNPACKED_BYTES) {
    throw new CopydeskError('file_too_large', `"${fileName}" unpacks to ${mb(all)}, more than the ${mb(MAX_UNPACKED_BYTES)} Copydesk opens.`)
  }
  for (const f of files) await checkUnpackedSize(fileName, f)
  return zip
}

function checkUnpackedSize(fileName: string, file: JSZip.JSZipObject): Promise<void> {
  const limit = declaredSize(file)
  let total = 0
  return new Promise((resolve, reject) => {
    // JSZip's own chunked inflater (public in its code, missing from its types): it can pause.
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array')
    stream
      .on('data', (chunk: Uint8Array) => {
        total += chunk.length
        if (total > limit) {
          stream.pause()
          reject(new CopydeskError('corrupt_file', `"${fileName}" is damaged: a part of it unpacks to more than it says it holds, which Word never writes.`))
        }
      })
      .on('error', () => reject(new CopydeskError('corrupt_file', `"${fileName}" is damaged: a part of it cannot be unpacked.`)))
      .on('end', () => resolve())
      .resume()
  })
}

/** The document's text as HTML (mammoth), pictures left unread; parser errors in an editor's words. */
export async function wordToHtml(fileName: string, buffer: Buffer): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        // Copydesk keeps no pictures: never inflate them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' }))
      }
    )
    return result.value
  } catch (err) {
    throw wordError(fileName, err)
  }
}

function wordError(fileName: string, err: unknown): CopydeskError {
  const message = err instanceof Error ? err.message : String(err)
  const entity = message.match(/entity not found:\s*(&[^;\s]{1,40};)/)
  if (entity) {
    return new CopydeskError(
      'corrupt_file',
      `"${fileName}" is damaged: its text uses a character name (${entity[1]}) that Word files never contain, so it was not written by Word or was changed by hand. Open it in Word, save it again, and import that copy.`
    )
  }
  if (message.includes('xmldom')) {
    return new CopydeskError(
      'corrupt_file',
      `"${fileName}" is damaged: its text part is not readable XML. Open it in Word, save it again, and import that copy.`
    )
  }
  const first = message.split('\n')[0].replace(/^error:\s*/i, '').slice(0, 200)
  return new CopydeskError('corrupt_file', `Copydesk could not read the Word document "${fileName}": ${first}`)
}

/** Title and author from docProps/core.xml, outlet, URL and date from docProps/custom.xml. */
export async function wordProperties(zip: JSZip): Promise<Partial<ArticleMeta>> {
  const core = await readPart(zip, 'docProps/core.xml')
  const custom = await readPart(zip, 'docProps/custom.xml')
  const text = (el: Element | undefined): string | undefined => {
    const t = el ? textOf(el).trim() : ''
    return t || undefined
  }
  const coreElements = core ? elements(core) : []
  const coreTag = (name: string): string | undefined => text(coreElements.find((e) => e.name === name))
  const properties = custom ? elements(custom).filter((e) => e.name.toLowerCase() === 'property' || e.name.toLowerCase().endsWith(':property')) : []
  const prop = (...names: string[]): string | undefined => {
    for (const name of names) {
      const p = properties.find((e) => (e.attribs.name ?? '').toLowerCase() === name.toLowerCase())
      const value = p?.children.find((c): c is Element => c.type === 'tag' && (c as Element).name.startsWith('vt:'))
      const found = text(value)
      if (found) return found
    }
    return undefined
  }
  return {
    headline: coreTag('dc:title'),
    byline: coreTag('dc:creator'),
    outlet: prop('Outlet', 'Publication', 'Publisher'),
    url: prop('URL', 'Url', 'Link'),
    publishedAt: normaliseDate(prop('PublishedDate', 'Published', 'Date') ?? '')
  }
}

async function readPart(zip: JSZip, name: string): Promise<ChildNode[] | null> {
  const xml = await zip.file(name)?.async('string')
  return xml ? (parseDocument(xml, { xmlMode: true }).children as ChildNode[]) : null
}

/** Every element of a parsed part in document order, walked without recursion (a part may nest deeply). */
function elements(nodes: ChildNode[]): Element[] {
  const out: Element[] = []
  const stack = [...nodes].reverse()
  while (stack.length) {
    const n = stack.pop()!
    if (n.type !== 'tag') continue
    const el = n as Element
    out.push(el)
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i])
  }
  return out
}

function textOf(el: Element): string {
  let s = ''
  const stack: ChildNode[] = [...el.children].reverse()
  while (stack.length) {
    const n = stack.pop()!
    if (n.type === 'text') s += (n as unknown as { data: string }).data
    else if (n.type === 'tag' || n.type === 'cdata') for (let i = (n as Element).children.length - 1; i >= 0; i--) stack.push((n as Element).children[i])
  }
  return s
}
