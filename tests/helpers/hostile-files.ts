import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'

/**
 * The hostile files of issue 18, made on demand (never committed): zip bombs dressed as Word
 * files, property parts that made the old regular expressions backtrack, huge and deeply
 * nested pages, texts of empty paragraphs, annotations that quote nothing in the article.
 * The tests and scripts/hostile-replay.ts both build their files here.
 */

export interface ZipEntry {
  name: string
  /** The entry's raw-deflate bytes (see `deflated`), or its content to deflate here. */
  data: Buffer | Deflated
  /** What the central directory claims the entry inflates to (a lie, for a bomb). */
  declaredSize?: number
}

/** Raw deflate bytes with the size and CRC-32 of what they inflate to. */
export interface Deflated {
  compressed: Buffer
  size: number
  crc: number
}

export function deflated(content: Buffer | string): Deflated {
  const raw = typeof content === 'string' ? Buffer.from(content) : content
  return { compressed: deflateRawSync(raw, { level: 9 }), size: raw.length, crc: crc32(raw) }
}

/**
 * Raw deflate of `head`, then `megabytes` MB of `fill`, then `tail`, built from one flushed
 * MB repeated: once the 32 KB window holds only `fill`, every further MB deflates to the same
 * bytes, so a 5 GB part takes a second to make.
 */
export async function repeatedDeflate(head: string, fill: string, megabytes: number, tail: string): Promise<Deflated> {
  const mb = Buffer.from(fill.repeat(Math.ceil(1048576 / fill.length)).slice(0, 1048576))
  const z = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  z.on('data', (c: Buffer) => out.push(c))
  const flushed = (): Promise<Buffer> =>
    new Promise((resolve) => {
      z.flush(constants.Z_FULL_FLUSH, () => resolve(Buffer.concat(out.splice(0))))
    })
  z.write(Buffer.from(head))
  z.write(mb)
  const first = await flushed()
  z.write(mb)
  const steady = await flushed()
  const ended = new Promise<Buffer>((resolve) => z.on('end', () => resolve(Buffer.concat(out.splice(0)))))
  z.end(Buffer.from(tail))
  const last = await ended
  const parts = [first]
  for (let i = 1; i < megabytes; i++) parts.push(steady)
  parts.push(last)
  let crc = crc32(head)
  for (let i = 0; i < megabytes; i++) crc = crc32(mb, crc)
  crc = crc32(tail, crc)
  return { compressed: Buffer.concat(parts), size: Buffer.byteLength(head) + megabytes * 1048576 + Buffer.byteLength(tail), crc }
}

/** A zip archive (deflate entries, no zip64) written byte by byte, so sizes can lie. */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const u16 = (n: number): Buffer => {
    const b = Buffer.alloc(2)
    b.writeUInt16LE(n)
    return b
  }
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4)
    b.writeUInt32LE(n >>> 0)
    return b
  }
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const d = Buffer.isBuffer(e.data) ? deflated(e.data) : e.data
    const name = Buffer.from(e.name)
    const size = e.declaredSize ?? d.size
    const common = [u16(20), u16(0), u16(8), u16(0), u16(0x21), u32(d.crc), u32(d.compressed.length), u32(size), u16(name.length), u16(0)]
    const local = Buffer.concat([u32(0x04034b50), ...common, name])
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]))
    locals.push(local, d.compressed)
    offset += local.length + d.compressed.length
  }
  const central = Buffer.concat(centrals)
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central.length), u32(offset), u16(0)])
  return Buffer.concat([...locals, central, end])
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'
export const DOCUMENT_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
export const DOCUMENT_TAIL = '</w:body></w:document>'

/** A paragraph of document.xml. */
export function wordParagraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
}

/** A small, valid .docx with the given document body and property parts. */
export function docx(parts: { body?: string; document?: Buffer | Deflated; declaredSize?: number; core?: string; custom?: string }): Buffer {
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    {
      name: 'word/document.xml',
      data: parts.document ?? Buffer.from(DOCUMENT_HEAD + (parts.body ?? wordParagraph('A short story.')) + DOCUMENT_TAIL),
      declaredSize: parts.declaredSize
    }
  ]
  if (parts.core !== undefined) entries.push({ name: 'docProps/core.xml', data: Buffer.from(parts.core) })
  if (parts.custom !== undefined) entries.push({ name: 'docProps/custom.xml', data: Buffer.from(parts.custom) })
  return zipArchive(entries)
}

