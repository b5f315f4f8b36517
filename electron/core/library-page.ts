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
 * only the page; the rows are kept oldest first, so the default order (newest first) is read
 * from the end, and costs no sort.
 */
export function libraryPage(
  oldestFirst: readonly IndexRow[],
  request: { offset: number; limit: number; sort?: LibrarySort; filter?: SearchFilter },
): LibraryPage {
  const passing = request.filter
    ? oldestFirst.filter((row) => matchesFilter(row, request.filter))
    : oldestFirst
  const sort = request.sort ?? 'newest'
  const shown = (row: IndexRow) => ({ ...summaryOf(row), tags: row.tags })
  if (sort === 'newest') {
    const rows = []
    const end = Math.min(passing.length, request.offset + request.limit)
    for (let at = request.offset; at < end; at++)
      rows.push(shown(passing[passing.length - 1 - at]!))
    return { total: passing.length, rows }
  }
  // Newest first among equals, as before the sort.
  const ordered = [...passing].reverse().sort(orders[sort])
  return {
    total: ordered.length,
    rows: ordered.slice(request.offset, request.offset + request.limit).map(shown),
  }
}
