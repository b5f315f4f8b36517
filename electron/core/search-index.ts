import type { Article } from '../../shared/article.js'
import { type SearchHit, searchTerms } from '../../shared/search-text.js'
import { searchNormalized, searchTokens } from '../../shared/search-tokens.js'
import type { ArticleGlance } from '../../shared/stored-schemas.js'
import { Matches } from './search/candidates.js'
import type { Glanced } from './search/glance-cache.js'
import { weightOf } from './search/postings.js'
import { MemorySegment, type Segment } from './search/segment.js'
import { encodeText } from './search/texts.js'
import {
  type SearchFilter,
  matchesFilter,
  newer,
  searchableText,
  snippetFor,
  typedStems,
} from './search-hits.js'
import type { IndexRow } from './storage/library-index.js'

export { type SearchFilter, matchesFilter } from './search-hits.js'

/** A search of the index. */
export interface SearchRequest {
  query: string
  limit?: number
  offset?: number
  /** Relevance (a headline match first, then how early the words stand), or newest first. */
  sort?: 'relevance' | 'newest'
  filter?: SearchFilter
}

/** A hit with what the library view shows beside it. */
export interface RankedHit extends SearchHit {
  section: string
  state: string
  updatedAt: string
}

/** What the index needs from the library: its rows, and an article's text when a hit is shown. */
export interface SearchLibrary {
  row(id: string): IndexRow | undefined
  /** Headline and paragraphs, or null when unreadable (the hit is then left out). */
  glance(row: IndexRow): Glanced | null
}

/** What the index holds besides its parts: which article each number is, and the next number. */
export interface SearchDocs {
  next: number
  /** Article id, its `updatedAt` when indexed, its number. */
  docs: [string, string, number][]
}

/**
 * The library's search index, an inverted index of our own: every article's headline, kicker,
 * summary, tags and body, normalised and lightly stemmed by our tokenizer, each term's articles
 * with a weight byte (in the headline; how early). FlexSearch and MiniSearch keep every posting
 * in JavaScript arrays — 0.4 GB of heap and a 2 s load for a 100,000-article archive, measured —
 * so the postings live in parts on disk (search/segments), read a list at a time; only the
 * terms and the newest articles are in memory. It holds only derived data: rebuilt from the
 * articles when missing, damaged or stale.
 */
export class SearchIndex {
  /** Written parts and parts being written, in rising article-number order. */
  private parts: Segment[] = []
  private live = new MemorySegment()
  /** Article id → [updatedAt indexed, number]. */
  private readonly docs = new Map<string, [string, number]>()
  private readonly ids = new Map<number, string>()
  /**
   * A changed article gets a new number, so numbers rise in the order articles changed (newest
   * first is highest first) and parts never overlap; its old postings are passed over until a
   * merge drops them.
   */
  private nextNumber = 1
  private changesSinceSave = 0
  private changesAtFreeze = 0

  constructor(state?: SearchDocs, parts: Segment[] = []) {
    if (!state) return
    this.parts = parts
    this.nextNumber = state.next
    for (const [id, updatedAt, number] of state.docs) {
      this.docs.set(id, [updatedAt, number])
      this.ids.set(number, id)
      this.nextNumber = Math.max(this.nextNumber, number + 1)
    }
    for (const part of parts) this.nextNumber = Math.max(this.nextNumber, part.last + 1)
  }

  /** Whether the index holds an article at this revision time. */
  holds(id: string, updatedAt: string): boolean {
    return this.docs.get(id)?.[0] === updatedAt
  }

  /** The ids the index holds, with what it holds of each. */
  entries(): IterableIterator<[string, [string, number]]> {
    return this.docs.entries()
  }

  get size(): number {
    return this.docs.size
  }

  /** Whether anything changed since the index was last saved or loaded. */
  get dirty(): boolean {
    return this.changesSinceSave > 0
  }

  /** How many articles were put or dropped since the index was last saved or loaded. */
  get changes(): number {
    return this.changesSinceSave
  }

  /** How many articles are only in memory, waiting to be written as a part. */
  get unwritten(): number {
    return this.live.docs
  }

  /** How much of the postings belong to no article any more (0 to 1). */
  get deadShare(): number {
    const held = this.live.docs + this.parts.reduce((sum, part) => sum + part.docs, 0)
    return (held - this.docs.size) / Math.max(1, held)
  }

  /** Adds or replaces an article. */
  put(article: Article): void {
    const known = this.docs.get(article.id)
    if (known) this.ids.delete(known[1])
    const number = this.nextNumber++
    const headline = new Set(searchTokens(article.headline))
    const weighted = new Map<string, number>()
    searchTokens(searchableText(article)).forEach((token, position) => {
      if (!weighted.has(token)) weighted.set(token, weightOf(headline.has(token), position))
    })
    this.live.add(number, weighted, encodeText(article))
    this.docs.set(article.id, [article.updatedAt, number])
    this.ids.set(number, article.id)
    this.changesSinceSave++
  }

  /** Removes an article (trashed, or gone from the library). */
  drop(id: string): void {
    const known = this.docs.get(id)
    if (!known) return
    this.docs.delete(id)
    this.ids.delete(known[1])
    this.changesSinceSave++
  }

  /** What a hit shows of an article, as indexed at this `updatedAt`; null when it is not. */
  textOf(id: string, updatedAt: string): ArticleGlance | null {
    const known = this.docs.get(id)
    if (known?.[0] !== updatedAt) return null
    const number = known[1]
    const part = [...this.parts, this.live].find((p) => number >= p.first && number <= p.last)
    return part?.text(number) ?? null
  }

