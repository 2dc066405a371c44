import { parseArgs } from 'node:util'

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {}

export interface Parsed {
  command: string
  positionals: string[]
  values: Record<string, string | boolean | undefined>
}

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  kind: { type: 'string' },
  quote: { type: 'string' },
  occurrence: { type: 'string' },
  status: { type: 'string' },
  note: { type: 'string' },
  comment: { type: 'string' },
  speaker: { type: 'string' },
  source: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  headline: { type: 'string' },
  kinds: { type: 'string' },
  statuses: { type: 'string' },
  internal: { type: 'boolean' },
  force: { type: 'boolean' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  offset: { type: 'string' },
  sort: { type: 'string' },
  // the desk (cli/desk.ts)
  all: { type: 'boolean' },
  role: { type: 'string' },
  initials: { type: 'string' },
  name: { type: 'string' },
  checker: { type: 'string' },
  reviewer: { type: 'string' },
  signoff: { type: 'string' },
  article: { type: 'string' },
  mine: { type: 'boolean' },
  'needs-review': { type: 'boolean' },
  due: { type: 'string' },
  reason: { type: 'string' },
  unapproved: { type: 'boolean' }
} as const

/** Splits argv into the command, its operands and its options. */
export function parse(argv: string[]): Parsed {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError(`${(err as Error).message.replace(/\. To specify.*$/s, '')} (see copydesk --help)`)
  }
  const [command = '', ...positionals] = parsed.positionals
  return { command, positionals, values: parsed.values as Parsed['values'] }
}

/** An operand that must be an article number. */
export function articleIdArg(s: string | undefined, what = 'article id'): number {
  if (s === undefined) throw new UsageError(`missing ${what} (a number from copydesk list, for example 12)`)
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new UsageError(`"${s}" is not an ${what} (a whole number such as 12)`)
  return Number(s)
}

/** A whole-number option such as --port. */
export function intOption(value: string | boolean | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}`)
  }
  return Number(value)
}

export const HELP = `copydesk — mark claims, quotes and attributions in news copy, from the command line

Usage: copydesk [--db <file>] [--json] <command> [arguments]

Commands:
  import <file...>          import .txt, .html, .md or .docx articles; a brat .ann
                            (with its .txt beside it) becomes an annotated article
  list [--sort updated|created|headline] [--limit N] [--cursor C | --offset N]
                            list articles, most recently edited first (or by date
                            added, or headline); --limit prints a page and the
                            command for the next one
  show <id>                 show one article's details and text
  delete <id>               delete an article
  annotations <id>          list an article's annotations, each with the start of its id
  annotate <id> --kind claim|quote|attribution --quote "<exact words>"
            [--occurrence N] [--status S] [--comment T] [--speaker NAME | --source NAME]
                            annotate the words (N-th occurrence when they repeat);
                            --comment starts its thread; --speaker names who a quote
                            quotes, --source who an attribution cites
  comments <id> <annotation>
                            an annotation's thread: its comments, open or resolved
  comment add <id> <annotation> "<words>"
                            add a comment to an annotation's thread
  comment edit|delete|restore <id> <annotation> <comment> ["<words>"]
                            change, delete or bring back a comment of your own
  comment resolve|reopen <id> <annotation>
                            resolve an annotation's thread, or reopen it
  import-annotations <id> <file>
                            add annotations from W3C JSON(-LD) or brat .ann
  export <id> --format html|pdf|md|docx|w3c|claimreview|brat|csv [-o <file>]
            [--kinds claim,quote,attribution] [--statuses false,misleading,...]
            [--internal] [--unapproved] [--force]
                            an annotated copy (stdout for text formats without -o);
                            --internal adds the desk's comments and history; a public
                            html, pdf, md, docx or claimreview copy has only approved
                            verdicts unless --unapproved; --force replaces an existing file
  search <query> [--limit N] [--cursor C | --offset N]
                            search headlines, bylines, outlets, links, text,
                            annotations, evidence, verdicts and names, best first;
                            filters: kind: status: speaker: outlet: byline: checker:
                            before: after: (see the README)
  checked-before <id> <annotation> | checked-before "<words>"
                            the desk's earlier claims that say the same thing, with
                            their verdicts, dates and articles
  claims [--status S,S] [--checker NAME|none] [--reviewer NAME] [--signoff proposed,...]
         [--article ID] [--mine] [--needs-review] [--sort changed|oldest|due]
         [--limit N] [--cursor C]
                            every claim of every article, a page at a time (the next
                            page's --cursor is said on stderr)
  claim <id> <annotation> [--status S] [--checker NAME] [--reviewer NAME] [--due YYYY-MM-DD]
                            assign a claim or set its status ("" or none: no one)
  signoff <id> <annotation> approve|return|propose [--reason T]
                            sign a verdict off as you (config set userId): an editor
                            approves it, or returns it saying why
  people [list [--all] | add <name> [--role checker|editor] [--initials XY]
         | set <name> [--name N] [--role R] [--initials XY] | archive <name> | unarchive <name>]
                            the desk roster
  config get [key] | config set <key> <value>
                            preferences: userName, userId, organisation, organisationUrl
  suggest <file|id>         suggest quotes, attributions and check-worthy claims
  serve [--port N]          serve the Copydesk app to a browser on this computer only (port 4720 unless it is taken)
  speakers [<word>]         people quoted or cited across the library, with counts
  speaker <name|id>         one person's quotes and claims, newest first, with verdicts
  speakers merge <a> <b>    say two names are one person (kept when names are re-read)
  speakers split <person> <part>
                            take a name back apart (speaker <name> lists the parts)
  backup [<file>] [--force] copy the library now (into backups/ beside it, or to <file>)
  backups                   list the library's backups, newest first
  restore <file>            put a backup in place of the library (the library as it
                            was is kept in backups/; refused while Copydesk has it open)

Options:
  --db <file>   the library file (default: the app's own, in your user data folder);
                a new one is made, and said so, if there is none there yet
  --json        machine-readable output on stdout
  -h, --help    this help
  --version     the version
`
