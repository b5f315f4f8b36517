import { getElementsByTagName, textContent } from 'domutils'
import { parseDocument } from 'htmlparser2'
import type { ArticleFields } from '../../../shared/article.js'
import { type ImportedDraft, ImportError } from './draft.js'
import { blockText, blocksToDelta, htmlToBlocks, sanitizeImportedHtml } from './html-to-delta.js'

/** Metadata an HTML, Markdown or DOCX file may carry beside its text. */
export interface DocumentMeta {
  title?: string
  section?: string
  byline?: string
  summary?: string
  publishedAt?: string
  tags?: string[]
}

const metaNames: Record<string, keyof DocumentMeta> = {
  'article:section': 'section',
  section: 'section',
  author: 'byline',
  'article:author': 'byline',
  byline: 'byline',
  description: 'summary',
  'og:description': 'summary',
  'article:published_time': 'publishedAt',
  date: 'publishedAt',
  pubdate: 'publishedAt',
  'dc.date': 'publishedAt',
  keywords: 'tags',
  'og:title': 'title',
}

/** Reads <meta> tags and <title> from raw HTML (parsed only; nothing in it ever runs). */
export function readHtmlMeta(html: string): DocumentMeta {
  const document = parseDocument(html)
  const meta: DocumentMeta = {}
  for (const element of getElementsByTagName('meta', document)) {
    const name = (element.attribs.name ?? element.attribs.property ?? '').toLowerCase()
    const key = metaNames[name]
    const content = element.attribs.content?.trim()
    if (!key || !content || meta[key] !== undefined) continue
    if (key === 'tags') meta.tags = splitTags(content)
    else meta[key] = content
  }
  const title = getElementsByTagName('title', document)[0]
  if (title && !meta.title) meta.title = textContent(title).trim() || undefined
  return meta
}

/** Tags from a comma list (Arabic or Latin commas), trimmed and without repeats. */
export function splitTags(list: string): string[] {
  return [
    ...new Set(
      list
        .split(/[,،]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ]
}

/** An ISO date from a document's own date text, or undefined when it does not read as one. */
export function readDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

/**
 * A draft from HTML: sanitised, the first h1 as the headline (else the meta title), the rest as
 * the body, and the metadata the file carries. `directions` overrides each block's direction
 * in order (DOCX keeps its paragraphs' bidi this way).
 */
export function draftFromHtml(
  html: string,
  meta: DocumentMeta,
  directions?: ('rtl' | 'ltr')[],
): ImportedDraft {
  const blocks = htmlToBlocks(sanitizeImportedHtml(html))
  if (directions && directions.length === blocks.length) {
    blocks.forEach((block, index) => (block.dir = directions[index] ?? block.dir))
  }
  const warnings: string[] = []
  const headingIndex = blocks.findIndex((block) => block.kind === 'h1')
  let headline = meta.title ?? ''
  if (headingIndex >= 0) {
    headline = blockText(blocks[headingIndex]!).trim()
    blocks.splice(headingIndex, 1)
  }
  if (!headline)
    throw new ImportError('no headline: expected an h1 heading, a title, or a Title paragraph')
  const fields: ImportedDraft['fields'] = { headline, body: blocksToDelta(blocks) }
  const publishedAt = readDate(meta.publishedAt)
  if (meta.publishedAt && !publishedAt)
    warnings.push(`the date «${meta.publishedAt}» was not understood`)
  const optional: Partial<ArticleFields> = {
    section: meta.section,
    byline: meta.byline,
    summary: meta.summary,
    publishedAt,
    tags: meta.tags,
  }
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(fields, { [key]: value })
  }
  return { fields, warnings }
}

/** Imports an HTML file. */
export function importHtml(html: string): ImportedDraft {
  return draftFromHtml(html, readHtmlMeta(html))
}
