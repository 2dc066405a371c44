import type { Annotation } from '../../src/shared/domain'
import { openStore, type Store } from '../../src/main/core/store'
import { annotationOn, newArticle } from './articles'

/**
 * A small archive written for the speaker tests: the same people named as different articles
 * name them ("Russian President Vladimir Putin", "Mr. Putin", "Putin"), two different Smiths,
 * and "George Bush" beside "George W. Bush". Every text is written here, none copied.
 */

interface Spec {
  headline: string
  outlet: string
  publishedAt: string
  paragraphs: string[]
  annotations: (text: string) => Annotation[]
}

const SPECS: Spec[] = [
  {
    headline: 'Kremlin signals it is open to new grain talks',
    outlet: 'Northwire',
    publishedAt: '2026-10-02',
    paragraphs: [
      'Russian President Vladimir Putin said on Monday that Moscow was ready to resume talks on grain shipments.',
      '“We have never closed the door to an agreement,” Mr. Putin told reporters in Sochi.',
      'According to Putin, Russian wheat exports rose 12 percent last year.'
    ],
    annotations: (t) => [
      annotationOn(t, 'Russian President Vladimir Putin', 'attribution', 'k-putin-1', { sourceName: 'Russian President Vladimir Putin', cue: 'said' }),
      annotationOn(t, '“We have never closed the door to an agreement,”', 'quote', 'k-quote-1', { speakerName: 'Mr. Putin' }),
      annotationOn(t, 'According to Putin', 'attribution', 'k-putin-2', { sourceName: 'Putin', cue: 'According to' }),
      annotationOn(t, 'Russian wheat exports rose 12 percent last year', 'claim', 'k-claim-1', { status: 'mostly_true', sourceId: 'k-putin-2' })
    ]
  },
  {
    headline: 'Grain corridor deal stalls as shipments slow',
    outlet: 'The Harbour Gazette',
    publishedAt: '2026-11-15',
    paragraphs: [
      'Vladimir Putin told an economic forum that “the corridor has worked only for the West, and shipments to Africa fell by half.”',
      'Officials in Odesa said ships were still loading.'
    ],
    annotations: (t) => [
      annotationOn(t, 'Vladimir Putin told', 'attribution', 'g-putin', { sourceName: 'Vladimir Putin', cue: 'told' }),
      annotationOn(t, '“the corridor has worked only for the West, and shipments to Africa fell by half.”', 'quote', 'g-quote', { speakerId: 'g-putin' }),
      annotationOn(t, 'shipments to Africa fell by half', 'claim', 'g-claim', { status: 'false' }),
      annotationOn(t, 'Officials in Odesa said', 'attribution', 'g-officials', { sourceName: 'Officials in Odesa', sourceType: 'anonymous', cue: 'said' })
    ]
  },
  {
    headline: 'Council delays vote on harbour bridge repairs',
    outlet: 'The Riverton Ledger',
    publishedAt: '2026-09-20',
    paragraphs: [
      'Councillor John Smith said the repairs would cost $18 million, twice the first estimate.',
      '“We cannot keep patching a bridge that carries 40,000 cars a day,” Smith said.'
    ],
    annotations: (t) => [
      annotationOn(t, 'Councillor John Smith said', 'attribution', 'b-smith', { sourceName: 'Councillor John Smith', cue: 'said' }),
      annotationOn(t, 'the repairs would cost $18 million', 'claim', 'b-claim', { status: 'true', sourceId: 'b-smith' }),
      annotationOn(t, '“We cannot keep patching a bridge that carries 40,000 cars a day,”', 'quote', 'b-quote', { speakerName: 'Smith' })
    ]
  },
  {
    headline: 'Hospital waiting lists grow for a third year',
    outlet: 'Northwire',
    publishedAt: '2026-11-01',
    paragraphs: [
      'Health board chief Jane Smith said waiting lists had grown by 9 percent since January.',
      '“The winter will be harder still,” Ms. Smith warned.'
    ],
    annotations: (t) => [
      annotationOn(t, 'Health board chief Jane Smith said', 'attribution', 'h-smith', { sourceName: 'Health board chief Jane Smith', cue: 'said' }),
      annotationOn(t, 'waiting lists had grown by 9 percent since January', 'claim', 'h-claim', { status: 'in_review', sourceId: 'h-smith' }),
      annotationOn(t, '“The winter will be harder still,”', 'quote', 'h-quote', { speakerName: 'Ms. Smith' })
    ]
  },
  {
    headline: 'Ferry operator blames fuel prices for cuts',
    outlet: 'The Harbour Gazette',
    publishedAt: '2026-08-11',
    paragraphs: ['“Fuel doubled in price in two years,” Smith, the operator’s spokesman, said.'],
    annotations: (t) => [annotationOn(t, '“Fuel doubled in price in two years,”', 'quote', 'f-quote', { speakerName: 'Smith' })]
  },
  {
    headline: 'Library archive opens presidential papers',
    outlet: 'The Riverton Ledger',
    publishedAt: '2026-07-04',
    paragraphs: ['“Read them before you judge,” George Bush wrote in a note now on display.', 'The archive also holds letters from George W. Bush, who said “the record will speak.”'],
    annotations: (t) => [
      annotationOn(t, '“Read them before you judge,”', 'quote', 'p-quote-1', { speakerName: 'George Bush' }),
      annotationOn(t, '“the record will speak.”', 'quote', 'p-quote-2', { speakerName: 'George W. Bush' })
    ]
  }
]

/** Ids of what the archive holds, for the tests to check against. */
export const SPEAKER_ARTICLES = SPECS.map((s) => s.headline)

/** Writes the archive into `store`, oldest article first; returns the article ids in SPECS order. */
export function seedSpeakers(store: Store): number[] {
  return SPECS.map((s) => {
    const a = newArticle(s.paragraphs, s.headline)
    const text = s.paragraphs.join('\n\n')
    return store.insertArticle({ ...a, outlet: s.outlet, publishedAt: s.publishedAt }, s.annotations(text), 'Ana Ruiz').id
  })
}

/** Makes a library file holding the archive (for the command line and the browser door). */
export function seedSpeakerFile(file: string): void {
  const store = openStore(file)
  try {
    seedSpeakers(store)
  } finally {
    store.close()
  }
}
