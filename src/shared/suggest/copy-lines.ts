/**
 * The furniture of news copy: lines that say who wrote, photographed or edited a story and
 * when it was published (bylines, timestamps, photo captions and credits, contributors'
 * lines, copyright), and the dateline that opens a wire story's first paragraph
 * ("KYIV, Ukraine (AP) — "). They are metadata, not statements: no claim is proposed in them.
 * Written by hand from the conventions of wire and web copy.
 */

export type CopyLineKind = 'byline' | 'timestamp' | 'credit' | 'contributors' | 'copyright' | 'dateline' | 'link'

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
const WEEKDAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?`
const ZONE = String.raw`(?:[ecmp][sd]?t|gmt|utc|bst|cet|cest|eet|eest|msk|ist|jst|aest)`
// One piece of a date or a time: "Nov. 3", "2026", "3:42", "p.m.", "EST", "Monday", "2026-11-03".
const DATE_PIECE = new RegExp(
  String.raw`^(?:${MONTH}|${WEEKDAY}|${ZONE}|\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d|\d{1,2}[:.]\d\d|[ap]\.?m\.?|\d{4}-\d\d-\d\d(?:t[\d:.]+z?)?|\d{1,2}/\d{1,2}/\d{2,4}|at|on|of|the|today|yesterday|updated|published)$`,
  'i'
)

/** Is `s` nothing but a date and/or a time ("Nov. 3, 2026 4:17 PM EST", "Monday, 3 November 2026")? */
export function isDateOrTime(s: string): boolean {
  const words = s.replace(/[,()]/g, ' ').split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > 12) return false
  return words.every((w) => DATE_PIECE.test(w)) && /\d/.test(s) && words.some((w) => DATE_ANCHOR.test(w))
}

// A piece that makes a number a date or a time: a month, a weekday, a year, "3:42", "p.m.".
const DATE_ANCHOR = new RegExp(String.raw`^(?:${MONTH}|${WEEKDAY}|(?:19|20)\d\d|\d{1,2}[:.]\d\d|[ap]\.?m\.?|\d{4}-\d\d-\d\d.*|\d{1,2}/\d{1,2}/\d{2,4}|today|yesterday)$`, 'i')

// "Updated 3:42 p.m. EST, Nov. 3, 2026", "Published: 2026-11-03", "Last updated 5 hours ago".
const TIMESTAMP = /^(?:last\s+|first\s+|originally\s+)?(?:updated|published|posted|modified|created|filed)(?:\s+(?:on|at))?\s*:?\s*(.+)$/i
const AGO = /^\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$/i
const READING_TIME = /^\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read$/i

// Words that may stand in a byline besides names: "By Jane Doe and John Roe, Associated Press Writer".
const BYLINE_WORD = /^(?:and|&|of|the|for|in|at|with|de|da|del|di|van|von|der|den|la|le|al|bin|ibn|staff|writer|writers|reporter|reporters|correspondent|correspondents|editor|editors|contributor|special|senior|chief|political|investigative|foreign|news|service|wire|desk|team)$/i
const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'\u2019.\-]*$/u
const WHEN_WORD = new RegExp(`^(?:${MONTH}|${WEEKDAY}|today|tonight|tomorrow|noon|midnight|then|now|contrast|comparison|law|far|design)$`, 'i')

/** "By Jane Doe and John Roe, Associated Press": "By" and then names, roles and an outlet only. */
function isByline(part: string): boolean {
  const m = /^by\s+(.+)$/i.exec(part)
  if (!m) return false
  const words = m[1].replace(/[,;]/g, ' ').split(/\s+/).filter(Boolean)
  // "By Tuesday, ..." or "By Nov. 3" opens a sentence, not a byline.
  if (words.length === 0 || words.length > 16 || !NAME_WORD.test(words[0]) || WHEN_WORD.test(words[0])) return false
  return words.every((w) => NAME_WORD.test(w) || BYLINE_WORD.test(w))
}

/** Names, roles and an outlet with no "By": "Associated Press", "Reuters", beside a byline. */
function isNames(part: string): boolean {
  const words = part.replace(/[,;]/g, ' ').split(/\s+/).filter(Boolean)
  return words.length > 0 && words.length <= 6 && NAME_WORD.test(words[0]) && words.every((w) => NAME_WORD.test(w) || BYLINE_WORD.test(w))
}

// A caption or credit label opening a line: "Photo: ...", "Image credit: ...", "FILE - ...".
const CREDIT_LABEL = /^(?:(?:file\s+)?(?:photos?|photograph|image|images|picture|video|graphic|illustration|caption)(?:\s+credit)?|credits?|source\s+image)\s*(?:by\s+)?:|^file\s+[-\u2013\u2014]\s/i
// A credit closing a caption: "(AP Photo/Efrem Lukatsky)", "Jane Doe/Getty Images", "via Reuters".
const CREDIT_TAIL = /(?:\((?:[\p{Lu}]+\s+)?(?:photo|photos|image|video|pool photo)\s*\/[^)]*\)|[\/|]\s*(?:getty images|afp|reuters|ap|epa|bloomberg|shutterstock|alamy|pool)\)?|\bvia\s+getty images)\s*\.?$/iu
// A credit alone: "AP Photo/Efrem Lukatsky", "Reuters/Jane Doe".
const CREDIT_ALONE = /^(?:[\p{Lu}]+\s+)?(?:photo|photos|image)\s*\/\s*[\p{Lu}][\p{L}.\s'\-]+$|^(?:reuters|afp|ap|epa|getty images)\s*\/\s*[\p{Lu}][\p{L}.\s'\-]+$/iu

// "Reporting by ...; Editing by ...", "Additional reporting by ...", "Contributing: ...".
const CONTRIBUTORS_OPEN = /^(?:(?:additional|contributing)\s+)?(?:reporting|writing|editing|research|compiled|produced|graphics|translation|translated|fact-checking)\s+by\s+\p{Lu}|^contributing(?:\s+writers?|\s+reporters?)?\s*:/iu
// "Associated Press writers X and Y contributed to this report.", "Jane Doe contributed reporting."
const CONTRIBUTED = /\bcontributed\s+(?:reporting\b[^.;]*|(?:[\p{L}]+\s+){0,2}(?:to|for)\s+(?:this|the)\s+(?:report|story|article))\s*\.?$/iu

const COPYRIGHT = /^(?:\u00A9|\(c\)|copyright\b)\s*(?:\u00A9\s*)?(?:19|20)\d\d\b|^all rights reserved\.?$/i
const LINK = /^(?:https?:\/\/|www\.)\S+$|^follow\b.{0,80}\b(?:at|on)\s+(?:https?:\/\/|www\.|@)\S+\.?$/i

/**
 * The length of the dateline opening `line`: "KYIV, Ukraine (AP) — " (the place in capitals,
 * an optional region or date, an optional agency in brackets, then a dash), "WASHINGTON — ",
 * "Kyiv (Reuters) - " (a place not in capitals needs the agency); 0 when there is none.
 */
export function datelineLength(line: string): number {
  const m = DATELINE.exec(line)
  if (!m) return 0
  const place = m[1]
  const capitals = /^[\p{Lu}][\p{Lu}\p{M}.'\u2019\s\-]*[\p{Lu}.]$/u.test(place) && /\p{Lu}{2}/u.test(place)
  if (!capitals && !m[3]) return 0
  // The story opens after it with a capital, a figure or a quotation mark ("NATO — which ..." is no dateline).
  const after = line.slice(m[0].length)
  if (after && !/^[\p{Lu}\d"\u201C\u2018'\u00AB(]/u.test(after)) return 0
  return m[0].length
}

// Place (capitals, or any capitalised words before an agency), an optional ", region or date",
// an optional agency ("(AP)", "(Reuters)", "/PRNewswire/"), then a dash with a space or the line's end after it.
const DATELINE =
  /^([\p{Lu}][\p{L}\p{M}.'\u2019\-]*(?:\s+[\p{Lu}][\p{L}\p{M}.'\u2019\-]*){0,3})((?:,\s*[\p{L}\d.'\u2019\-]+(?:\s+[\p{L}\d.'\u2019\-]+){0,2}){0,2})\s*(\((?:\p{Lu}{2,8}|Reuters|Bloomberg|Xinhua|Yonhap|Kyodo|Interfax|dpa)\)|\/[\p{L}\s]{2,30}\/)?\s*(?:\u2014|\u2013|--|-)(?:\s+|$)/u

/**
 * "14:40 CEST with comment from the fishing committee": a time and what the update added, as
 * the last part of a byline's "Updated ..." (the words after the time say what changed).
 */
function isUpdateNote(rest: string): boolean {
  const m = /^(.{1,40}?)\s+(?:with|to add|to include|adds|adding|to correct|corrects|correcting)\b/i.exec(rest.trim())
  return !!m && isDateOrTime(m[1])
}

/** Is each part of a line split at " | " or " · " byline, date, time or reading time? */
function isMetaParts(line: string): 'byline' | 'timestamp' | null {
  const parts = line.split(/\s+[|\u00B7\u2022]\s+/)
  let byline = false
  let names = false
  for (const raw of parts) {
    const p = raw.trim().replace(/\.$/, '')
    if (isByline(p)) byline = true
    else if (isDateOrTime(p) || READING_TIME.test(p) || AGO.test(p)) continue
    else if (isNames(p)) names = true
    else {
      const t = TIMESTAMP.exec(p)
      if (!t || !(isDateOrTime(t[1]) || AGO.test(t[1].trim()) || isUpdateNote(t[1]))) return null
    }
  }
  if (names && !byline) return null
  return byline ? 'byline' : 'timestamp'
}

// How a byline or timestamp line opens: "By", a date or time, "Updated", "Published" ...
const META_OPENER = new RegExp(String.raw`^(?:by\s|\d|(?:last|first|originally)\s|updated|published|posted|modified|created|filed|${MONTH}|${WEEKDAY})`, 'i')

/**
 * What kind of copy furniture a whole line is (a paragraph or a line of one), or null when it
 * is story text. A byline followed by a date on the same line is a byline.
 */
export function copyLineKind(line: string): CopyLineKind | null {
  const t = line.trim()
  if (!t || t.length > 400) return null
  // Bylines and timestamps are short; the cheap tests on a letter or a word come first, since
  // nearly every line is story text and every line of an article is asked.
  if (t.length <= 200 && META_OPENER.test(t)) {
    // "By Jane Doe, Associated Press — Nov. 3, 2026": a dash may part byline and date too.
    const meta = isMetaParts(t) ?? (/\s[\u2014\u2013]\s/.test(t) ? isMetaParts(t.replace(/\s[\u2014\u2013]\s/g, ' | ')) : null)
    if (meta) return meta
  }
  if (CREDIT_LABEL.test(t) || (t.length <= 120 && CREDIT_ALONE.test(t)) || (/(?:\)|images|afp|reuters|ap|epa|bloomberg|shutterstock|alamy|pool)\s*\.?$/i.test(t) && CREDIT_TAIL.test(t))) return 'credit'
  if (CONTRIBUTORS_OPEN.test(t) || (t.length < 200 && t.includes('contributed') && CONTRIBUTED.test(t) && !/^(?:he|she|they|it)\b/i.test(t))) return 'contributors'
  if (COPYRIGHT.test(t)) return 'copyright'
  if (LINK.test(t)) return 'link'
  // A dateline with nothing after it: "WASHINGTON (AP) —".
  if (t.length <= 80 && datelineLength(t) === t.length) return 'dateline'
  return null
}
