import type { ClaimStatus } from '../domain'

/**
 * People in the news (not the desk's roster): every speaker and source the archive's quotes
 * and attributions name, as the contract gives them.
 */

/** One person in the list: who, under which names, and how much the archive has of them. */
export interface SpeakerSummary {
  /** Stable while the names stay: "vladimir-putin", or "smith@12" for a name kept to one article. */
  id: string
  name: string
  /** Names as written, most used first ("Mr. Putin", "Russian President Vladimir Putin"). */
  variants: string[]
  quoteCount: number
  claimCount: number
  articleCount: number
  /** The newest date they were quoted or cited (the article's date, else the annotation's). */
  lastSeen: string
}

/** One name in one article that makes up a person, which a split can take apart. */
export interface SpeakerPart {
  /** "putin@12": the name in article 12. */
  id: string
  name: string
  articleId: number
  headline: string
  mentions: number
  /** How it joined the person: by the name itself, by the user's merge, or kept apart by a split. */
  joined: 'name' | 'merge' | 'split'
}

/** A quote by the person or a claim sourced to them, with where it is. */
export interface SpeakerItem {
  annotationId: string
  kind: 'quote' | 'claim'
  articleId: number
  headline: string
  outlet: string
  /** The article's date, else when the annotation was made: what "newest first" sorts by. */
  date: string
  exact: string
  /** How the article names them here ("Mr. Putin"); '' for a claim. */
  nameAsWritten: string
  /** A claim's status (a verdict when checked); a quote's is null. */
  status: ClaimStatus | null
  /** Whether a quote was checked against its source; a claim's is null. */
  checked: boolean | null
}

export interface SpeakerDetail extends SpeakerSummary {
  parts: SpeakerPart[]
  /** Newest first. */
  quotes: SpeakerItem[]
  /** Newest first: claims sourced to them or inside their quotes. */
  claims: SpeakerItem[]
}
