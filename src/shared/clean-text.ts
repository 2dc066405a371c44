/**
 * Text Copydesk keeps: no lone UTF-16 surrogates, no Unicode noncharacters (U+FFFE, U+FFFF,
 * U+FDD0–U+FDEF and the last two of every plane) and no control characters but tab and the
 * line ends. None of them is text anyone typed; XML forbids most of them (a Word export
 * holding U+FFFF cannot be opened), and a lone surrogate becomes U+FFFD when SQLite stores
 * it as UTF-8, so the stored text would differ from the body it was projected from.
 *
 * Each UTF-16 unit of such a character becomes one U+FFFD, so a text keeps its length and
 * every offset sent with it (an annotation's start and end) still points at the same words.
 */

const UNWANTED = /[\p{Noncharacter_Code_Point}\u0000-\u0008\u000b\u000c\u000e-\u001f]/u
const UNWANTED_ALL = new RegExp(UNWANTED.source, 'gu')
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g')

/** `text` with lone surrogates, noncharacters and stray controls replaced, unit for unit, by U+FFFD. */
export function cleanText(text: string): string {
  let out = text
  if (LONE_SURROGATE.test(out)) out = out.replace(LONE_SURROGATE_ALL, '\ufffd')
  if (UNWANTED.test(out)) out = out.replace(UNWANTED_ALL, (c) => '\ufffd'.repeat(c.length))
  return out
}

/** True when `text` holds something `cleanText` would replace. */
export function needsCleaning(text: string): boolean {
  return LONE_SURROGATE.test(text) || UNWANTED.test(text)
}

/**
 * `value` (plain JSON data: a request, a body) with every string in it cleaned: the same
 * object when nothing needed it (the common case costs one pass), else a cleaned copy; the
 * caller's object is never changed. Walked and copied without recursion (structuredClone
 * recurses): a request may nest as deeply as its sender likes, and the limits on depth are
 * checked after this.
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T
  if (!isPlain(value)) return value
  let dirty = false
  const stack: Container[] = [value]
  while (stack.length && !dirty) {
    const o = stack.pop()!
    for (const k of Object.keys(o)) {
      const v = o[k]
      if (typeof v === 'string') dirty ||= needsCleaning(v)
      else if (isPlain(v)) stack.push(v)
    }
  }
  return dirty ? (cleanCopy(value) as T) : value
}

type Container = Record<string, unknown>

/** Arrays and objects made of literals (or JSON.parse): what is walked into; anything else is kept as it is. */
function isPlain(v: unknown): v is Container {
  if (typeof v !== 'object' || v === null) return false
  if (Array.isArray(v)) return true
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function cleanCopy(value: Container): Container {
  const root: Container = Array.isArray(value) ? ([] as unknown as Container) : {}
  const stack: [Container, Container][] = [[value, root]]
  while (stack.length) {
    const [from, to] = stack.pop()!
    for (const k of Object.keys(from)) {
      const v = from[k]
      if (typeof v === 'string') to[k] = cleanText(v)
      else if (isPlain(v)) {
        const copy: Container = Array.isArray(v) ? ([] as unknown as Container) : {}
        to[k] = copy
        stack.push([v, copy])
      } else to[k] = v
    }
  }
  return root
}
