import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT, serve } from '../helpers/cli'
import { corruptArticlesPage } from '../helpers/damage'
import { useTempDir } from '../helpers/tmp'

const headlines = (db: string): string[] => (JSON.parse(copydesk(db, '--json', 'list').stdout) as { headline: string }[]).map((a) => a.headline)

describe('backups and recovery from the command line', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'desk.db')
  const story = (name: string, headline: string): string => {
    const file = join(dir(), name)
    writeFileSync(file, `${headline}\n\nThe council approved the budget.\n`)
    return file
  }

  it('a damaged library names its newest good backup and the command that restores it; that command restores it without claiming later work', () => {
    expect(copydesk(db(), 'import', story('a.txt', 'Before the backup')).code).toBe(0)
    expect(copydesk(db(), 'list').code).toBe(0) // the day's first open with articles: backed up
    expect(readdirSync(join(dir(), 'backups'))).toHaveLength(1)
    expect(copydesk(db(), 'import', story('b.txt', 'After the backup')).code).toBe(0)
    corruptArticlesPage(db())

    const damaged = copydesk(db(), 'list')
    expect(damaged.code).toBe(1)
    expect(damaged.stderr).toMatch(new RegExp(`^copydesk: The library at ${db()} is damaged \\(.+\\), so Copydesk cannot safely open it\\. The newest good backup is from .+\\d\\d:\\d\\d \\(.+\\); restoring it brings the library back as it was then, and changes made after that are not in it\\. To restore it, run: copydesk --db ${db()} restore ${join(dir(), 'backups')}/desk-daily-.+\\.db\\n$`))
    expect(damaged.stderr).not.toMatch(/Something went wrong/)

    const command = /To restore it, run: copydesk (.+)$/m.exec(damaged.stderr)![1].split(' ')
    const restored = spawnSync(process.execPath, [join(ROOT, 'bin', 'copydesk.js'), ...command], { encoding: 'utf8', cwd: ROOT })
    expect(restored.status).toBe(0)
    expect(restored.stdout).toMatch(/^Restored the library from the backup of .+ \(1 article\)\. Changes made after .+ are not in it; the library as it was before this restore is kept at .+desk-before-restore-.+\.db\.\n$/)
    expect(headlines(db())).toEqual(['Before the backup'])
  })

  it('backup makes a copy now; to a file it will not overwrite unasked; backups lists them', () => {
    expect(copydesk(db(), 'import', story('a.txt', 'Kept')).code).toBe(0)
    const now = copydesk(db(), 'backup')
    expect(now.code).toBe(0)
    expect(now.stdout).toMatch(new RegExp(`^Backed up the library to ${join(dir(), 'backups')}/desk-manual-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.db\\.\\n$`))
    const out = join(dir(), 'copy.db')
    expect(copydesk(db(), 'backup', out)).toMatchObject({ code: 0, stdout: `Backed up the library to ${out}.\n` })
    const again = copydesk(db(), 'backup', out)
    expect(again.code).toBe(1)
    expect(again.stderr).toBe(`copydesk: ${out} already exists. Give another name, or add --force to replace it.\n`)
    expect(copydesk(db(), 'backup', out, '--force').code).toBe(0)
    expect(headlines(out)).toEqual(['Kept'])
    const list = copydesk(db(), 'backups')
    expect(list.stdout).toMatch(/ manual .*MB .*\/backups\/desk-manual-/)
  })

  it('restore refuses what is not a good Copydesk library, and while the library is open elsewhere', async () => {
    expect(copydesk(db(), 'import', story('a.txt', 'Current')).code).toBe(0)
    const good = join(dir(), 'good.db')
    expect(copydesk(db(), 'backup', good).code).toBe(0)
    const text = story('not-a-library.txt', 'Just text')
    expect(copydesk(db(), 'restore', text).stderr).toMatch(/^copydesk: Copydesk cannot restore from this backup: .*not-a-library\.txt is not a Copydesk library \(it is not a database file at all\)\. Nothing was changed; choose another backup\.\n$/)
    const newer = join(dir(), 'newer.db')
    expect(copydesk(db(), 'backup', newer).code).toBe(0)
    const d = new Database(newer)
    d.pragma('user_version = 999')
    d.close()
    expect(copydesk(db(), 'restore', newer).stderr).toMatch(/was written by a newer Copydesk .* update Copydesk first\. Nothing was changed/)

    const served = await serve(db())
    try {
      const busy = copydesk(db(), 'restore', good)
      expect(busy.code).toBe(1)
      expect(busy.stderr).toMatch(/^copydesk: Another program has the library at .* open \(the Copydesk app, copydesk serve or another copydesk command\)\. Close it, then restore again; nothing was changed\.\n$/)
    } finally {
      await served.stop()
    }
    expect(copydesk(db(), 'restore', good).code).toBe(0)
    expect(headlines(db())).toEqual(['Current'])
  })
})

/** Runs copydesk as a user who may not write to the library's folder (root may write anywhere). */
function copydeskWithoutWriteAccess(db: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'copydesk.js'), '--db', db, ...args], { encoding: 'utf8', cwd: ROOT, ...asNobody })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

describe('a library in a folder Copydesk may not write to', () => {
  const dir = useTempDir()

  it('can still be listed and read, says that changes are not possible, and refuses them in words', () => {
    const folder = join(dir(), 'shared')
    const db = join(folder, 'desk.db')
    const txt = join(dir(), 'a.txt')
    writeFileSync(txt, 'Read-only story\n\nText.\n')
    mkdirSync(folder)
    expect(copydesk(db, 'import', txt).code).toBe(0)
    chmodSync(dir(), 0o755)
    chmodSync(txt, 0o644)
    chmodSync(folder, 0o555)
    try {
      const list = copydeskWithoutWriteAccess(db, '--json', 'list')
      expect(list.code).toBe(0)
      expect((JSON.parse(list.stdout) as { headline: string }[]).map((a) => a.headline)).toEqual(['Read-only story'])
      expect(list.stderr).toBe('copydesk: This library can be read but not changed: its folder cannot be written to. To work in it, copy it to a folder you can write to.\n')
      expect(copydeskWithoutWriteAccess(db, 'show', '1').stdout).toContain('Read-only story')
      const write = copydeskWithoutWriteAccess(db, 'delete', '1')
      expect(write.code).toBe(1)
      expect(write.stderr).toMatch(/^copydesk: This library can be read but not changed.*\ncopydesk: The library at .*desk\.db can be read but not changed \(its folder cannot be written to\), so nothing was changed\. Copy it to a folder you can write to and open it from there, or ask for write access\.\n$/)
      expect(existsSync(join(folder, 'backups'))).toBe(false)
    } finally {
      chmodSync(folder, 0o755)
    }
    expect(copydesk(db, 'show', '1').stdout).toContain('Read-only story')
  })
})
