import { snippetAround, termMatches } from '../../shared/search-text.js'
import { searchNormalized } from '../../shared/search-tokens.js'
import type { ArticleGlance } from '../../shared/stored-schemas.js'
import type { IndexRow } from './storage/library-index.js'

/** What a search may narrow to, besides its words (the library view's filters). */
export interface SearchFilter {
  /** Words of the headline, folded and stemmed as a search folds them. */
  headline?: string
  priority?: number
  section?: string
  state?: string
  tag?: string
  byline?: string
  /** ISO dates: the article's publication date (else its last change) on or after / before. */
  from?: string
  to?: string
}

/** The text of an article the index holds: headline first, so early words rank higher. */
export function searchableText(article: ArticleGlance): string {
  return [
    article.headline,
    article.kicker,
    article.summary,
    article.tags.join(' '),
    ...article.text,
  ].join('\n')
}

export function newer(a: IndexRow, b: IndexRow): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0
}

/** Whether an index row passes the library view's filters. */
export function matchesFilter(row: IndexRow, filter: SearchFilter | undefined): boolean {
  if (!filter) return true
  if (filter.headline) {
    const headline = searchNormalized(row.headline)
    if (
      !searchNormalized(filter.headline)
        .split(/\s+/)
        .every((word) => headline.includes(word))
    ) {
      return false
    }
  }
  if (filter.section && row.section !== filter.section) return false
  if (filter.priority && row.priority !== filter.priority) return false
  if (filter.state && row.state !== filter.state) return false
  if (filter.byline && !searchNormalized(row.byline).includes(searchNormalized(filter.byline))) {
    return false
  }
  if (filter.tag) {
    const tag = searchNormalized(filter.tag)
    if (!row.tags.some((t) => searchNormalized(t) === tag)) return false
  }
  const day = (row.publishedAt ?? row.updatedAt).slice(0, 10)
  if (filter.from && day < filter.from.slice(0, 10)) return false
  if (filter.to && day > filter.to.slice(0, 10)) return false
  return true
}

/**
 * An article's text as a hit shows it: the paragraphs, and each one normalised for search the
 * first time a snippet looks at it (kept with the article in the glance cache, so a search typed
 * a letter at a time normalises each paragraph once).
 */
export interface SnippetSource {
  headline: string
  text: string[]
  normalized: (string | undefined)[]
}

// Words all in the headline show the text's opening; otherwise the paragraph where the words
// stand together as typed, else one holding all of them, else the first holding one.
export function snippetFor(source: SnippetSource, terms: string[]): string {
  const paragraphs = source.text
  const opening = () => snippetAround(paragraphs.join(' '), 0, 0, 80)
  const folded = terms.map(searchNormalized)
  const headline = searchNormalized(source.headline)
  if (folded.every((term) => headline.includes(term))) return opening()
  const together = searchNormalized(terms.join(' '))
  const text = (n: number) => (source.normalized[n] ??= searchNormalized(paragraphs[n]!))
  const first = (holds: (text: string) => boolean) => paragraphs.findIndex((_, n) => holds(text(n)))
  // The paragraph where the words stand together, else one with all of them, else any.
  let at = first((t) => t.includes(together))
  if (at < 0) at = first((t) => folded.every((term) => t.includes(term)))
  if (at < 0) at = first((t) => folded.some((term) => t.includes(term)))
  const paragraph = paragraphs[at]
  if (paragraph !== undefined) {
    const found = termMatches(paragraph, terms)
    const match = found.together ?? found.merged[0]
    if (match) return snippetAround(paragraph, match.start, match.end)
  }
  return opening()
}

/** The beginnings a typed (stemmed) word is completed from: itself, and itself without «ال». */
export function typedStems(typed: string): string[] {
  const article = /^(?:[وفبكل]?ال|لل)(.+)$/.exec(typed)
  return article ? [typed, article[1]!] : [typed]
}
