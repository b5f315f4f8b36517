import type { ArticleSummary } from '../../shared/article.js'
import { matchesFilter, type SearchFilter } from './search-index.js'
import { type IndexRow, summaryOf } from './storage/library-index.js'

/** How a page of the library is ordered. */
export type LibrarySort = 'newest' | 'oldest' | 'headline' | 'published' | 'priority'

/** One page of the library and how many articles pass the filters in all. */
export interface LibraryPage {
  total: number
  rows: (ArticleSummary & { tags: string[] })[]
}

const byHeadline = new Intl.Collator('ar', { sensitivity: 'base', numeric: true })

const orders: Record<Exclude<LibrarySort, 'newest'>, (a: IndexRow, b: IndexRow) => number> = {
  oldest: (a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0),
  headline: (a, b) => byHeadline.compare(a.headline, b.headline),
  published: (a, b) =>
    (b.publishedAt ?? '') < (a.publishedAt ?? '')
      ? -1
      : (b.publishedAt ?? '') > (a.publishedAt ?? '')
        ? 1
        : 0,
  priority: (a, b) => a.priority - b.priority,
}

/**
 * A page of the library from the index rows in memory: filtered, sorted, sliced. The wire carries
 * only the page; the rows are already newest first, so the default order costs no sort.
 */
export function libraryPage(
  newestFirst: readonly IndexRow[],
  request: { offset: number; limit: number; sort?: LibrarySort; filter?: SearchFilter },
): LibraryPage {
  const passing = request.filter
    ? newestFirst.filter((row) => matchesFilter(row, request.filter))
    : newestFirst
  const sort = request.sort ?? 'newest'
  const ordered = sort === 'newest' ? passing : [...passing].sort(orders[sort])
  return {
    total: ordered.length,
    rows: ordered
      .slice(request.offset, request.offset + request.limit)
      .map((row) => ({ ...summaryOf(row), tags: row.tags })),
  }
}
