import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Thread } from '../../src/shared/domain'
import { copydesk } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

const STORY = 'Ferry fares to rise\n\nFares on the island ferry will rise 12% in May, the transit authority said on Friday.\n'

// Each case runs the command a dozen times or more, each a process of its own.
describe('threads from the command line, on a real library file', { timeout: 180_000 }, () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'desk.db')
  const run = (...args: string[]): ReturnType<typeof copydesk> => copydesk(db(), ...args)

  /** Imports the story, tags its claim, sets who "me" is; returns the claim's id. */
  const setup = (): string => {
    writeFileSync(join(dir(), 'fares.txt'), STORY)
    expect(run('import', join(dir(), 'fares.txt')).code).toBe(0)
    const added = JSON.parse(run('--json', 'annotate', '1', '--kind', 'claim', '--quote', 'will rise 12% in May').stdout) as { id: string }
    const me = new Database(db())
    me.prepare(`INSERT INTO preferences (key, value) VALUES ('userName', '"Ada Obi"') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run()
    me.close()
    return added.id
  }
  const thread = (annotation: string): Thread => JSON.parse(run('--json', 'comments', '1', annotation).stdout) as Thread

  it('adds, lists, edits, deletes, restores, resolves and reopens, naming the annotation by the start of its id', () => {
    const id = setup()
    const short = id.slice(0, 8)
    expect(run('comments', '1', short)).toMatchObject({ code: 0, stdout: 'Claim “will rise 12% in May” — no comments yet\n' })

    const added = run('comment', 'add', '1', short, 'The authority’s notice says 12.5%; ask which.')
    expect(added).toMatchObject({ code: 0, stderr: '' })
    expect(added.stdout).toMatch(/^Added comment c-[0-9a-f]{8} on the Claim “will rise 12% in May”\.\n$/)
    const commentId = /comment (c-[0-9a-f]{8})/.exec(added.stdout)![1]

    const listed = run('comments', '1', short).stdout.split('\n')
    expect(listed[0]).toBe('Claim “will rise 12% in May” — open, 1 comment')
    expect(listed[1]).toMatch(new RegExp(`^\\[${commentId}\\] Ada Obi · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`))
    expect(listed[2]).toBe('  The authority’s notice says 12.5%; ask which.')

    expect(run('comment', 'edit', '1', short, commentId, 'Notice says 12.5% from 1 May.').stdout).toBe(`Edited comment ${commentId}.\n`)
    expect(thread(id).comments.map((c) => [c.body, c.editedAt !== null])).toEqual([['Notice says 12.5% from 1 May.', true]])
    expect(run('comments', '1', short).stdout).toContain('(edited)')

    expect(run('comment', 'delete', '1', short, commentId).stdout).toBe(
      `Deleted comment ${commentId} (bring it back with: copydesk comment restore 1 ${short} ${commentId}).\n`
    )
    expect(thread(id).comments).toEqual([])
    expect(run('comment', 'restore', '1', short, commentId).stdout).toBe(`Brought back comment ${commentId}.\n`)
    expect(thread(id).comments).toHaveLength(1)

    expect(run('comment', 'resolve', '1', short).stdout).toBe('Resolved the thread on the Claim “will rise 12% in May”.\n')
    expect(run('comments', '1', short).stdout).toMatch(/^Claim “will rise 12% in May” — resolved by Ada Obi \d{4}-\d\d-\d\d \d\d:\d\d, 1 comment\n/)
    expect(run('comment', 'reopen', '1', short).stdout).toBe('Reopened the thread on the Claim “will rise 12% in May”.\n')
    expect(thread(id).resolvedAt).toBeNull()

    // Each change is in the annotation's history, in the file.
    const file = new Database(db(), { readonly: true })
    expect(file.prepare(`SELECT action FROM annotation_history WHERE annotation_id = ? ORDER BY id`).pluck().all(id)).toEqual([
      'created',
      'commented',
      'comment_edited',
      'comment_deleted',
      'comment_restored',
      'resolved',
      'reopened'
    ])
    file.close()
  })

  it('--json prints the comment and its thread', () => {
    const id = setup()
    const r = JSON.parse(run('--json', 'comment', 'add', '1', id, 'Call the authority’s press desk.').stdout) as { comment: { body: string; authorName: string }; thread: Thread }
    expect(r.comment).toMatchObject({ body: 'Call the authority’s press desk.', authorName: 'Ada Obi' })
    expect(r.thread).toMatchObject({ articleId: 1, annotationId: id, resolvedAt: null })
  })

  it('mistakes are one line in an editor’s words and change nothing', () => {
    const id = setup()
    const short = id.slice(0, 8)
    const commentId = /comment (c-[0-9a-f]{8})/.exec(run('comment', 'add', '1', short, 'Mine.').stdout)![1]
    const other = new Database(db())
    other.prepare(`UPDATE preferences SET value = '"Ben Cole"' WHERE key = 'userName'`).run()
    other.close()
    const cases: [string[], RegExp, number][] = [
      [['comment'], /^copydesk: comment needs what to do: add, edit, delete, restore, resolve or reopen/, 2],
      [['comment', 'shout', '1', short], /^copydesk: comment does not know "shout"/, 2],
      [['comment', 'add', '1', short], /^copydesk: comment add needs the words to add, in quotes/, 2],
      [['comment', 'add', '1'], /^copydesk: missing annotation id \(see them with: copydesk annotations 1\)/, 2],
      [['comment', 'add', '1', 'zzzz', 'Hi'], /^copydesk: Article 1 has no annotation “zzzz”\. See its annotations with: copydesk annotations 1\n$/, 1],
      [['comment', 'add', '7', short, 'Hi'], /^copydesk: There is no article number 7\./, 1],
      [['comment', 'edit', '1', short, commentId, 'Not mine'], /^copydesk: Only its author can edit a comment, and this one is Ada Obi’s\.\n$/, 1],
      [['comment', 'delete', '1', short, commentId], /^copydesk: Only its author can delete a comment, and this one is Ada Obi’s\.\n$/, 1],
      [['comment', 'delete', '1', short, 'c-0000'], /^copydesk: That thread has no comment “c-0000”/, 1],
      [['comment', 'delete', '1', short, commentId, 'extra'], /^copydesk: comment delete takes no words/, 2],
      [['comment', 'resolve', '1', short, 'now'], /^copydesk: comment resolve takes no words/, 2]
    ]
    for (const [args, message, code] of cases) {
      const r = run(...args)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.code, args.join(' ')).toBe(code)
    }
    expect(thread(id).comments.map((c) => [c.authorName, c.body])).toEqual([['Ada Obi', 'Mine.']])
  })

  it('exports: comments never in a public copy, in an --internal one, and in W3C as replies to their annotation', () => {
    const id = setup()
    const words = 'Call the authority’s press desk about the 12.5%.'
    expect(run('comment', 'add', '1', id, words).code).toBe(0)
    const org = new Database(db())
    org.prepare(`INSERT INTO preferences (key, value) VALUES ('organisation', '"Riverton Ledger Fact Check"')`).run()
    org.close()
    for (const format of ['html', 'md', 'csv', 'w3c', 'brat', 'claimreview']) {
      const r = run('export', '1', '--format', format)
      expect(r.code, format).toBe(0)
      expect(r.stdout, format).not.toContain('press desk')
    }
    // ClaimReview is public whatever is asked.
    expect(run('export', '1', '--format', 'claimreview', '--internal').stdout).not.toContain('press desk')
    for (const format of ['html', 'md', 'csv', 'brat']) expect(run('export', '1', '--format', format, '--internal').stdout, format).toContain('press desk')
    const w3c = JSON.parse(run('export', '1', '--format', 'w3c', '--internal').stdout) as { first: { items: Record<string, unknown>[] } }
    const replies = w3c.first.items.filter((i) => i.motivation === 'replying')
    expect(replies).toHaveLength(1)
    expect(replies[0]).toMatchObject({ target: `urn:copydesk:annotation:${id}`, body: { value: words }, creator: { name: 'Ada Obi' } })
  })
})
