import type { ArticleGlance } from '../../../shared/stored-schemas.js'
import { type Postings, PostingsWriter, decodePostings } from './postings.js'
import { decodeText } from './texts.js'

/**
 * A part of the search index: the postings of a run of article numbers. Older parts are files
 * read a list at a time (nothing of them held in memory but their terms); the newest
 * articles are in memory until they are written as a part of their own.
 */
export interface Segment {
  /** The part's file name, or null while it is only in memory. */
  readonly name: string | null
  /** How many articles it was written with (replaced ones included, until a merge). */
  readonly docs: number
  /** The lowest and highest article numbers it holds (parts never overlap). */
  readonly first: number
  readonly last: number
  /** The size of its postings, in bytes. */
  readonly bytes: number
  /** The postings of one term, or null when no article of the part holds it. */
  postings(term: string): Postings | null
  /** Adds every term beginning with `prefix`, with how many articles hold it, to `into`. */
  prefixed(prefix: string, into: Map<string, number>): void
  /** Every term, in code-unit order. */
  terms(): string[]
  /** What a hit shows of the article under this number, or null when the part lacks it. */
  text(number: number): ArticleGlance | null
  /** Every article's text, encoded (see texts.ts), in rising number order: what a merge copies. */
  records(): Iterable<[number, Uint8Array]>
  close(): void
}

/** Code-unit order, the same in memory, on disk and in merges. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The newest articles' postings, in memory, in the same encoding as a part's file. */
export class MemorySegment implements Segment {
  readonly name = null
  private readonly lists = new Map<string, PostingsWriter>()
  private readonly texts = new Map<number, Uint8Array>()
  docs = 0
  bytes = 0
  first = 0
  last = 0

  /** An article's terms, each with its weight (see weightOf), and its text; numbers only rise. */
  add(number: number, weighted: Map<string, number>, text: Uint8Array): void {
    this.texts.set(number, text)
    for (const [term, weight] of weighted) {
      let list = this.lists.get(term)
      if (!list) this.lists.set(term, (list = new PostingsWriter()))
      const before = list.length
      list.add(number, weight)
      this.bytes += list.length - before
    }
    if (this.docs++ === 0) this.first = number
    this.last = number
  }

  postings(term: string): Postings | null {
    const list = this.lists.get(term)
    return list ? decodePostings(list.bytes.subarray(0, list.length), list.count) : null
  }

  prefixed(prefix: string, into: Map<string, number>): void {
    for (const [term, list] of this.lists) {
      if (term.startsWith(prefix)) into.set(term, (into.get(term) ?? 0) + list.count)
    }
  }

  terms(): string[] {
    return [...this.lists.keys()].sort(byCodeUnit)
  }

  text(number: number): ArticleGlance | null {
    const text = this.texts.get(number)
    return text ? decodeText(text) : null
  }

  records(): Iterable<[number, Uint8Array]> {
    // A Map keeps the order its keys went in: rising numbers.
    return this.texts.entries()
  }

  close(): void {}
}
