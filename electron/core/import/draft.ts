import { type Reason, reasonText } from '../../../shared/reasons.js'
import type { ArticleFields } from '../../../shared/article.js'

/** An image a file carried inside it, to be stored beside the imported article. */
export interface DraftImage {
  /** The name the body (or the featured image) uses for it; unique within the draft. */
  file: string
  bytes: Uint8Array
}

/** What an importer makes of one file, before the desk stores it. */
export interface ImportedDraft {
  fields: Partial<ArticleFields> & { headline: string }
  /** The site's reader figures, when the file carries them. */
  visits?: number
  comments?: number
  /** What was odd about the file, as reasons (the report words them). */
  warnings: Reason[]
  /** Images the file carried, named as the body and the featured image name them. */
  images?: DraftImage[]
  /** The featured image as the file names it (a data URL or a relative path), to be taken in. */
  featuredSource?: { src: string; alt: string; caption: string }
  /** Images the file's HTML dropped already (links to other sites), for the report. */
  imagesLeftOut?: number
}

/** A file the importer refuses, with the reason (a parse error names the line). */
export class ImportError extends Error {
  constructor(readonly reason: Reason) {
    super(reasonText(reason))
  }
}
