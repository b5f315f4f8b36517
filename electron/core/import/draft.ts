import type { ArticleFields } from '../../../shared/article.js'
import type { DraftImage } from './draft-images.js'

/** What an importer makes of one file, before the desk stores it. */
export interface ImportedDraft {
  fields: Partial<ArticleFields> & { headline: string }
  /** The site's reader figures, when the file carries them. */
  visits?: number
  comments?: number
  warnings: string[]
  /** Images the file carried, named as the body and the featured image name them. */
  images?: DraftImage[]
  /** Images the file's HTML dropped already (links to other sites), for the report. */
  imagesLeftOut?: number
}

/** A file the importer refuses, with the reason (a parse error names the line). */
export class ImportError extends Error {}
