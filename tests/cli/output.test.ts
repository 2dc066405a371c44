import Database from 'better-sqlite3'
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { copydesk, ROOT } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

/** The command line asks before it destroys: -o never overwrites unasked, nor writes through a link. */
describe('where the command line writes', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'desk.db')
  beforeEach(() => {
    expect(copydesk(db(), 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
  })

  const refused = (args: string[], message: RegExp): void => {
    const r = copydesk(db(), ...args)
    expect(r.code, args.join(' ')).toBe(1)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/Something went wrong/)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  }

  it('-o refuses to replace an existing file unless --force', () => {
    const out = join(dir(), 'budget.md')
    writeFileSync(out, 'my own notes')
    refused(['export', '1', '--format', 'md', '-o', out], new RegExp(`^copydesk: ${out} already exists\\. Give another name with -o, or add --force to replace it\\.\\n$`))
    expect(readFileSync(out, 'utf8')).toBe('my own notes')
    expect(copydesk(db(), 'export', '1', '--format', 'md', '-o', out, '--force').code).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(/^# /)
  })

  it('-o never writes through a link: refused, and with --force the link itself is replaced', () => {
    const precious = join(dir(), 'precious.txt')
    writeFileSync(precious, 'do not touch')
    const link = join(dir(), 'budget.html')
    symlinkSync(precious, link)
    refused(['export', '1', '--format', 'html', '-o', link], /already exists, as a link to .*precious\.txt\. .*never writes through a link/)
    expect(copydesk(db(), 'export', '1', '--format', 'html', '-o', link, '--force').code).toBe(0)
    expect(readFileSync(precious, 'utf8')).toBe('do not touch')
    expect(lstatSync(link).isSymbolicLink()).toBe(false)
    expect(readFileSync(link, 'utf8')).toMatch(/^<!doctype html>/i)
    // A link to nowhere is refused as well: writing would create its target.
    const dangling = join(dir(), 'dangling.md')
    symlinkSync(join(dir(), 'nowhere', 'x.md'), dangling)
    refused(['export', '1', '--format', 'md', '-o', dangling], /already exists, as a link/)
    expect(readlinkSync(dangling)).toBe(join(dir(), 'nowhere', 'x.md'))
  })

  it('-o at a folder, or into a folder that does not exist, says so and what to do', () => {
    const folder = join(dir(), 'exports')
    mkdirSync(folder)
    refused(['export', '1', '--format', 'md', '-o', folder], new RegExp(`^copydesk: ${folder} is a folder\\. Give a file name in it, for example -o ${folder}/.+\\.md\\.\\n$`))
    const missing = join(dir(), 'no-such-folder', 'budget.md')
    refused(['export', '1', '--format', 'md', '-o', missing], new RegExp(`^copydesk: The folder ${join(dir(), 'no-such-folder')} does not exist\\. Make it first \\(mkdir -p .*\\), or give another place with -o\\.\\n$`))
    expect(existsSync(join(dir(), 'no-such-folder'))).toBe(false)
  })

  it('brat writes its two files only when neither is there', () => {
    const ann = join(dir(), 'budget.ann')
    writeFileSync(ann, 'mine')
    refused(['export', '1', '--format', 'brat', '-o', join(dir(), 'budget.txt')], /budget\.ann already exists/)
    expect(existsSync(join(dir(), 'budget.txt'))).toBe(false)
    expect(readFileSync(ann, 'utf8')).toBe('mine')
  })
})

describe('which library --db names', () => {
  const dir = useTempDir()

  it('a file that is not there yet becomes a new library, and the command says so', () => {
    const file = join(dir(), 'new.db')
    const r = copydesk(file, 'list')
    expect(r).toMatchObject({ code: 0, stderr: `Creating a new library at ${file}.\n` })
    expect(copydesk(file, 'list').stderr).toBe('')
  })

  it('a folder that does not exist is refused, and nothing is made', () => {
    const file = join(dir(), 'mistyped', 'desk.db')
    const r = copydesk(file, 'list')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(`copydesk: There is no library at ${file}, and no folder ${join(dir(), 'mistyped')} to make one in. Check the path given to --db.\n`)
    expect(existsSync(join(dir(), 'mistyped'))).toBe(false)
  })

  it('a folder, another program’s database, or a file that is not a database is refused in words', () => {
    expect(copydesk(dir(), 'list').stderr).toBe(`copydesk: ${dir()} is a folder. --db takes a library file, for example --db ${join(dir(), 'copydesk.db')}.\n`)
    const notes = join(dir(), 'notes.txt')
    writeFileSync(notes, 'Shopping list: milk, eggs, and a much longer line so that the file is bigger than a header.')
    const r = copydesk(notes, 'list')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^copydesk: The library at .*notes\.txt is damaged \(file is not a database\)/)
    expect(readFileSync(notes, 'utf8')).toMatch(/^Shopping list/)
    const other = join(dir(), 'other.sqlite')
    const db = new Database(other)
    db.exec('CREATE TABLE contacts (name TEXT)')
    db.close()
    expect(copydesk(other, 'list').stderr).toBe(`copydesk: ${other} is a database of another program, not a Copydesk library. Check the file name, or choose another file.\n`)
  })
})
