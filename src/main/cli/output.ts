import { randomBytes } from 'node:crypto'
import { linkSync, lstatSync, readlinkSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CopydeskError } from '../../shared/errors'

/**
 * Where the command line writes a file the user named (-o, backup <file>): never over an
 * existing file unless told (--force), never through a link, never half a file. Each refusal
 * says what to do instead.
 */

/** Refuses a target that is a folder, in a missing folder, or already there (unless `force`). */
export function checkTarget(path: string, force: boolean, example: string): void {
  const folder = dirname(path)
  const parent = statSync(folder, { throwIfNoEntry: false })
  if (!parent) throw new CopydeskError('not_found', `The folder ${folder} does not exist. Make it first (mkdir -p ${folder}), or give another place with -o.`)
  if (!parent.isDirectory()) throw new CopydeskError('invalid_input', `${folder} is a file, not a folder. Give another place with -o.`)
  const existing = lstatSync(path, { throwIfNoEntry: false })
  if (!existing) return
  if (existing.isDirectory()) {
    throw new CopydeskError('invalid_input', `${path} is a folder. Give a file name in it, for example -o ${join(path, example)}.`)
  }
  if (force) return
  if (existing.isSymbolicLink()) {
    throw new CopydeskError(
      'invalid_input',
      `${path} already exists, as a link to ${readlinkSync(path)}. Give another name with -o, or add --force to replace the link itself (Copydesk never writes through a link).`
    )
  }
  throw new CopydeskError('invalid_input', `${path} already exists. Give another name with -o, or add --force to replace it.`)
}

/**
 * Writes a new file at `path` through a temporary file beside it: `write` fills the temporary
 * file, which then takes the name. Without `force` that step fails if a file of that name
 * appeared meanwhile; with it, a link at `path` is replaced, never followed.
 */
export async function placeFile(path: string, force: boolean, write: (temp: string) => void | Promise<void>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await write(temp)
    if (force) renameSync(temp, path)
    else {
      const exists = (): CopydeskError => new CopydeskError('invalid_input', `${path} already exists. Give another name with -o, or add --force to replace it.`)
      try {
        // A hard link takes the name only if nothing has it, in one step.
        linkSync(temp, path)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists()
        // A disk without hard links (FAT, some network shares): check, then rename.
        if (lstatSync(path, { throwIfNoEntry: false })) throw exists()
        renameSync(temp, path)
      }
    }
  } finally {
    rmSync(temp, { force: true })
  }
}
