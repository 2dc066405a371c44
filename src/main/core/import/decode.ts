import { TextDecoder } from '@exodus/bytes/encoding.js'
import sniffHtmlEncoding from 'html-encoding-sniffer'
import { CopydeskError } from '../../../shared/errors'

/**
 * Bytes of a text file (plain text, Markdown, HTML) to a string. A byte-order mark decides
 * first (UTF-8, UTF-16 LE or BE); then text that is plainly UTF-16 without one; then, for a
 * page, the charset its <meta> declares (html-encoding-sniffer does the HTML standard's
 * prescan); else UTF-8, falling back to Windows-1252, which old newsroom systems write.
 * Decoded by @exodus/bytes, which implements the Encoding Standard: Node 20's own decoder
 * reads windows-1252 and iso-8859-2 as Latin-1 (0x93 came out as a control, not “).
 */
export function decodeText(fileName: string, bytes: Uint8Array, html = false): string {
  const encoding = utf16WithoutBom(bytes) ?? (html ? sniffHtmlEncoding(bytes, { defaultEncoding: 'UTF-8' }) : bomEncoding(bytes))
  let text: string
  if (encoding === 'UTF-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes)
    }
  } else {
    text = new TextDecoder(encoding).decode(bytes)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const sample = text.slice(0, 8192)
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0
  if (sample.includes('\u0000') || control > sample.length * 0.01) {
    throw new CopydeskError('corrupt_file', `"${fileName}" does not look like a text file (it contains binary data).`)
  }
  if (!text.trim()) throw new CopydeskError('empty_file', `"${fileName}" has no text in it.`)
  return text
}

function bomEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  return 'UTF-8'
}

/**
 * UTF-16 without a byte-order mark, when it is plain: in Latin-script text every other byte
 * is zero. At least 40% of one byte position zero and almost none of the other is not
 * something UTF-8 or a single-byte encoding produces (binary files have zeros in both).
 */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 8) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.02) return 'UTF-16LE'
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.02) return 'UTF-16BE'
  return null
}
