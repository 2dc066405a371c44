import { join } from 'node:path'
import { CopydeskError } from '../../shared/errors'
import { readImportFile } from '../core/read-file'

/** Files the user names on the command line, read with the limits every import has. */

/** Why a file named on the command line could not be read, and what to check. */
function cannotRead(file: string, err: NodeJS.ErrnoException): CopydeskError {
  if (err.code === 'ENOENT') return new CopydeskError('not_found', `No such file: ${file}. Check the name and the folder it is in.`)
  if (err.code === 'EISDIR') return new CopydeskError('invalid_input', `${file} is a folder. Name the files in it instead, for example ${join(file, '*.txt')}.`)
  if (err.code === 'EACCES' || err.code === 'EPERM') return new CopydeskError('not_found', `Copydesk may not read ${file}. Check its permissions.`)
  return new CopydeskError('not_found', `Cannot read ${file} (${err.code ?? err.message}). Check that it is a file on a disk that is still connected.`)
}

/** A file the user named, bounded as every import is (see readImportFile). */
export async function readUserFile(file: string): Promise<Buffer> {
  try {
    return await readImportFile(file)
  } catch (e) {
    if (e instanceof CopydeskError) throw e
    const err = e as NodeJS.ErrnoException
    throw cannotRead(file, err)
  }
}

export async function readText(file: string): Promise<string> {
  return (await readUserFile(file)).toString('utf8')
}
