import { reason } from '../../../shared/reasons.js'
import type { ChildNode, Element } from 'domhandler'
import { isTag } from 'domhandler'
import { getElementsByTagName, getOuterHTML, removeElement, textContent } from 'domutils'
import { strFromU8, unzipSync } from 'fflate'
import { parseDocument } from 'htmlparser2'
import mammoth from 'mammoth'
import type { ArticleFields } from '../../../shared/article.js'
import { type ImportedDraft, ImportError } from './draft.js'
import { draftFromHtml, readDate, splitTags } from './import-html.js'

/**
 * The paragraph styles a Midad DOCX writes its parts in (export/docx-package.ts), and what each
 * becomes: the parts beside the body are read back as fields, not as paragraphs.
 */
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Kicker'] => p.midad-kicker:fresh",
  "p[style-name='Subtitle'] => p.midad-summary:fresh",
  "p[style-name='Article Meta'] => p.midad-meta:fresh",
  "p[style-name='Caption'] => p.midad-caption:fresh",
  "p[style-name='Correction'] => p.midad-correction:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Featured Image'] => p.midad-featured:fresh",
]

/** The styles (by id) whose paragraphs are not body text: their directions are not the body's. */
const partStyles = new Set(['Kicker', 'Subtitle', 'ArticleMeta', 'Caption', 'Correction'])

/**
 * The direction of each body paragraph that has text, in document order, from
 * `word/document.xml`: mammoth drops `w:bidi`, so it is read here.
 */
export function docxParagraphDirections(docx: Uint8Array): ('rtl' | 'ltr')[] {
  const files = unzipSync(docx, { filter: (file) => file.name === 'word/document.xml' })
  const xml = files['word/document.xml']
  if (!xml) return []
  const directions: ('rtl' | 'ltr')[] = []
  for (const [paragraph] of strFromU8(xml).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    if (!/<w:t[ >]/.test(paragraph) || !/<w:t[^>]*>[^<]*\S/.test(paragraph)) continue
    const style = /<w:pStyle\s+w:val="([^"]*)"/.exec(paragraph)?.[1] ?? ''
    if (partStyles.has(style)) continue
    const bidi = /<w:bidi(?:\s+w:val="([^"]*)")?\s*\/>/.exec(paragraph)
    const on = bidi !== null && !['0', 'false', 'off'].includes(bidi[1] ?? '1')
    directions.push(on ? 'rtl' : 'ltr')
  }
  return directions
}

/** The custom properties of a DOCX (`docProps/custom.xml`), by name, their text decoded. */
export function docxCustomProperties(docx: Uint8Array): Map<string, string> {
  const files = unzipSync(docx, { filter: (file) => file.name === 'docProps/custom.xml' })
  const xml = files['docProps/custom.xml']
  const found = new Map<string, string>()
  if (!xml) return found
  const document = parseDocument(strFromU8(xml), { xmlMode: true })
  for (const property of getElementsByTagName('property', document)) {
    const name = property.attribs.name
    if (name) found.set(name, textContent(property))
  }
  return found
}

/** Midad's fields from the custom properties its export writes (nothing for other files). */
function fieldsFromProperties(properties: Map<string, string>): Partial<ArticleFields> {
  const fields: Partial<ArticleFields> = {}
  const text = (name: string) => properties.get(`midad:${name}`)
  for (const name of [
    'kicker',
    'summary',
    'section',
    'byline',
    'place',
    'source',
    'slug',
  ] as const) {
    const value = text(name)
    if (value) fields[name] = value
  }
  const publishedAt = readDate(text('publishedAt'))
  if (publishedAt) fields.publishedAt = publishedAt
  const tags = text('tags')
  if (tags) {
    try {
      const list: unknown = JSON.parse(tags)
      if (Array.isArray(list)) fields.tags = list.filter((t): t is string => typeof t === 'string')
    } catch {
      fields.tags = splitTags(tags)
    }
  }
  return fields
}

const hasClass = (element: Element, name: string) =>
  (element.attribs.class ?? '').split(/\s+/).includes(name)

/**
 * Takes the parts out of mammoth's HTML: the kicker and summary paragraphs as fields, the
 * metadata and correction lines dropped (the properties carry them), and a caption under an
 * image joined to it as a figure, as the HTML importer reads captions.
 */
function separateParts(html: string): {
  body: string
  kicker?: string
  summary?: string
  featured?: { src: string; alt: string; caption: string }
} {
  const document = parseDocument(html)
  const paragraphs = getElementsByTagName('p', document)
  // First each caption onto the image above it, while the paragraphs are all still there.
  for (const p of paragraphs.filter((p) => hasClass(p, 'midad-caption'))) {
    const previous = previousElement(p)
    const image = previous && getElementsByTagName('img', previous)[0]
    if (image) image.attribs.title = textContent(p)
  }
  const parts: ReturnType<typeof separateParts> = { body: '' }
  for (const p of paragraphs) {
    if (hasClass(p, 'midad-kicker')) parts.kicker ??= textContent(p)
    else if (hasClass(p, 'midad-summary')) parts.summary ??= textContent(p)
    else if (hasClass(p, 'midad-featured')) {
      const image = getElementsByTagName('img', p)[0]
      if (image && !parts.featured) {
        const { src = '', alt = '', title = '' } = image.attribs
        parts.featured = { src, alt, caption: title }
      }
    } else if (
      !hasClass(p, 'midad-meta') &&
      !hasClass(p, 'midad-correction') &&
      !hasClass(p, 'midad-caption')
    )
      continue
    removeElement(p)
  }
  return { ...parts, body: getOuterHTML(document.children as ChildNode[]) }
}

function previousElement(node: ChildNode): Element | null {
  let previous = node.prev
  while (previous && !isTag(previous)) previous = previous.prev
  return previous && isTag(previous) ? previous : null
}

/**
 * Imports a DOCX file: a Title or Heading 1 paragraph as headline, paragraph direction kept;
 * one Midad wrote comes back with its fields (its custom properties and part styles).
 */
export async function importDocx(docx: Uint8Array): Promise<ImportedDraft> {
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(docx) },
      { styleMap, ignoreEmptyParagraphs: true },
    )
    html = result.value
  } catch (error) {
    throw new ImportError(reason('import-docx-unreadable', { error: (error as Error).message }))
  }
  const parts = separateParts(html)
  const draft = draftFromHtml(parts.body, {}, docxParagraphDirections(docx))
  const fields = { ...fieldsFromProperties(docxCustomProperties(docx)) }
  if (parts.kicker && !fields.kicker) fields.kicker = parts.kicker
  if (parts.summary && !fields.summary) fields.summary = parts.summary
  Object.assign(draft.fields, fields)
  if (parts.featured) draft.featuredSource = parts.featured
  return draft
}
