import { CLAIM_SORTS, NOBODY, type ClaimPage, type ClaimQuery, type ClaimRow } from '../../shared/claims'
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, PERSON_ROLES, SIGNOFFS, SIGNOFF_LABELS, type Annotation, type Person, type PersonRole, type Preferences } from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'
import { nameKey } from '../../shared/people'
import { parseList } from '../core/exchange'
import { articleIdArg, intOption, UsageError } from './args'
import { call } from './call'
import type { Context } from './context'
import { clip } from './text'

/**
 * The desk from the command line: the roster (`people`), every preference (`config`), the
 * claims across articles (`claims`), and one claim's assignment and sign-off (`claim`,
 * `signoff`), so that the command line alone can do what the app does.
 */

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}

/** A roster person as an editor names them on the command line: their name (any case) or their id. */
function person(ctx: Context, nameOrId: string, current = true): Person {
  const everyone = ctx.store.listPeople(true)
  const key = nameKey(nameOrId)
  const found = everyone.find((p) => p.id === nameOrId.trim()) ?? everyone.find((p) => !p.archived && nameKey(p.name) === key) ?? (current ? undefined : everyone.find((p) => nameKey(p.name) === key))
  if (!found) throw new CopydeskError('not_found', `No one called “${nameOrId}” is on the desk roster. See copydesk people list, or add them with copydesk people add "${nameOrId}".`)
  return found
}

function role(value: string | boolean | undefined): PersonRole | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !(PERSON_ROLES as readonly string[]).includes(value)) throw new UsageError(`--role is ${PERSON_ROLES.join(' or ')}`)
  return value as PersonRole
}

function peopleTable(people: Person[]): string {
  if (!people.length) return 'No one on the desk roster yet. Add someone with: copydesk people add "<name>" --role checker|editor'
  return pad([['ID', 'NAME', 'INITIALS', 'ROLE', ''], ...people.map((p) => [p.id, p.name, p.initials, p.role, p.archived ? 'archived' : ''])])
}

/** The preferences `config` reads and sets, and what each is. */
const CONFIG_KEYS: Record<keyof Preferences, string> = {
  userName: 'your name, recorded on every change you make',
  userId: 'who you are on the desk roster (a name or id; "" for no one): "me" in the Claims view, and who signs verdicts off',
  organisation: 'the organisation named on public fact-checks (ClaimReview needs it)',
  organisationUrl: 'the organisation’s website'
}

function configKey(key: string | undefined): keyof Preferences {
  if (key && key in CONFIG_KEYS) return key as keyof Preferences
  const keys = Object.keys(CONFIG_KEYS).join(', ')
  throw new UsageError(key ? `"${key}" is not a preference; the preferences are ${keys}` : `config get|set needs a preference: ${keys}`)
}

function claimLine(r: ClaimRow): string[] {
  const verdict = CLAIM_STATUS_LABELS[r.status]
  const signoff = r.signoff === 'none' ? '' : SIGNOFF_LABELS[r.signoff]
  return [
    `${r.articleId}/${r.annotationId.slice(0, 8)}`,
    `“${clip(r.text, 50)}”`,
    clip(r.headline, 30),
    verdict,
    signoff,
    r.checker?.name ?? '',
    r.reviewer?.name ?? '',
    r.due,
    r.updatedAt.slice(0, 16).replace('T', ' ')
  ]
}

/** The claim an operand names: an article id and an annotation id (or the start of one, as `claims` prints it). */
export function claimRef(ctx: Context): { articleId: number; annotationId: string } {
  const [a, b] = ctx.args.positionals
  const articleId = articleIdArg(a)
  if (!b) throw new UsageError('name the claim by its article id and annotation id, as copydesk claims prints them (for example 3 1f2e4c5d)')
  const claims = ctx.store.listAnnotations(articleId).filter((x) => x.id.startsWith(b))
  if (claims.length === 1) return { articleId, annotationId: claims[0].id }
  if (!claims.length) throw new CopydeskError('not_found', `Article ${articleId} has no annotation ${b}. See copydesk annotations ${articleId} --json.`)
  throw new UsageError(`${b} is the start of ${claims.length} annotations' ids in article ${articleId}: give more of it`)
}

