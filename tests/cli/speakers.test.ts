import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SpeakerDetail, SpeakerSummary } from '../../src/shared/speakers/types'
import { copydesk } from '../helpers/cli'
import { seedSpeakerFile } from '../helpers/speakers'
import { useTempDir } from '../helpers/tmp'

describe('copydesk speakers and speaker', () => {
  const dir = useTempDir()
  const db = (): string => {
    const file = join(dir(), 'desk.db')
    seedSpeakerFile(file)
    return file
  }

  it('lists people in the news with counts, as a table and as JSON', () => {
    const file = db()
    const table = copydesk(file, 'speakers')
    expect(table.code).toBe(0)
    const lines = table.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ID\s+NAME\s+QUOTES\s+CLAIMS\s+ARTICLES\s+LAST SEEN$/)
    expect(lines[1]).toMatch(/^vladimir-putin\s+Vladimir Putin\s+2\s+2\s+2\s+2026-11-15$/)
    expect(lines).toHaveLength(7)
    const json = JSON.parse(copydesk(file, '--json', 'speakers', 'smith').stdout) as SpeakerSummary[]
    expect(json.map((s) => s.name)).toEqual(['Jane Smith', 'John Smith', 'Smith'])
  })

  it("shows one person's quotes and claims newest first with verdicts", () => {
    const file = db()
    const r = copydesk(file, 'speaker', 'Mr.', 'Putin')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Vladimir Putin {2}\(vladimir-putin\)\n2 quotes, 2 claims, in 2 articles; last seen 2026-11-15\n/)
    const quotes = r.stdout.slice(r.stdout.indexOf('Quotes, newest first:'), r.stdout.indexOf('Claims, newest first:'))
    expect(quotes.indexOf('2026-11-15')).toBeLessThan(quotes.indexOf('2026-10-02'))
    expect(r.stdout).toContain('[False] “shipments to Africa fell by half”')
    expect(r.stdout).toContain('[Mostly true] “Russian wheat exports rose 12 percent last year”')
    expect(r.stdout).toContain('article 1, annotation k-claim-1')
    const json = JSON.parse(copydesk(file, '--json', 'speaker', 'vladimir-putin').stdout) as SpeakerDetail
    expect(json.claims.map((c) => c.status)).toEqual(['false', 'mostly_true'])
  })

  it('merges and splits, and the decision is kept in the library file', () => {
    const file = db()
    const merged = copydesk(file, 'speakers', 'merge', 'George Bush', 'George W. Bush')
    expect(merged).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Merged: George (W\. )?Bush \(george-(w-)?bush\) now has 2 quotes and 0 claims in 1 article\.\n$/) })
    const after = JSON.parse(copydesk(file, '--json', 'speakers', 'bush').stdout) as SpeakerSummary[]
    expect(after).toHaveLength(1)
    const page = copydesk(file, 'speaker', after[0].id).stdout
    expect(page).toMatch(/merged by you/)
    const other = after[0].id === 'george-bush' ? 'george-w-bush' : 'george-bush'
    const split = copydesk(file, 'speakers', 'split', after[0].id, other)
    expect(split.code).toBe(0)
    expect(split.stdout).toMatch(/^Split: George (W\. )?Bush \(george-(w-)?bush\) is now apart from George (W\. )?Bush/)
    expect(JSON.parse(copydesk(file, '--json', 'speakers', 'bush').stdout)).toHaveLength(2)
  })

  // Each command line is a process: two tests of a few each stay in time on a loaded machine.
  const mistakes = (cases: [string[], RegExp, number][]): void => {
    const file = db()
    for (const [args, message, code] of cases) {
      const r = copydesk(file, ...args)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.code, args.join(' ')).toBe(code)
    }
    expect(JSON.parse(copydesk(file, '--json', 'speakers').stdout)).toHaveLength(6)
  }

  it('a mistyped command is one line saying how to write it, and changes nothing', () => {
    mistakes([
      [['speaker'], /^copydesk: speaker needs a name or an id/, 2],
      [['speakers', 'merge', 'Putin'], /^copydesk: speakers merge needs two people/, 2],
      [['speaker', 'Angela Merkel'], /^copydesk: No one called "Angela Merkel" is quoted or cited in the library\.\n$/, 1]
    ])
  })

  it('a refused merge, split or ambiguous name is one line in words, and changes nothing', () => {
    mistakes([
      [['speaker', 'Smith'], /^copydesk: "Smith" could be 3 people: Jane Smith \(jane-smith\), John Smith \(john-smith\), Smith \(smith@5\)\. Name one by its id\.\n$/, 1],
      [['speakers', 'merge', 'Putin', 'Vladimir Putin'], /^copydesk: "Putin" and "Vladimir Putin" are already one person: Vladimir Putin\.\n$/, 1],
      [['speakers', 'split', 'Putin', 'nobody@9'], /^copydesk: "nobody@9" is not one of Vladimir Putin's names\./, 1]
    ])
  })
})
