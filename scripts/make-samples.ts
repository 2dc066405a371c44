/**
 * Generates the binary sample files under samples/:
 *
 *   samples/school-funding-audit.docx   article with a Title-style headline
 *   samples/housing-rents.docx          article with a Heading 1 headline
 *   samples/broken/binary.txt           4 KiB of pseudo-random bytes (with NULs)
 *   samples/broken/truncated.docx       the first half of school-funding-audit.docx
 *
 * Run with `npx tsx scripts/make-samples.ts`. The output is byte-for-byte
 * deterministic (fixed seed, fixed zip timestamps, fixed core-property dates and
 * hyperlink relationship ids), so re-running it does not dirty the checkout.
 * The text files, HTML, Markdown and the other broken inputs are hand-written.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import JSZip from 'jszip'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SAMPLES = join(ROOT, 'samples')
const BROKEN = join(SAMPLES, 'broken')

interface DocxArticle {
  file: string
  headlineStyle: 'title' | 'heading1'
  headline: string
  byline: string
  outlet: string
  url: string
  /** ISO date, also used for the core properties and the zip entries' timestamps. */
  date: string
  /** The date as printed in the dateline. */
  dateline: string
  /** Body paragraphs; **bold** and *italic* spans become formatted runs. */
  body: string[]
  keywords: string
  description: string
}

/** Splits "plain **bold** plain *italic*" into formatted runs. */
function runs(text: string): TextRun[] {
  const out: TextRun[] = []
  const re = /\*\*(.+?)\*\*|\*(.+?)\*/g
  let last = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(new TextRun(text.slice(last, m.index)))
    if (m[1] !== undefined) out.push(new TextRun({ text: m[1], bold: true }))
    else out.push(new TextRun({ text: m[2], italics: true }))
    last = m.index + m[0].length
  }
  if (last < text.length) out.push(new TextRun(text.slice(last)))
  return out
}

function buildDocument(a: DocxArticle): Document {
  const children: Paragraph[] = [
    new Paragraph({
      heading: a.headlineStyle === 'title' ? HeadingLevel.TITLE : HeadingLevel.HEADING_1,
      children: [new TextRun(a.headline)],
    }),
    new Paragraph({ children: [new TextRun({ text: a.byline, italics: true })] }),
    new Paragraph({
      children: [
        new TextRun(`${a.outlet} · ${a.dateline} · `),
        new ExternalHyperlink({ link: a.url, children: [new TextRun({ text: a.url, style: 'Hyperlink' })] }),
      ],
    }),
    ...a.body.map((p) => new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 160 }, children: runs(p) })),
  ]
  return new Document({
    title: a.headline,
    creator: a.byline.replace(/^By\s+/, ''),
    lastModifiedBy: a.byline.replace(/^By\s+/, ''),
    subject: a.outlet,
    description: a.description,
    keywords: a.keywords,
    revision: 1,
    customProperties: [
      { name: 'Outlet', value: a.outlet },
      { name: 'URL', value: a.url },
      { name: 'PublishedDate', value: a.date },
    ],
    sections: [{ children }],
  })
}

/**
 * The docx package stamps "now" into docProps/core.xml and the zip entries, and gives
 * hyperlinks random relationship ids. Rewrite those so the output is reproducible.
 */
