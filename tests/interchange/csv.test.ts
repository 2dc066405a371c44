import { describe, expect, it } from 'vitest'
import { csvCell, exportCsv } from '../../src/shared/interchange/csv'
import { annotations, article, history, make, people, threads } from '../fixtures/interchange/article'

/** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  expect(quoted).toBe(false)
  expect(field).toBe('')
  return rows
}

describe('the CSV fact-check log', () => {
  it('has one row per claim with its text, status, verdict, explanation, evidence, checker, source and dates', () => {
    const rows = readCsv(exportCsv(article, annotations, { people }))
    expect(rows[0]).toEqual(['number', 'text', 'status', 'verdict', 'explanation', 'evidence', 'checker', 'source', 'created', 'updated'])
    expect(rows).toHaveLength(6)
    const [, cost, reserves, third] = rows
    expect(cost).toEqual([
      '1',
      'The cost of repairing the Millbrook harbour bridge has doubled to £48 million',
      'misleading',
      'Misleading',
      annotations[0].kind === 'claim' ? annotations[0].fields.explanation : '',
      '2022 capital budget, page 14 — https://council.example.org/budget-2022.pdf\nPhone call with the council press office, 5 June',
      'Dana Reyes',
      'Millbrook City Council',
      '2024-06-04T09:15:00.000Z',
      '2024-06-05T11:02:00.000Z'
    ])
    expect(reserves[7]).toBe('the council’s own figures')
    expect(third.slice(2, 4)).toEqual(['in_review', ''])
  })

  it('quotes fields as RFC 4180 says and ends lines with CRLF', () => {
    const tricky = make('claim', 'c-q', 'Who pays', { explanation: 'He said "no", then, later,\nyes' })
    const text = exportCsv(article, [tricky])
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text).toContain('"He said ""no"", then, later,\nyes"')
    expect(readCsv(text)[1][4]).toBe('He said "no", then, later,\nyes')
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(attack).replace(/^"/, '').startsWith(`'`), attack).toBe(true)
    }
    expect(csvCell('plain')).toBe('plain')
    const claim = make('claim', 'c-f', 'Who pays', { explanation: '=1+2', checkerId: 'p-admin', evidence: [{ url: '', note: '-cmd' }] })
    const row = readCsv(exportCsv(article, [claim], { people: { 'p-admin': '@admin' } }))[1]
    expect(row[4]).toBe(`'=1+2`)
    expect(row[5]).toBe(`'-cmd`)
    expect(row[6]).toBe(`'@admin`)
  })

  it('defuses a formula after leading spaces, which some spreadsheets trim before reading the cell', () => {
    for (const attack of [' =1+2', '  +SUM(A1)', '\u00a0-2+3', ' \t@cmd', '\n=1']) {
      expect(csvCell(attack).replace(/^"/, '').startsWith(`'`), JSON.stringify(attack)).toBe(true)
    }
    expect(csvCell(' plain = fine')).toBe(' plain = fine')
    const claim = make('claim', 'c-s', 'Who pays', { explanation: ' =HYPERLINK("http://evil.example")' })
    expect(readCsv(exportCsv(article, [claim]))[1][4]).toBe(`' =HYPERLINK("http://evil.example")`)
  })

  it('adds placement, the thread and history only to an internal log', () => {
    const publicCopy = exportCsv(article, annotations, { history, threads })
    expect(readCsv(publicCopy)[0]).not.toContain('comments')
    expect(publicCopy).not.toContain('Desk to decide')
    const rows = readCsv(exportCsv(article, annotations, { includeInternal: true, history, threads }))
    expect(rows[0].slice(-3)).toEqual(['placement', 'comments', 'history'])
    expect(rows[1].at(-3)).toBe('')
    // One comment a line: who, when (edited when), what.
    expect(rows[1].at(-2)).toBe(
      'Dana Reyes, 2024-06-05 11:05: Desk to decide between misleading and false.\nLee Park, 2024-06-05 12:40 (edited 2024-06-05 12:44): Misleading: the £48m is right,\nonly “doubled” is wrong.'
    )
    expect(rows[1].at(-1)).toBe('2024-06-04 09:15 Dana Reyes: tagged it\n2024-06-05 11:02 Dana Reyes: status: In review → Misleading')
  })
})
