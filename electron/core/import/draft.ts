import type { ArticleFields } from '../../../shared/article.js'

/** What an importer makes of one file, before the desk stores it. */
export interface ImportedDraft {
  fields: Partial<ArticleFields> & { headline: string }
  /** The site's reader figures, when the file carries them. */
  visits?: number
  comments?: number
  warnings: string[]
}

/** A file the importer refuses, with the reason (a parse error names the line). */
export class ImportError extends Error {}
