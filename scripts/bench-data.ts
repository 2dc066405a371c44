import type { NodeJSON } from '../src/shared/schema'

// Words written for the benchmark (not taken from any corpus): newsroom vocabulary.
const WORDS = (
  'the council said budget million percent increase mayor city officials report according to data ' +
  'year since record highest lowest voters election campaign spokesperson statement department federal state ' +
  'county residents police schools hospital tax rate revenue spending deficit billion housing rent transit ' +
  'analysts warned expected announced reported added told reporters in a on for with by from that was were ' +
  'will would could more than less about nearly roughly last next week month Tuesday Monday survey poll'
).split(/\s+/)

/** A deterministic article of about `words` words: 50-word paragraphs of plausible news prose. */
export function generateArticle(words: number): { body: { type: 'doc'; content: NodeJSON[] }; text: string; words: number } {
  let seed = 42
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const paragraphs: string[] = []
  let count = 0
  while (count < words) {
    const w: string[] = []
    for (let i = 0; i < 50; i++) w.push(WORDS[Math.floor(next() * WORDS.length)])
    w[0] = w[0][0].toUpperCase() + w[0].slice(1)
    paragraphs.push(`${w.join(' ')}.`)
    count += 50
  }
  return {
    body: { type: 'doc', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) },
    text: paragraphs.join('\n\n'),
    words: count
  }
}
