import { describe, expect, it } from 'vitest'
import { cleanName, isSurnameOnly, nameKey, organisationKey } from '../../src/shared/speakers/names'

const clean = (raw: string): string | null => cleanName(raw)?.display ?? null
const key = (raw: string): string | null => {
  const c = cleanName(raw)
  return c && nameKey(c)
}

describe('cleaning a name as an article writes it', () => {
  it('strips titles, roles, honorifics and what qualifies them', () => {
    expect(clean('Russian President Vladimir Putin')).toBe('Vladimir Putin')
    expect(clean('Mr. Putin')).toBe('Putin')
    expect(clean('President Putin')).toBe('Putin')
    expect(clean('U.S. Secretary of State Antony Blinken')).toBe('Antony Blinken')
    expect(clean('Federal Reserve Chair Jerome Powell')).toBe('Jerome Powell')
    expect(clean('White House press secretary Karine Jean-Pierre')).toBe('Karine Jean-Pierre')
    expect(clean('Sen. Elizabeth Warren (D-Mass.)')).toBe('Elizabeth Warren')
    expect(clean('Dr. Anthony Fauci')).toBe('Anthony Fauci')
    expect(clean("Putin's spokesman Dmitry Peskov")).toBe('Dmitry Peskov')
    expect(clean('Vladimir Putin, the Kremlin leader')).toBe('Vladimir Putin')
    expect(clean('Former Prime Minister John Major')).toBe('John Major')
  })

  it('keeps surnames that look like titles, particles and suffixes', () => {
    expect(clean('Jane Green')).toBe('Jane Green')
    expect(clean('John Major')).toBe('John Major')
    expect(clean('Martin Luther King Jr.')).toBe('Martin Luther King Jr.')
    expect(clean('Charles de Gaulle')).toBe('Charles de Gaulle')
    expect(clean('Commission President Ursula von der Leyen')).toBe('Ursula von der Leyen')
  })

  it('finds no name in an unnamed source', () => {
    for (const raw of ['a senior official', 'officials', 'Officials', 'the ministry', 'police', '']) expect(clean(raw), raw).toBeNull()
  })

  it('compares names without case, accents or dots, and tells a surname alone', () => {
    expect(key('José Andrés')).toBe(key('Jose Andres'))
    expect(key('George W. Bush')).toBe('george-w-bush')
    expect(key('George Bush')).toBe('george-bush')
    expect(key('Martin Luther King Jr.')).toBe(key('Martin Luther King'))
    expect(key('Ms. von der Leyen')).toBe('leyen')
    expect(isSurnameOnly(cleanName('Mr. Putin')!)).toBe(true)
    expect(isSurnameOnly(cleanName('Vladimir Putin')!)).toBe(false)
    expect(cleanName('Ursula von der Leyen')!.surname).toBe('leyen')
  })

  it('keys an organisation by its words, without a leading "the"', () => {
    expect(organisationKey('the Kremlin')).toBe(organisationKey('Kremlin'))
    expect(organisationKey('the ministry')).toBeNull()
  })
})
