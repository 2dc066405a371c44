import { randomBytes } from 'node:crypto'
import { linkSync, lstatSync, readlinkSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CopydeskError } from '../../shared/errors'

/**
 * Where the command line writes a file the user named (-o, backup <file>): never over an
 * existing file unless told (--force), never through a link, never half a file. Each refusal
 * says what to do instead.
 */

/** "Give another name with -o", or without an option for a name given as an operand. */
function another(what: string, option: string): string {
  return option ? `Give another ${what} with ${option}` : `Give another ${what}`
}

function alreadyThere(path: string, option: string): CopydeskError {
  return new CopydeskError('invalid_input', `${path} already exists. ${another('name', option)}, or add --force to replace it.`)
}

/**
 * Refuses a target that is a folder, in a missing folder, or already there (unless `force`).
 * `option` is how the user gave the name ("-o"), for the words that say what to do instead.
 */
export function checkTarget(path: string, force: boolean, example: string, option: string): void {
  const folder = dirname(path)
  const parent = statSync(folder, { throwIfNoEntry: false })
  if (!parent) throw new CopydeskError('not_found', `The folder ${folder} does not exist. Make it first (mkdir -p ${folder}), or ${another('place', option).toLowerCase()}.`)
  if (!parent.isDirectory()) throw new CopydeskError('invalid_input', `${folder} is a file, not a folder. ${another('place', option)}.`)
  const existing = lstatSync(path, { throwIfNoEntry: false })
  if (!existing) return
  if (existing.isDirectory()) {
    throw new CopydeskError('invalid_input', `${path} is a folder. Give a file name in it, for example ${option ? `${option} ` : ''}${join(path, example)}.`)
  }
  if (force) return
  if (existing.isSymbolicLink()) {
    throw new CopydeskError(
      'invalid_input',
      `${path} already exists, as a link to ${readlinkSync(path)}. ${another('name', option)}, or add --force to replace the link itself (Copydesk never writes through a link).`
    )
  }
  throw alreadyThere(path, option)
}

/**
 * Writes a new file at `path` through a temporary file beside it: `write` fills the temporary
 * file, which then takes the name. Without `force` that step fails if a file of that name
 * appeared meanwhile; with it, a link at `path` is replaced, never followed.
 */
export async function placeFile(path: string, force: boolean, option: string, write: (temp: string) => void | Promise<void>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await write(temp)
    if (force) renameSync(temp, path)
    else {
      try {
        // A hard link takes the name only if nothing has it, in one step.
        linkSync(temp, path)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyThere(path, option)
        // A disk without hard links (FAT, some network shares): check, then rename.
        if (lstatSync(path, { throwIfNoEntry: false })) throw alreadyThere(path, option)
        renameSync(temp, path)
      }
    }
  } finally {
    rmSync(temp, { force: true })
  }
}
