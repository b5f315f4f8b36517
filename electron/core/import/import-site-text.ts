import { paragraphsToDelta } from '../../../shared/delta.js'
import { parseSiteText } from '../../../shared/site-text.js'
import { type ImportedDraft, ImportError } from './draft.js'

/** Imports the site's plain-text article, keeping every code point and the reader figures. */
export function importSiteText(text: string, timeZone: string): ImportedDraft {
  const parsed = parseSiteText(text, timeZone)
  if (!parsed.ok) throw new ImportError(parsed.reason)
  const { headline, publishedAt, section, visits, comments, paragraphs } = parsed.article
  return {
    fields: { headline, publishedAt, section, body: paragraphsToDelta(paragraphs) },
    visits,
    comments,
    warnings: parsed.warnings,
  }
}
