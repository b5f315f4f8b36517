import { type Article, type ArticleSummary, summarize } from '../../../shared/article.js'
import type { FileStamp } from '../../../shared/stored-schemas.js'

/** One row of the index: an article's summary, its tags, and the stamp of its file. */
export interface IndexRow extends ArticleSummary {
  tags: string[]
  stamp: FileStamp
}

/** The index row of an article read from (or written to) a file with this stamp. */
export function rowOf(article: Article, stamp: FileStamp): IndexRow {
  return { ...summarize(article), tags: article.tags, stamp }
}

/** An index row as the contract gives it: the summary, without the file's stamp. */
export function summaryOf(row: IndexRow): ArticleSummary {
  const { stamp, tags, ...summary } = row
  void stamp
  void tags
  return summary
}

/** The key of an article's headline and date, as duplicates are told on import. */
export function datedHeadline(headline: string, publishedAt: string | null | undefined): string {
  return `${headline.trim()}\u0000${publishedAt ?? ''}`
}
