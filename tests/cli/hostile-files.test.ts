import { symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk } from '../helpers/cli'
import { absentAnnotations, inflatingDocx, longArticleText } from '../helpers/hostile-files'
import { useTempDir } from '../helpers/tmp'

describe('the command line refuses hostile files in words and goes on (issue 18, 2, 6, 7, 11)', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'c.db')

  it('refuses /dev/zero and a link to it at once, and still imports the good file given with them', () => {
    const link = join(dir(), 'story.txt')
    symlinkSync('/dev/zero', link)
    const good = join(dir(), 'good.txt')
    writeFileSync(good, 'Harbour fees to double\n\nFees rise 100%.')
    const t0 = performance.now()
    const r = copydesk(db(), 'import', '/dev/zero', link, good)
    expect(performance.now() - t0).toBeLessThan(10_000)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('copydesk: /dev/zero is not an ordinary file (it is a device, a pipe or a socket)')
    expect(r.stderr).toContain(`copydesk: ${link} is not an ordinary file`)
    expect(r.stdout).toContain('Imported')
    expect(r.stdout).toContain('Harbour fees to double')
  })

  it('refuses a Word bomb by its sizes', async () => {
    const bomb = join(dir(), 'bomb.docx')
    writeFileSync(bomb, await inflatingDocx(200))
    const r = copydesk(db(), 'import', bomb)
    expect(r).toMatchObject({ code: 1, stdout: '' })
    // The last line: a new library is announced first.
    expect(r.stderr.trim().split('\n').pop()).toMatch(/^copydesk: "bomb\.docx" is too large inside: its text unpacks to 200 MB, and Copydesk reads Word documents whose text unpacks to up to 4 MB\./)
  })

  it('says a JSON file of another shape is not an annotation file, and how many quotes were looked for only word for word', () => {
    const article = join(dir(), 'long.txt')
    writeFileSync(article, longArticleText(1_000_000))
    expect(copydesk(db(), 'import', article).code).toBe(0)
    const people = join(dir(), 'people.json')
    writeFileSync(people, '[{"name": "Lee"}]')
    const r = copydesk(db(), 'import-annotations', '1', people)
    expect(r).toMatchObject({ code: 1 })
    expect(r.stderr.trim().split('\n').pop()).toBe('copydesk: "people.json" is not an annotation file: Copydesk reads W3C Web Annotations (as Copydesk, Hypothesis and other annotation tools export them) and brat .ann files.')
    const absent = join(dir(), 'absent.jsonld')
    writeFileSync(absent, absentAnnotations(200))
    const placed = copydesk(db(), 'import-annotations', '1', absent)
    expect(placed.code).toBe(0)
    expect(placed.stdout).toMatch(/^0 placed exactly, 0 placed approximately, 200 not found in the text \(\d+ of them looked for only word for word/)
  })
})
