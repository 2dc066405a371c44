import { describe, expect, it } from 'vitest'
import { readArticleFile } from '../../src/main/core/import'
import { utf16 } from '../helpers/hostile-files'

const STORY = 'Café owners “relieved”\n\nBy Zoë Brontë\n\nThe council cut the fee by 8% — at last, said Ana.\n'

describe('text in UTF-16 and pages in a declared charset are read (issue 18, 10)', () => {
  it.each([
    ['LE with a byte-order mark', utf16(STORY, 'le')],
    ['BE with a byte-order mark', utf16(STORY, 'be')],
    ['LE without one', utf16(STORY, 'le', false)],
    ['BE without one', utf16(STORY, 'be', false)]
  ])('a .txt file in UTF-16 %s', async (_, bytes) => {
    const a = await readArticleFile('cafe.txt', bytes)
    expect(a).toMatchObject({ headline: 'Café owners “relieved”', byline: 'Zoë Brontë', text: 'The council cut the fee by 8% — at last, said Ana.' })
  })

  it.each([
    ['LE', utf16('<html><head><title>Ignored</title></head><body><h1>Café owners “relieved”</h1><p>The fee fell by 8% — at last.</p></body></html>', 'le')],
    ['BE', utf16('<html><body><h1>Café owners “relieved”</h1><p>The fee fell by 8% — at last.</p></body></html>', 'be')]
  ])('an .html page in UTF-16 %s with a byte-order mark', async (_, bytes) => {
    const a = await readArticleFile('cafe.html', bytes)
    expect(a).toMatchObject({ headline: 'Café owners “relieved”', text: 'The fee fell by 8% — at last.' })
  })

  const latin = (head: string): Buffer =>
    Buffer.concat([
      Buffer.from(`<html><head>${head}</head><body><h1>Caf`),
      Buffer.from([0xe9, 0x20, 0x93]), // é, a space, “ in windows-1252
      Buffer.from('ok'),
      Buffer.from([0x94, 0x20, 0x80]), // ”, a space, €
      Buffer.from('5</h1><p>Story.</p></body></html>')
    ])

  it.each([
    ['<meta charset="windows-1252">'],
    ['<meta charset=iso-8859-1>'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">']
  ])('a page declaring %s', async (head) => {
    expect((await readArticleFile('latin.html', latin(head))).headline).toBe('Café “ok” €5')
  })

  it('a page declaring shift_jis', async () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="shift_jis"><title>x</title></head><body><h1>'),
      Buffer.from([0x93, 0x8c, 0x8b, 0x9e]), // 東京
      Buffer.from('</h1><p>'),
      Buffer.from([0x93, 0xfa, 0x96, 0x7b]), // 日本
      Buffer.from('</p></body></html>')
    ])
    const a = await readArticleFile('tokyo.html', page)
    expect(a).toMatchObject({ headline: '東京', text: '日本' })
  })

  it('a UTF-8 page still reads as UTF-8, and binary is still refused', async () => {
    expect((await readArticleFile('u.html', Buffer.from('<h1>Café “ok”</h1><p>Story.</p>'))).headline).toBe('Café “ok”')
    await expect(readArticleFile('b.txt', Buffer.from([0, 1, 2, 3, 0, 0, 7, 8, 0, 0, 1, 0, 9, 9, 9, 0]))).rejects.toThrow(/binary data/)
  })
})