async function makeDeterministic(buf: Buffer, isoDate: string): Promise<Buffer> {
  const when = `${isoDate}T08:00:00Z`
  const fixed = new Date(when)
  const src = await JSZip.loadAsync(buf)
  const names = Object.keys(src.files).filter((n) => !src.files[n].dir).sort()
  const texts = new Map<string, string>()
  for (const n of names) texts.set(n, await src.files[n].async('string'))

  const core = texts.get('docProps/core.xml')
  if (core) {
    texts.set(
      `docProps/core.xml`,
      core
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${when}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${when}$2`),
    )
  }

  // Every id that is not rId<n> was made up at random: number them in order of appearance.
  const rels = texts.get('word/_rels/document.xml.rels') ?? ''
  const randomIds = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]).filter((id) => !/^rId\d+$/.test(id))
  randomIds.forEach((id, i) => {
    for (const n of names) {
      const t = texts.get(n)!
      if (t.includes(id)) texts.set(n, t.split(id).join(`rIdLink${i + 1}`))
    }
  })

  const out = new JSZip()
  // [Content_Types].xml first, as Word writes it.
  const ordered = ['[Content_Types].xml', ...names.filter((n) => n !== '[Content_Types].xml')]
  for (const n of ordered) out.file(n, texts.get(n)!, { date: fixed, createFolders: false })
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/** mulberry32: a tiny seeded PRNG, so binary.txt is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function binaryBytes(size: number, seed: number): Buffer {
  const rand = prng(seed)
  const buf = Buffer.alloc(size)
  for (let i = 0; i < size; i++) buf[i] = Math.floor(rand() * 256)
  // Make sure there are plenty of NULs, including a run of them and one in the first bytes
  // (the usual "is this binary?" sniff looks at the start of the file).
  buf[3] = 0
  for (let i = 0; i < size; i += 97) buf[i] = 0
  buf.fill(0, 2048, 2064)
  return buf
}

const ARTICLES: DocxArticle[] = [
  {
    file: 'school-funding-audit.docx',
    headlineStyle: 'title',
    headline: 'Audit finds state formula shortchanged 41 rural school districts by $83 million',
    byline: 'By Ruth Adebayo',
    outlet: 'The Prairie Sentinel',
    url: 'https://www.prairiesentinel.example/education/2026/09/15/audit-school-funding-formula-rural-districts',
    date: '2026-09-15',
    dateline: 'September 15, 2026',
    description: 'State auditor finds an outdated enrollment count cost 41 rural districts $83 million over three years.',
    keywords: 'education, school funding, state audit, rural districts',
    body: [
      `The state’s school funding formula shortchanged 41 rural districts by a combined **$83 million** over the past three school years, largely because it still counts students using a method written in 1994, according to a report released Monday by the state auditor.`,
      `The audit, *Equity in the Foundation Aid Formula*, found that the formula’s “sparsity adjustment,” meant to cover the higher cost of running small schools far apart, was calculated from enrollment counts taken each October. Districts that grew during the school year, often because of families moving for seasonal farm and meatpacking work, received nothing for students who arrived after that date.`,
      `"This is not a case of anyone gaming the system. The system simply stopped describing the state it was built for," State Auditor Gwendolyn Marsh told reporters at the Capitol. "The formula thinks it is still 1994."`,
      `The largest single shortfall was in the Wexford Valley district, which the audit said was underfunded by $6.2 million, or about 14% of its annual budget, over the three years. Wexford Valley’s enrollment grew 22% between October 2023 and May 2024, the fastest growth of any district in the state.`,
      `Superintendent Luis Carrasco said the district had cut two bus routes, left a middle school counselor position empty for two years and put off replacing a roof that now leaks into the library. “When I tell people we got the money for 1,180 kids and taught 1,440, they think I’m exaggerating,” he said. “I’m not. I have the attendance sheets.`,
      `“Every one of those 260 kids deserved a teacher, a seat and a bus, and for a lot of the year we were giving them two out of three.”`,
      `The Department of Education did not dispute the audit’s figures. In a written response included in the report, Commissioner Harold Benning wrote that the department “concurs with the finding” but that fixing it would require the Legislature to change the law, since the October count date is written into statute.`,
      `Benning added that a switch to average daily enrollment, which the audit recommends, would cost the state an estimated $31 million a year. That is less than 1% of the roughly $4.6 billion the state spends on K-12 education, according to the Legislative Fiscal Office.`,
      `Not every lawmaker is convinced. Rep. Dale Hutchins, who chairs the House Education Committee, said he would hold hearings but warned that any change would create “winners and losers.” Suburban districts whose enrollment falls during the year could lose money under a new count, he said. “I’ve heard from superintendents who say, ‘Don’t fix their problem by creating ours,’ and they have a point,” Hutchins said.`,
      `Two legislative staff members, who spoke on condition of anonymity because budget talks had not begun, said the governor’s office had privately signaled support for a phased change starting in the 2027-28 school year.`,
      `The audit also found smaller problems in how the formula handles students learning English. The state paid districts for 19,400 English learners in 2024-25, but the audit’s sample of records suggested the true number was about 6% higher, because some districts were slow to enter test results into the state system.`,
      `Rural districts have long argued that the formula is stacked against them. A lawsuit filed in 2019 by a coalition of 28 districts was dismissed in 2022, when the state Supreme Court ruled 4-3 that school funding levels were a question for the Legislature, not the courts. *“The remedy lies at the ballot box,”* Justice Elaine Forsythe wrote for the majority.`,
      `Carrasco said he was not counting on quick action. "We’ve been told help is coming for as long as I've been in this job," he said. "I'll believe it when the check clears."`,
    ],
  },
  {
    file: 'housing-rents.docx',
    headlineStyle: 'heading1',
    headline: 'Eastbrook rents rose 9.4% last year, fastest in the region, report finds',
    byline: 'By Sofia Lindqvist',
    outlet: 'Eastbrook Tribune',
    url: 'https://www.eastbrooktribune.example/local/2026/01/22/rents-rise-9-4-percent-fastest-in-region',
    date: '2026-01-22',
    dateline: 'January 22, 2026',
    description: 'Regional housing council report finds median rent in Eastbrook reached $1,870 in 2025.',
    keywords: 'housing, rents, Eastbrook, affordability',
    body: [
      `The median rent for an apartment in Eastbrook rose **9.4%** in 2025, to $1,870 a month, the fastest increase among the 14 cities in the metropolitan area and nearly triple the rate of inflation, according to an annual report by the Tri-County Housing Council released Thursday.`,
      `The increase was the city’s largest since the council began publishing the report in 2011. In neighboring Millford, rents rose 3.8%; across the region as a whole, they rose 4.6%, to a median of $1,715.`,
      `“Eastbrook has become the place people move when they’re priced out of somewhere else, and now it’s getting priced out, too,” said Ana Ferreira, the housing council’s research director. “There is no next town over anymore.”`,
      `The report points to a simple imbalance. Eastbrook added about 6,200 residents between 2022 and 2025 but issued permits for only 1,150 new homes, according to city records. The vacancy rate for rental apartments fell to 2.1%, the lowest in the region, compared with 5% to 7% in what economists generally consider a healthy market.`,
      `Mayor Vincent Adeyemi said the city was working to speed up approvals. "We have cut the average permit review from 11 months to seven," he told reporters at City Hall on Thursday afternoon. "That isn’t fast enough, and I'm not going to pretend it is."`,
      `Adeyemi also pointed to a zoning change approved in October that allows apartment buildings of up to four stories within half a mile of the city’s two commuter rail stations. The city’s planning department estimates the change could allow 3,000 new units over a decade.`,
      `Tenant advocates said the city’s plans would not help people facing steep increases now. Marcus Bell, an organizer with the Eastbrook Tenants Union, said the group had received 430 calls in December alone from renters who had been given notice of increases of 15% or more. *Four hundred and thirty calls*, he said, was more than the union received in the whole of 2021.`,
      `"People tell me, 'I've lived here 20 years, I coach Little League here, and I just got a letter telling me to find somewhere else,'" Bell said. "That is what 9.4% looks like at a kitchen table.`,
      `"The mayor keeps talking about 2030. My members are talking about March."`,
      `The union is pushing for a measure that would cap annual increases at 5% plus inflation for buildings more than 15 years old. The city council is expected to debate the proposal next month, though a majority of members have said they oppose rent control, according to a survey by the Tribune in December.`,
      `Landlords warned that a cap would backfire. The Eastbrook Property Owners Association wrote in a letter to the council that rent limits in other cities had “reduced the supply of rental housing and shifted investment elsewhere,” and that property taxes and insurance premiums for its members had risen by an average of 12% last year.`,
      `Several large property managers have been raising rents faster than smaller owners, according to people familiar with the housing council’s research, who asked not to be named because the underlying data had not been published. The report itself does not name any companies.`,
      `The council found that a household would need to earn about $74,800 a year to afford the median rent without spending more than 30% of its income on housing. The median income for renter households in Eastbrook was $52,300 in 2024, the most recent year available.`,
      `Ferreira said the gap had roughly doubled since 2019. “Five years ago a teacher and a nurse sharing a two-bedroom could live here comfortably,” she said. “Today they’re spending 41% of what they earn on rent, and they’re the lucky ones.”`,
    ],
  },
]

async function main(): Promise<void> {
  mkdirSync(BROKEN, { recursive: true })
  const written: Record<string, Buffer> = {}
  for (const a of ARTICLES) {
    const raw = await Packer.toBuffer(buildDocument(a))
    const buf = await makeDeterministic(raw, a.date)
    writeFileSync(join(SAMPLES, a.file), buf)
    written[a.file] = buf
    console.log(`samples/${a.file}  ${buf.length} bytes`)
  }

  const truncatedFrom = written['school-funding-audit.docx']
  const truncated = truncatedFrom.subarray(0, Math.floor(truncatedFrom.length / 2))
  writeFileSync(join(BROKEN, 'truncated.docx'), truncated)
  console.log(`samples/broken/truncated.docx  ${truncated.length} bytes`)

  const binary = binaryBytes(4096, 0xc0defeed)
  writeFileSync(join(BROKEN, 'binary.txt'), binary)
  console.log(`samples/broken/binary.txt  ${binary.length} bytes`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
