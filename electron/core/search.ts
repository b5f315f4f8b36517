import type { Article, ArticleSummary } from '../../shared/article.js'
import {
  type SearchHit,
  findAll,
  findTerms,
  foldedForSearch,
  searchTerms,
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
 * Searches headlines and text for every term of the query (words in any order; a phrase in
 * quotes together) with newsroom.md's folding (alef forms, ى/ي, ة/ه, tashkeel,
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

  return async (query: string, limit = 200): Promise<SearchHit[]> => {
    const terms = searchTerms(query)
    const needles = terms.map(foldedForSearch)
    if (needles.length === 0) return []
    const rows = await source.list()
    const listed = new Set(rows.map((row) => row.id))
    for (const id of kept.keys()) if (!listed.has(id)) kept.delete(id)
    const hits: SearchHit[] = []
    for (const row of rows) {
      if (hits.length >= limit) break
      const entry = await searchable(row)
      if (!entry || !needles.every((needle) => entry.folded.includes(needle))) continue
      // Terms all in the headline show the text's opening; otherwise the place in the text where
      // the words stand together as typed, else where the first of them is.
      const inText =
        findAll(entry.text, terms.join(' '), { ignoreMarks: true })[0] ??
        findTerms(entry.text, terms)[0]
      const allInHeadline = terms.every(
        (term) => findAll(entry.headline, term, { ignoreMarks: true }).length > 0,
      )
      hits.push({
        id: row.id,
        headline: entry.headline,
        snippet:
          inText && !allInHeadline
            ? snippetAround(entry.text, inText.start, inText.end)
            : snippetAround(entry.text, 0, 0, 80),
      })
    }
    return hits
  }
}