  /** Whether an article number is one the index still holds (not replaced or removed). */
  readonly alive = (number: number): boolean => this.ids.has(number)

  /** How many of the articles the index holds lie in these parts. */
  aliveIn(parts: readonly Segment[]): number {
    let count = 0
    for (const number of this.ids.keys()) {
      if (parts.some((part) => number >= part.first && number <= part.last)) count++
    }
    return count
  }

  /**
   * The in-memory articles set aside as a part of their own, to be written: they stay
   * searchable meanwhile, and new changes start a new in-memory part. Gives every part not yet
   * written (one left by a write that failed, too).
   */
  freeze(): Segment[] {
    if (this.live.docs > 0) {
      this.parts.push(this.live)
      this.live = new MemorySegment()
    }
    this.changesAtFreeze = this.changesSinceSave
    return this.parts.filter((part) => part.name === null)
  }

  /** Parts replaced by one that holds their articles (written or merged); the old ones closed. */
  replace(old: readonly Segment[], by: Segment): void {
    const at = this.parts.indexOf(old[0]!)
    this.parts = this.parts.filter((part) => !old.includes(part))
    this.parts.splice(at, 0, by)
    for (const part of old) part.close()
  }

  /** The written parts, oldest first. */
  written(): Segment[] {
    return this.parts.filter((part) => part.name !== null)
  }

  /**
   * What a manifest keeps beside the written parts: only articles whose postings are in them
   * (the ones changed while the parts were written are in memory, and are read again at the
   * next open if they are not written by then). The changes up to the last freeze count as saved.
   */
  state(): SearchDocs {
    this.changesSinceSave -= this.changesAtFreeze
    this.changesAtFreeze = 0
    const written = this.written().at(-1)?.last ?? 0
    const docs: [string, string, number][] = []
    for (const [id, [updatedAt, number]] of this.docs) {
      if (number <= written) docs.push([id, updatedAt, number])
    }
    return { next: this.nextNumber, docs }
  }

  close(): void {
    for (const part of this.parts) part.close()
    this.parts = []
  }

  /**
   * The known stems a typed beginning may end as: the word itself, then the commonest longer
   * ones. A beginning the stemmer cannot take apart yet («الب», «وال») is also tried without its
   * article, as the word it is becoming will be indexed («البرلمان» as «برلمان»).
   */
  private completions(typed: string, most = 4): string[] {
    const found = new Map<string, number>()
    for (const prefix of typedStems(typed)) {
      for (const part of [...this.parts, this.live]) part.prefixed(prefix, found)
    }
    found.delete(typed)
    // Each ending is one more pass over its postings: the commonest few, not every one.
    const commonest = [...found].sort((a, b) => b[1] - a[1]).slice(0, most - 1)
    return [typed, ...commonest.map(([token]) => token)]
  }

  /**
   * Every article holding all the query's words (the last one also as the beginning of a longer
   * word, while it is being typed; a phrase in quotes together), ranked, filtered, one page.
   */
  async search(request: SearchRequest, library: SearchLibrary): Promise<RankedHit[]> {
    const terms = searchTerms(request.query)
    if (terms.length === 0) return []
    const limit = request.limit ?? 20
    const offset = request.offset ?? 0
    const phrases = terms.filter((term) => /\s/.test(term.trim()))
    const words = [...new Set(terms.flatMap((term) => searchTokens(term)))]
    if (words.length === 0) return []
    // The last word is still being typed unless the query ends with a space or a quote.
    const typing = !/[\s"»”]$/.test(request.query) && !/\s/.test(terms.at(-1)!.trim())
    const fixed = typing ? words.slice(0, -1) : words
    const endings = typing ? this.completions(words.at(-1)!) : [null]
    const matches = new Matches()
    const parts = [...this.parts, this.live]
    for (const ending of endings) matches.add(parts, ending ? [...fixed, ending] : fixed)
    // Enough candidates to rank and fill the page; phrases are checked on the articles, so a
    // phrase search reads more of them. Filters are checked here, on the rows.
    const wanted = offset + limit
    const reach = phrases.length > 0 ? Math.max(2_000, wanted * 20) : Math.max(100, wanted * 3)
    const rows = new Map<number, IndexRow>()
    const best = matches.best(reach, request.sort ?? 'relevance', (number) => {
      const id = this.ids.get(number)
      const row = id === undefined ? undefined : library.row(id)
      if (!row || !matchesFilter(row, request.filter)) return false
      rows.set(number, row)
      return true
    })
    const candidates = best.map(({ number, score }) => ({ row: rows.get(number)!, score }))
    candidates.sort((a, b) =>
      request.sort === 'newest' ? newer(a.row, b.row) : a.score - b.score || newer(a.row, b.row),
    )
    const hits: RankedHit[] = []
    const needles = phrases.map(searchNormalized)
    // Without phrases every candidate is a hit: only the page is read.
    const page = needles.length ? candidates : candidates.slice(offset, offset + limit)
    let skipped = 0
    for (let at = 0; at < page.length && hits.length < limit; at += limit) {
      const batch = page.slice(at, at + limit)
      for (const { row } of batch) {
        const article = hits.length < limit ? library.glance(row) : null
        if (!article) continue
        if (needles.length) {
          const folded = searchNormalized(searchableText(article))
          if (!needles.every((needle) => folded.includes(needle))) continue
          if (skipped++ < offset) continue
        }
        hits.push({
          id: article.id,
          headline: article.headline,
          snippet: snippetFor(article, terms),
          section: row.section,
          state: row.state,
          updatedAt: row.updatedAt,
        })
      }
    }
    return hits
  }
}
