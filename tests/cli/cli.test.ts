import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

const sample = (name: string): string => join(ROOT, 'samples', name)

describe('the copydesk command', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'desk.db')

  it('imports files, lists them newest first, shows and deletes one', () => {
    const txt = join(dir(), 'budget.txt')
    writeFileSync(txt, 'Council approves record budget\n\nBy Ana Ruiz\n\nThe council approved $4.2 billion.\n')
    const md = join(dir(), 'transit.md')
    writeFileSync(md, '---\ntitle: Transit ridership hits record\noutlet: Metro Daily\n---\n\nRidership rose 12%.\n')
    const imported = copydesk(db(), 'import', txt, md)
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    expect(imported.stdout).toMatch(/as article 1: Council approves record budget/)

    const list = copydesk(db(), '--json', 'list')
    expect(list.code).toBe(0)
    const rows = JSON.parse(list.stdout) as { id: number; headline: string; outlet: string }[]
    expect(rows.map((r) => r.headline)).toEqual(['Transit ridership hits record', 'Council approves record budget'])
    expect(rows[0].outlet).toBe('Metro Daily')

    const show = copydesk(db(), 'show', '1')
    expect(show.stdout).toContain('By Ana Ruiz')
    expect(show.stdout).toContain('The council approved $4.2 billion.')

    expect(copydesk(db(), 'delete', '1')).toMatchObject({ code: 0, stdout: 'Deleted article 1.\n' })
    expect(JSON.parse(copydesk(db(), '--json', 'list').stdout)).toHaveLength(1)
  })

  it('import --json prints the new articles with their ids', () => {
    const r = copydesk(db(), '--json', 'import', sample('city-budget.txt'))
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { id: number; headline: string }[]
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({ id: 1 })
    expect(out[0].headline.length).toBeGreaterThan(10)
  })

  const emptyFile = (): string => {
    const f = join(dir(), 'empty.txt')
    writeFileSync(f, '')
    return f
  }

  it('a user mistake is one clear line on stderr and a non-zero exit, never a stack trace', () => {
    const cases: [string[], RegExp, number][] = [
      [['show', '99'], /^copydesk: There is no article number 99\.\n$/, 1],
      [['show', 'abc'], /^copydesk: "abc" is not an article id/, 2],
      [['frobnicate'], /^copydesk: unknown command "frobnicate"/, 2],
      [['list', '--colour'], /^copydesk: Unknown option '--colour'/, 2],
      [['import', join(dir(), 'missing.txt')], /^copydesk: No such file: .*missing\.txt\n$/, 1],
      [['import', emptyFile()], /^copydesk: "empty\.txt" is empty\.\n$/, 1],
      [['serve', '--port', 'eighty'], /^copydesk: --port takes a whole number/, 2]
    ]
    for (const [args, message, code] of cases) {
      const r = copydesk(db(), ...args)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/)
      expect(r.code, args.join(' ')).toBe(code)
    }
  })

  it('a refused import writes nothing', () => {
    const bad = join(dir(), 'fake.docx')
    writeFileSync(bad, 'not a zip')
    expect(copydesk(db(), 'import', bad).code).toBe(1)
    expect(JSON.parse(copydesk(db(), '--json', 'list').stdout)).toEqual([])
  })

  it('refuses a database from a newer Copydesk with words, not a crash', async () => {
    const Database = (await import('better-sqlite3')).default
    const file = db()
    const d = new Database(file)
    d.pragma('user_version = 999')
    d.close()
    const r = copydesk(file, 'list')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^copydesk: This data file was written by a newer version of Copydesk/)
  })

  it('--help lists the commands', () => {
    const r = copydesk(db(), '--help')
    expect(r.code).toBe(0)
    for (const c of ['import', 'list', 'show', 'delete', 'serve']) expect(r.stdout).toContain(`  ${c}`)
  })
})
