import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainError } from '../../src/main/core/plain-errors'
import { CopydeskError } from '../../src/shared/errors'
import { copydesk } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

describe('unexpected failures in words an editor can use', () => {
  const dir = useTempDir()

  // 20,000 levels overflow the stack as 100,000 do, in a second rather than 7 s of CPU (the
  // importers' own limits on depth and time are another part of issue 18).
  it('a file nested 20,000 levels deep is refused in plain words, not "Something went wrong"', () => {
    const deep = join(dir(), 'deep.html')
    writeFileSync(deep, `<html><body>${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}</body></html>`)
    const r = copydesk(join(dir(), 'desk.db'), 'import', deep)
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines[lines.length - 1]).toMatch(/^copydesk: .*(nested|deep)/i)
    expect(r.stderr).not.toMatch(/Something went wrong|call stack/i)
  })

  it('a full disk, a read-only disk and a file Copydesk may not use each get a code and words', () => {
    const err = (code: string): Error => Object.assign(new Error(`${code}: failed`), { code, path: '/media/stick/budget.md' })
    expect(plainError(err('ENOSPC'))).toMatchObject({ code: 'disk_full', message: 'The disk is full (/media/stick/budget.md), so this could not be written. Free some space on it, then try again.' })
    expect(plainError(err('EROFS'))).toMatchObject({ code: 'read_only' })
    expect(plainError(err('EACCES'))).toMatchObject({ code: 'read_only', message: 'Copydesk is not allowed to use /media/stick/budget.md. Check its permissions, or choose another place.' })
    const own = new CopydeskError('conflict', 'kept as it is')
    expect(plainError(own)).toBe(own)
    const bug = new TypeError('x is undefined')
    expect(plainError(bug)).toBe(bug)
  })
})
