import type { Article, ArticleSummary } from '../../shared/article.js'
import {
  type SearchHit,
  findAll,
  foldedForSearch,
  snippetAround,
} from '../../shared/search-text.js'
import { DeskFailure } from './failure.js'

/** Where a search reads articles from: the open desk's store, or a reader without the lock. */
export interface SearchSource {
  list(): Promise<readonly ArticleSummary[]> | readonly ArticleSummary[]
  get(id: string): Promise<Article>
  /** An article file that cannot be read is passed over (opening it names the fault). */
  onUnreadable?: (id: string, message: string) => void
}

interface Searchable {
  updatedAt: string
  headline: string
  text: string
  /** Headline and text folded for search, one line apart. */
  folded: string
}

/**
 * Searches headlines and text with newsroom.md's folding (alef forms, ى/ي, ة/ه, tashkeel,
 * tatweel, digit systems), newest first, as the library lists them. Each article's folded text
 * is kept between searches and read again only when the article changed (its `updatedAt`), so
 * the first search reads the library and later ones read only what was saved since.
 */
export function createSearch(source: SearchSource) {
  const kept = new Map<string, Searchable>()

  const searchable = async (row: ArticleSummary): Promise<Searchable | null> => {
    const known = kept.get(row.id)
    if (known?.updatedAt === row.updatedAt) return known
    let article: Article
    try {
      article = await source.get(row.id)
    } catch (error) {
      if (!(error instanceof DeskFailure)) throw error
      source.onUnreadable?.(row.id, error.message)
      return null
    }
    const text = article.text.join('\n')
    const entry = {
      updatedAt: row.updatedAt,
      headline: article.headline,
      text,
      folded: foldedForSearch(`${article.headline}\n${text}`),
    }
    kept.set(row.id, entry)
    return entry
  }

  return async (words: string, limit = 200): Promise<SearchHit[]> => {
    const query = words.trim().replace(/\s+/g, ' ')
    const needle = foldedForSearch(query)
    if (!needle) return []
    const rows = await source.list()
    const listed = new Set(rows.map((row) => row.id))
    for (const id of kept.keys()) if (!listed.has(id)) kept.delete(id)
    const hits: SearchHit[] = []
    for (const row of rows) {
      if (hits.length >= limit) break
      const entry = await searchable(row)
      if (!entry?.folded.includes(needle)) continue
      // A match in the headline shows the text's opening; one in the text shows its place.
      const inText = findAll(entry.text, query, { ignoreMarks: true })[0]
      const inHeadline = findAll(entry.headline, query, { ignoreMarks: true })[0]
      hits.push({
        id: row.id,
        headline: entry.headline,
        snippet:
          inText && !inHeadline
            ? snippetAround(entry.text, inText.start, inText.end)
            : snippetAround(entry.text, 0, 0, 80),
      })
    }
    return hits
  }
}
