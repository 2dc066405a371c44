import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { CopydeskError } from '../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../shared/limits'

/**
 * Reads a file a user asked to import, never more than `limit` bytes: only regular files
 * (a device such as /dev/zero, a pipe or a socket never ends, and a folder is not a file),
 * and counting what is read rather than trusting the size the system reports, which is 0
 * for /proc files and can change while the file is read. Refusals are CopydeskErrors; a
 * file that cannot be opened or read throws the system's error, for the caller to word.
 */
export async function readImportFile(file: string, limit = MAX_IMPORT_BYTES): Promise<Buffer> {
  const name = basename(file)
  // Non-blocking, so opening a pipe with no writer returns (to be refused) instead of waiting.
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const stat = await handle.stat()
    // As the system says it (EISDIR), for the caller to word with its own advice.
    if (stat.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' })
    if (!stat.isFile()) {
      throw new CopydeskError('unsupported_format', `${file} is not an ordinary file (it is a device, a pipe or a socket), so Copydesk does not read it. Save its contents to a file first.`)
    }
    if (stat.size > limit) throw tooLarge(name, limit)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > limit) throw tooLarge(name, limit)
    }
    return Buffer.concat(chunks, total)
  } finally {
    await handle.close()
  }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`
}

function tooLarge(name: string, limit: number): CopydeskError {
  return new CopydeskError('file_too_large', `${name} is larger than ${mb(limit)}, the most Copydesk imports.`)
}
