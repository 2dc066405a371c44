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
    // A --db that names no file yet makes a new library, and says so.
    expect(imported).toMatchObject({ code: 0, stderr: `Creating a new library at ${db()}.\n` })
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
    expect(copydesk(db(), 'list').code).toBe(0)
    const cases: [string[], RegExp, number][] = [
      [['show', '99'], /^copydesk: There is no article number 99\.\n$/, 1],
      [['show', 'abc'], /^copydesk: "abc" is not an article id/, 2],
      [['frobnicate'], /^copydesk: unknown command "frobnicate"/, 2],
      [['list', '--colour'], /^copydesk: Unknown option '--colour'/, 2],
      [['import', join(dir(), 'missing.txt')], /^copydesk: No such file: .*missing\.txt\. Check the name and the folder it is in\.\n$/, 1],
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

describe('annotating from the command line', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'desk.db')
  const BODY = 'The council approved $4.2 billion, up 8%, the mayor said.\n\nThe mayor said it was fair.'
  const setup = (): void => {
    const txt = join(dir(), 'budget.txt')
    writeFileSync(txt, `Council approves record budget\n\n${BODY}\n`)
    expect(copydesk(db(), 'import', txt).code).toBe(0)
  }

  it('annotate adds a claim with a status and annotations --json lists it with its fields', () => {
    setup()
    const added = copydesk(db(), 'annotate', '1', '--kind', 'claim', '--quote', '$4.2 billion, up 8%', '--status', 'in_review', '--note', 'Check the budget book')
    expect(added).toMatchObject({ code: 0, stderr: '' })
    const at = BODY.indexOf('$4.2')
    expect(added.stdout).toBe(`Added claim ${added.stdout.split(' ')[2]} at ${at}-${at + 19}.\n`)
    expect(added.stdout.split(' ')[2]).toMatch(/^[0-9a-f-]{36}$/)
    const list = JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout) as Record<string, unknown>[]
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ kind: 'claim', start: at, end: at + 19, exact: '$4.2 billion, up 8%', status: 'in_review' })
    // --note, as it was called before threads, starts the claim's thread.
    expect(list[0]).not.toHaveProperty('note')
    const thread = JSON.parse(copydesk(db(), '--json', 'comments', '1', String(list[0].id)).stdout) as { comments: { body: string }[] }
    expect(thread.comments.map((c) => c.body)).toEqual(['Check the budget book'])
    expect(copydesk(db(), 'annotations', '1').stdout).toBe(`${String(list[0].id).slice(0, 8)}  claim       ${at}-${at + 19}        “$4.2 billion, up 8%”  [In review]\n`)
    expect(JSON.parse(copydesk(db(), '--json', 'list').stdout)[0].annotationCount).toBe(1)
  })

  it('words that repeat need --occurrence; words not in the text are refused', () => {
    setup()
    const ambiguous = copydesk(db(), 'annotate', '1', '--kind', 'attribution', '--quote', 'mayor said')
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toMatch(/appears 2 times; say which with --occurrence 1 to 2/)
    const second = copydesk(db(), '--json', 'annotate', '1', '--kind', 'attribution', '--quote', 'mayor said', '--occurrence', '2')
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({ kind: 'attribution', exact: 'mayor said', start: BODY.lastIndexOf('mayor said') })
    const missing = copydesk(db(), 'annotate', '1', '--kind', 'quote', '--quote', 'not in there')
    expect(missing).toMatchObject({ code: 1 })
    expect(missing.stderr).toMatch(/is not in article 1/)
    expect(copydesk(db(), 'annotate', '1', '--kind', 'rumour', '--quote', 'x').stderr).toMatch(/--kind claim, quote or attribution/)
    expect(copydesk(db(), 'annotate', '1', '--kind', 'quote', '--quote', 'council', '--status', 'false').stderr).toMatch(/Only a claim has a status/)
    expect(JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout)).toHaveLength(1)
  })
})
