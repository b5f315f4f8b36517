import { reason } from '../../../shared/reasons.js'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { type ImportedDraft, ImportError } from './draft.js'
import { draftFromHtml } from './import-html.js'

/**
 * The direction of each paragraph that has text, in document order, from `word/document.xml`:
 * mammoth drops `w:bidi`, so it is read here.
 */
export function docxParagraphDirections(docx: Uint8Array): ('rtl' | 'ltr')[] {
  const files = unzipSync(docx, { filter: (file) => file.name === 'word/document.xml' })
  const xml = files['word/document.xml']
  if (!xml) return []
  const directions: ('rtl' | 'ltr')[] = []
  for (const [paragraph] of strFromU8(xml).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    if (!/<w:t[ >]/.test(paragraph) || !/<w:t[^>]*>[^<]*\S/.test(paragraph)) continue
    const bidi = /<w:bidi(?:\s+w:val="([^"]*)")?\s*\/>/.exec(paragraph)
    const on = bidi !== null && !['0', 'false', 'off'].includes(bidi[1] ?? '1')
    directions.push(on ? 'rtl' : 'ltr')
  }
  return directions
}

/** Imports a DOCX file: a Title or Heading 1 paragraph as headline, paragraph direction kept. */
export async function importDocx(docx: Uint8Array): Promise<ImportedDraft> {
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(docx) },
      { styleMap: ["p[style-name='Title'] => h1:fresh"], ignoreEmptyParagraphs: true },
    )
    html = result.value
  } catch (error) {
    throw new ImportError(reason('import-docx-unreadable', { error: (error as Error).message }))
  }
  return draftFromHtml(html, {}, docxParagraphDirections(docx))
}
