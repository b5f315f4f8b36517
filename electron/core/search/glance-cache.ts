import type { ArticleGlance } from '../../../shared/stored-schemas.js'
import type { SnippetSource } from '../search-hits.js'

/** An article as a list of hits shows it, with its paragraphs normalised as snippets need them. */
export type Glanced = ArticleGlance & SnippetSource

/**
 * The articles hits showed lately, bounded by their characters. A search typed a letter at a
 * time shows the same articles again and again, and the newest of a common word's articles
 * come up in many searches: reading and parsing each file again costs 0.1–0.2 ms a hit here,
 * a third of a page of hits. Keyed by the article's `updatedAt`, so a changed article is read
 * again; never the only copy of anything.
 */
export class GlanceCache {
  private readonly kept = new Map<string, { updatedAt: string; glance: Glanced; size: number }>()
  private characters = 0

  /** `budget`: characters of text kept at most (3,000,000: about 6 MB, 250 long articles). */
  constructor(private readonly budget = 3_000_000) {}

  /** The article at this `updatedAt`, from the cache or read; null when unreadable (not kept). */
  get(id: string, updatedAt: string, read: () => ArticleGlance | null): Glanced | null {
    const known = this.kept.get(id)
    if (known) {
      this.kept.delete(id)
      this.characters -= known.size
      if (known.updatedAt === updatedAt) return this.keep(id, updatedAt, known.glance, known.size)
    }
    const glance = read()
    if (!glance) return null
    // Counted twice: its paragraphs, and their normalised forms as snippets fill them in.
    let size = glance.headline.length + glance.kicker.length + glance.summary.length
    for (const paragraph of glance.text) size += 2 * paragraph.length
    return this.keep(id, updatedAt, { ...glance, normalized: [] }, size)
  }

  private keep(id: string, updatedAt: string, glance: Glanced, size: number): Glanced {
    this.kept.set(id, { updatedAt, glance, size })
    this.characters += size
    // Oldest first: a Map iterates in the order its keys went in.
    for (const [oldest, entry] of this.kept) {
      if (this.characters <= this.budget || oldest === id) break
      this.kept.delete(oldest)
      this.characters -= entry.size
    }
    return glance
  }
}