export const deskCommands: Record<string, (ctx: Context) => Promise<void>> = {
  async people(ctx) {
    const [sub, name] = ctx.args.positionals
    const v = ctx.args.values
    switch (sub ?? 'list') {
      case 'list': {
        const people = await call<Person[]>(ctx, 'listPeople', { includeArchived: Boolean(v.all) })
        ctx.out(ctx.json ? JSON.stringify(people, null, 2) : peopleTable(people))
        return
      }
      case 'add': {
        if (!name) throw new UsageError('people add needs a name: copydesk people add "Rosa Díaz" --role checker')
        const initials = typeof v.initials === 'string' ? v.initials : undefined
        const p = await call<Person>(ctx, 'addPerson', { name, role: role(v.role) ?? 'checker', initials })
        ctx.out(ctx.json ? JSON.stringify(p, null, 2) : `Added ${p.name} (${p.initials}) to the desk roster as ${p.role === 'editor' ? 'an editor' : 'a checker'}: ${p.id}`)
        return
      }
      case 'archive':
      case 'unarchive': {
        if (!name) throw new UsageError(`people ${sub} needs a name or id`)
        const archived = sub === 'archive'
        const p = await call<Person>(ctx, 'updatePerson', { id: person(ctx, name, false).id, archived })
        ctx.out(ctx.json ? JSON.stringify(p, null, 2) : archived ? `Archived ${p.name}: no longer offered, still named on the claims they worked.` : `${p.name} is back on the desk roster.`)
        return
      }
      case 'set': {
        if (!name) throw new UsageError('people set needs a name or id, and --name, --initials or --role')
        const update = { id: person(ctx, name, false).id, name: typeof v.name === 'string' ? v.name : undefined, initials: typeof v.initials === 'string' ? v.initials : undefined, role: role(v.role) }
        if (update.name === undefined && update.initials === undefined && update.role === undefined) throw new UsageError('people set needs --name, --initials or --role')
        const p = await call<Person>(ctx, 'updatePerson', update)
        ctx.out(ctx.json ? JSON.stringify(p, null, 2) : `${p.name} (${p.initials}), ${p.role}.`)
        return
      }
      default:
        throw new UsageError(`people takes list, add, set, archive or unarchive, not "${sub}"`)
    }
  },

  async config(ctx) {
    const [sub, key, value, ...rest] = ctx.args.positionals
    if (sub === 'get') {
      const prefs = await call<Preferences>(ctx, 'getPreferences', {})
      if (!key) {
        if (ctx.json) ctx.out(JSON.stringify(prefs, null, 2))
        else ctx.out(pad(Object.keys(CONFIG_KEYS).map((k) => [k, JSON.stringify(prefs[k as keyof Preferences])])))
        return
      }
      const k = configKey(key)
      ctx.out(ctx.json ? JSON.stringify({ [k]: prefs[k] }) : prefs[k])
      return
    }
    if (sub === 'set') {
      const k = configKey(key)
      if (value === undefined) throw new UsageError(`config set ${k} needs a value (use "" to clear it)`)
      if (rest.length) throw new UsageError(`config set takes one value: put it in quotes, for example config set ${k} "${[value, ...rest].join(' ')}"`)
      const stored = k === 'userId' && value.trim() ? person(ctx, value).id : value.trim() === '' && k === 'userId' ? '' : value
      const prefs = await call<Preferences>(ctx, 'setPreferences', { [k]: stored })
      const shown = k === 'userId' && prefs.userId ? `${person(ctx, prefs.userId, false).name} (${prefs.userId})` : JSON.stringify(prefs[k])
      ctx.out(ctx.json ? JSON.stringify(prefs, null, 2) : `${k} is now ${shown}.`)
      return
    }
    throw new UsageError(`config takes get or set: copydesk config get [key], copydesk config set <key> <value>. Keys:\n${Object.entries(CONFIG_KEYS).map(([k, what]) => `  ${k.padEnd(16)} ${what}`).join('\n')}`)
  },

  async claims(ctx) {
    const v = ctx.args.values
    const q: ClaimQuery = {
      statuses: typeof v.status === 'string' ? parseList(v.status, CLAIM_STATUSES, 'claim status') : undefined,
      signoffs: typeof v.signoff === 'string' ? parseList(v.signoff, SIGNOFFS, 'sign-off') : undefined,
      checkerId: typeof v.checker === 'string' ? (nameKey(v.checker) === NOBODY ? NOBODY : person(ctx, v.checker, false).id) : undefined,
      reviewerId: typeof v.reviewer === 'string' ? (nameKey(v.reviewer) === NOBODY ? NOBODY : person(ctx, v.reviewer, false).id) : undefined,
      articleId: typeof v.article === 'string' ? articleIdArg(v.article) : undefined,
      mine: v.mine ? true : undefined,
      needsReview: v['needs-review'] ? true : undefined,
      sort: typeof v.sort === 'string' ? (parseList(v.sort, CLAIM_SORTS, 'sort')[0] ?? undefined) : undefined,
      limit: intOption(v.limit, 'limit', 1, 500),
      cursor: typeof v.cursor === 'string' ? v.cursor : undefined
    }
    const page = await call<ClaimPage>(ctx, 'listClaims', Object.fromEntries(Object.entries(q).filter(([, x]) => x !== undefined)))
    if (ctx.json) {
      ctx.out(JSON.stringify(page, null, 2))
      return
    }
    if (!page.rows.length) ctx.out(q.cursor ? 'No more claims.' : 'No claims match.')
    else ctx.out(pad([['CLAIM', 'TEXT', 'ARTICLE', 'STATUS', 'SIGN-OFF', 'CHECKER', 'REVIEWER', 'DUE', 'CHANGED'], ...page.rows.map(claimLine)]))
    if (page.nextCursor) ctx.err(`More claims: add --cursor ${page.nextCursor}`)
  },

  async claim(ctx) {
    const ref = claimRef(ctx)
    const v = ctx.args.values
    const assign = (x: string | boolean | undefined): string | null | undefined =>
      typeof x !== 'string' ? undefined : x.trim() === '' || nameKey(x) === NOBODY ? null : person(ctx, x).id
    const update = {
      ...ref,
      status: typeof v.status === 'string' ? parseList(v.status, CLAIM_STATUSES, 'claim status')[0] : undefined,
      checkerId: assign(v.checker),
      reviewerId: assign(v.reviewer),
      due: typeof v.due === 'string' ? v.due.trim() : undefined
    }
    if (update.status === undefined && update.checkerId === undefined && update.reviewerId === undefined && update.due === undefined) {
      throw new UsageError('claim needs --status, --checker, --reviewer or --due')
    }
    const a = await call<Annotation>(ctx, 'updateClaim', Object.fromEntries(Object.entries(update).filter(([, x]) => x !== undefined)))
    ctx.out(ctx.json ? JSON.stringify(a, null, 2) : describeClaim(ctx, a))
  },

  async signoff(ctx) {
    const action = ctx.args.positionals[2]
    if (action !== 'approve' && action !== 'return' && action !== 'propose') throw new UsageError('signoff takes approve, return (with --reason) or propose, after the claim: copydesk signoff 3 1f2e4c5d approve')
    const ref = claimRef(ctx)
    const reason = typeof ctx.args.values.reason === 'string' ? ctx.args.values.reason : undefined
    const a = await call<Annotation>(ctx, 'signOffClaim', { ...ref, action, reason })
    ctx.out(ctx.json ? JSON.stringify(a, null, 2) : describeClaim(ctx, a))
  }
}

function describeClaim(ctx: Context, a: Annotation): string {
  if (a.kind !== 'claim') return `${a.kind} ${a.id}`
  const f = a.fields
  const name = (id: string | null): string => (id ? person(ctx, id, false).name : 'no one')
  const signoff = f.signoff === 'none' ? '' : `, ${SIGNOFF_LABELS[f.signoff].toLowerCase()}${f.signedOffBy ? ` by ${name(f.signedOffBy)}` : ''}`
  return `“${clip(a.anchor.exact, 60)}”: ${CLAIM_STATUS_LABELS[f.status]}${signoff}; checker ${name(f.checkerId)}, reviewer ${name(f.reviewerId)}${f.due ? `, due ${f.due}` : ''}.`
}