/** A .docx whose document.xml inflates to `megabytes` MB of one paragraph; `declaredSize` may lie. */
export async function inflatingDocx(megabytes: number, declaredSize?: number): Promise<Buffer> {
  const document = await repeatedDeflate(`${DOCUMENT_HEAD}<w:p><w:r><w:t>`, 'a', megabytes, `</w:t></w:r></w:p>${DOCUMENT_TAIL}`)
  return docx({ document, declaredSize })
}

/** The 2 KB .docx of issue 18: `<property name="x" ` 20,000 times in docProps/custom.xml (and core.xml). */
export function backtrackingPropsDocx(): Buffer {
  const custom = `<?xml version="1.0" encoding="UTF-8"?><Properties>${'<property name="x" '.repeat(20_000)}`
  const core = `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties>${'<dc:title '.repeat(20_000)}`
  return docx({ custom, core })
}

/** A document.xml that uses an entity XML does not define (Word never writes one). */
export function entityDocx(): Buffer {
  return docx({ body: wordParagraph('Fees rise&nbsp;next year.') })
}

/** `bytes` of text that is all paragraph breaks around invisible characters. */
export function emptyParagraphsText(bytes: number): Buffer {
  const unit = 'Empty paragraphs\n\n' // a headline, then ~1.5 M paragraphs of one zero-width space
  const para = '\u200b\n\n'
  return Buffer.from(unit + para.repeat(Math.floor((bytes - unit.length) / Buffer.byteLength(para))))
}

/** An HTML page of `bytes` bytes holding `characters` characters of paragraph text. */
export function bigHtml(bytes: number, characters: number): Buffer {
  const text = 'The council voted to raise the water rates by eight percent next year, the minutes show. '
  const paragraphs = Math.ceil(characters / text.length)
  const open = '<p class="story-body-paragraph">'
  const close = '</p>\n'
  const pad = Math.max(0, Math.floor((bytes - paragraphs * (text.length + open.length + close.length)) / paragraphs) - 13)
  const filler = pad > 0 ? `<span class="${'x'.repeat(pad)}"></span>` : ''
  return Buffer.from(`<!doctype html><html><head><title>Big page</title></head><body><h1>Big page</h1>${`${open}${filler}${text}${close}`.repeat(paragraphs)}</body></html>`)
}

/** `levels` nested elements around one sentence. */
export function deepHtml(levels: number, tag = 'div'): Buffer {
  return Buffer.from(`<!doctype html><html><body><h1>Deep</h1>${`<${tag}>`.repeat(levels)}<p>Words at the bottom.</p>${`</${tag}>`.repeat(levels)}</body></html>`)
}

/** Plain words of about `characters` characters, in paragraphs, none of them made of "zq" words. */
export function longArticleText(characters: number): string {
  const words = ['council', 'budget', 'record', 'mayor', 'said', 'the', 'of', 'and', 'rates', 'water', 'school', 'funding', 'rose', 'percent', 'in', 'year']
  let seed = 7
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const parts: string[] = ['A long article\n\n']
  let length = parts[0].length
  while (length < characters) {
    const sentence: string[] = []
    for (let n = 0; n < 14; n++) sentence.push(words[Math.floor(next() * words.length)])
    const s = `${sentence.join(' ')}.${next() < 0.2 ? '\n\n' : ' '}`
    parts.push(s)
    length += s.length
  }
  return parts.join('')
}

/** W3C annotations quoting words that are nowhere in an article (each a different ~120-character quote). */
export function absentAnnotations(count: number): string {
  const items = Array.from({ length: count }, (_, i) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:x:${i}`,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
    target: {
      selector: {
        type: 'TextQuoteSelector',
        exact: `Zq${i} vexing quartz jumps wildly over ${i} brown foxes, while judges quiz the bold sphinx of black quartz number ${i}.`,
        prefix: 'an unrelated prefix ',
        suffix: ' an unrelated suffix'
      }
    }
  }))
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items })
}

/** A string in UTF-16 with a byte-order mark (or without, when `bom` is false). */
export function utf16(text: string, endian: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le')
  return endian === 'le' ? le : le.swap16()
}
