import { marked } from 'marked'
import { type DocumentMeta, draftFromHtml, splitTags } from './import-html.js'
import type { ImportedDraft } from './draft.js'

const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/

/** Reads `key: value` front matter (title, date, section, author/byline, summary, tags). */
export function readFrontMatter(markdown: string): { meta: DocumentMeta; rest: string } {
  const match = frontMatter.exec(markdown)
  if (!match) return { meta: {}, rest: markdown }
  const meta: DocumentMeta = {}
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const pair = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line)
    if (!pair) continue
    const key = pair[1]?.toLowerCase() ?? ''
    const value = (pair[2] ?? '').trim().replace(/^["']|["']$/g, '')
    if (!value) continue
    if (key === 'title') meta.title = value
    if (key === 'date') meta.publishedAt = value
    if (key === 'section' || key === 'category') meta.section = value
    if (key === 'author' || key === 'byline') meta.byline = value
    if (key === 'summary' || key === 'description') meta.summary = value
    if (key === 'tags') meta.tags = splitTags(value.replace(/^\[|\]$/g, ''))
  }
  return { meta, rest: markdown.slice(match[0].length) }
}

/** Imports a Markdown file: front matter for metadata, the first `#` heading as headline. */
export function importMarkdown(markdown: string): ImportedDraft {
  const { meta, rest } = readFrontMatter(markdown)
  const html = marked.parse(rest, { async: false, gfm: true })
  return draftFromHtml(html, meta)
}
