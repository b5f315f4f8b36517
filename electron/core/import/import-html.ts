import { activeContent } from './active-content.js'
import { type Reason, reason } from '../../../shared/reasons.js'
import type { Element } from 'domhandler'
import { isTag } from 'domhandler'
import { findOne, getElementsByTagName, getInnerHTML, textContent } from 'domutils'
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
 * A draft from HTML: sanitised, the first h1 as the headline (else the meta title; or the meta
 * title first, for front matter, which names the headline itself), the rest as the body, and
 * the metadata the file carries. `directions` overrides each block's direction in order (DOCX
 * keeps its paragraphs' bidi this way).
 */
export function draftFromHtml(
  html: string,
  meta: DocumentMeta,
  directions?: ('rtl' | 'ltr')[],
  headlineFrom: 'heading' | 'meta' = 'heading',
): ImportedDraft {
  const { blocks, imagesLeftOut } = htmlToBlocks(sanitizeImportedHtml(html))
  const textBlocks = blocks.filter((block) => block.kind !== 'image')
  if (directions && directions.length === textBlocks.length) {
    textBlocks.forEach((block, index) => (block.dir = directions[index] ?? block.dir))
  }
  const warnings: Reason[] = []
  // Dropped by the sanitiser, and said: a hostile file keeps its text and is noticed.
  const active = activeContent(html)
  if (active > 0) warnings.push(reason('import-active-removed', { count: active }))
  // A file that names its headline itself may still open with it as a heading: not kept twice.
  const opening = blocks[0]
  const repeated =
    opening?.kind === 'h1' && blockText(opening).trim() === meta.title?.trim() ? 0 : -1
  const headingIndex =
    headlineFrom === 'meta' && meta.title
      ? repeated
      : blocks.findIndex((block) => block.kind === 'h1')
  let headline = meta.title ?? ''
  if (headingIndex >= 0) {
    headline = blockText(blocks[headingIndex]!).trim()
    blocks.splice(headingIndex, 1)
  }
  if (!headline) throw new ImportError(reason('import-no-headline'))
  // Body images keep their src until the import stores them (settleImages).
  const fields: ImportedDraft['fields'] = { headline, body: blocksToDelta(blocks) }
  const publishedAt = readDate(meta.publishedAt)
  if (meta.publishedAt && !publishedAt)
    warnings.push(reason('import-date-unreadable', { date: meta.publishedAt }))
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
  return { fields, warnings, imagesLeftOut }
}

const hasClass = (element: Element, name: string) =>
  (element.attribs.class ?? '').split(/\s+/).includes(name)

/**
 * The parts of a page Midad exported (html-page.ts: an <article> holding p.kicker, the h1,
 * p.summary, the date line, a figure for the featured image, and div.body), or null for any
 * other page. Importing such a page gives back those fields, not extra paragraphs.
 */
function exportedPage(html: string) {
  const article = findOne((element) => element.name === 'article', parseDocument(html).children)
  if (!article) return null
  const children = article.children.filter(isTag)
  const body = children.find((child) => child.name === 'div' && hasClass(child, 'body'))
  const headline = children.find((child) => child.name === 'h1')
  if (!body || !headline) return null
  const text = (name: string) => {
    const element = children.find((child) => child.name === 'p' && hasClass(child, name))
    return element ? textContent(element).trim() : undefined
  }
  const figure = children.find((child) => child.name === 'figure')
  const img = figure && findOne((element) => element.name === 'img', figure.children)
  const caption = figure && findOne((element) => element.name === 'figcaption', figure.children)
  return {
    headline: textContent(headline).trim(),
    kicker: text('kicker'),
    summary: text('summary'),
    body: getInnerHTML(body),
    featured: img && {
      src: img.attribs.src ?? '',
      alt: img.attribs.alt ?? '',
      caption: caption ? textContent(caption).trim() : '',
    },
  }
}

/**
 * The fields a page's schema.org NewsArticle (JSON-LD) gives, as Midad's pages write it: the
 * section, a person's byline, the place, the publish date, the tags and the slug (the last part
 * of its address). Read as data from the raw page; a script that is not JSON is passed over.
 */
export function readNewsArticle(html: string): Partial<ArticleFields> {
  for (const script of getElementsByTagName('script', parseDocument(html))) {
    if ((script.attribs.type ?? '').toLowerCase() !== 'application/ld+json') continue
    let data: Record<string, unknown>
    try {
      data = JSON.parse(textContent(script)) as Record<string, unknown>
    } catch {
      continue
    }
    if (data['@type'] !== 'NewsArticle') continue
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined)
    const person = (Array.isArray(data.author) ? data.author : [data.author]).find(
      (author): author is { name: unknown } =>
        typeof author === 'object' &&
        author !== null &&
        (author as { '@type'?: unknown })['@type'] === 'Person',
    )
    const keywords = data.keywords
    const place = data.contentLocation as { name?: unknown } | undefined
    const address = text(data.mainEntityOfPage)
    let slug: string | undefined
    try {
      slug = address
        ? decodeURIComponent(new URL(address).pathname.split('/').pop() ?? '')
        : undefined
    } catch {
      slug = undefined
    }
    const fields: Partial<ArticleFields> = {
      section: text(data.articleSection),
      byline: text(person?.name),
      place: text(place?.name),
      publishedAt: readDate(text(data.datePublished)),
      tags: Array.isArray(keywords)
        ? keywords.filter((tag): tag is string => typeof tag === 'string' && tag !== '')
        : typeof keywords === 'string'
          ? splitTags(keywords)
          : undefined,
      slug: slug || undefined,
    }
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
  }
  return {}
}

/** Imports an HTML file; a page Midad exported comes back with all its fields and images. */
export function importHtml(html: string): ImportedDraft {
  const meta = readHtmlMeta(html)
  const page = exportedPage(html)
  if (!page) return draftFromHtml(html, meta)
  const draft = draftFromHtml(page.body, { ...meta, title: page.headline })
  Object.assign(draft.fields, readNewsArticle(html))
  if (page.kicker) draft.fields.kicker = page.kicker
  if (page.summary) draft.fields.summary = page.summary
  if (page.featured) draft.featuredSource = page.featured
  return draft
}
