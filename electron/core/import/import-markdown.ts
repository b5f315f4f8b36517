import { marked } from 'marked'
import { parse } from 'yaml'
import { type DocumentMeta, draftFromHtml, splitTags } from './import-html.js'
import type { ImportedDraft } from './draft.js'

const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/

/** What front matter may name, beside the fields every document carries. */
export interface MarkdownMeta extends DocumentMeta {
  kicker?: string
  place?: string
  source?: string
  slug?: string
  image?: { src: string; alt: string; caption: string }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim()
    ? value
    : typeof value === 'number' || value instanceof Date
      ? String(value instanceof Date ? value.toISOString() : value)
      : undefined

/**
 * Reads YAML front matter (Midad's own names and the usual static-site ones: title, date,
 * author or byline, summary or description, section or category, tags as a list or a comma
 * line, image). Parsed as data by a YAML library: nothing in it runs, and quotes and escapes
 * come back as the text they stand for. Front matter that is not YAML is left as text.
 */
export function readFrontMatter(markdown: string): { meta: MarkdownMeta; rest: string } {
  const match = frontMatter.exec(markdown)
  if (!match) return { meta: {}, rest: markdown }
  let data: unknown
  try {
    data = parse(match[1] ?? '', { schema: 'core' })
  } catch {
    return { meta: {}, rest: markdown }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { meta: {}, rest: markdown }
  const field = (...names: string[]) => {
    const fields = data as Record<string, unknown>
    for (const name of names) {
      const value = text(fields[name])
      if (value !== undefined) return value
    }
    return undefined
  }
  const tags = (data as Record<string, unknown>).tags
  const meta: MarkdownMeta = {
    title: field('title'),
    kicker: field('kicker'),
    summary: field('summary', 'description'),
    publishedAt: field('date'),
    section: field('section', 'category'),
    byline: field('author', 'byline'),
    place: field('place'),
    source: field('source'),
    slug: field('slug'),
    tags: Array.isArray(tags)
      ? [...new Set(tags.map(text).filter((tag): tag is string => Boolean(tag)))]
      : typeof tags === 'string'
        ? splitTags(tags)
        : undefined,
  }
  const image = field('image')
  if (image) {
    meta.image = {
      src: image,
      alt: field('image_alt') ?? '',
      caption: field('image_caption') ?? '',
    }
  }
  return { meta, rest: markdown.slice(match[0].length) }
}

/**
 * Imports a Markdown file: front matter for metadata (its title the headline, so a `#` heading
 * in the text stays in the body); without a title, the first `#` heading is the headline.
 */
export function importMarkdown(markdown: string): ImportedDraft {
  const { meta, rest } = readFrontMatter(markdown)
  // A paragraph that opens with a direction mark (as Midad writes one whose direction is not
  // its first letter's) takes that direction, and the mark goes.
  const html = marked
    .parse(rest, { async: false, gfm: true })
    .replace(
      /<(p|li|h[1-6])>([\u200E\u200F])/g,
      (_, tag: string, mark: string) => `<${tag} dir="${mark === '\u200F' ? 'rtl' : 'ltr'}">`,
    )
  const draft = draftFromHtml(html, meta, undefined, meta.title ? 'meta' : 'heading')
  const extra = { kicker: meta.kicker, place: meta.place, source: meta.source, slug: meta.slug }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) Object.assign(draft.fields, { [key]: value })
  }
  if (meta.image) draft.featuredSource = meta.image
  return draft
}
