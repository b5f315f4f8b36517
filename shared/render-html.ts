import type { Delta } from './article.js'
import { bidiPieces } from './bidi.js'
import { type DeltaLine, type InlineRun, deltaLines } from './delta.js'

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Right-to-left text as HTML, each Latin run in it isolated with its own signs (shared/bidi.ts). */
export function isolatedHtml(text: string): string {
  return bidiPieces(text)
    .map((piece) =>
      piece.isolate ? `<bdi dir="ltr">${escapeHtml(piece.text)}</bdi>` : escapeHtml(piece.text),
    )
    .join('')
}

/** Links the desk will write into HTML: http, https and mailto only. */
export function isSafeLink(href: unknown): href is string {
  return typeof href === 'string' && /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href.trim())
}

function renderRun(run: InlineRun, rtl: boolean, media: (src: string) => string | null): string {
  if (typeof run.insert !== 'string') {
    const image = run.insert.image
    if (typeof image !== 'string') return ''
    const src = media(image)
    if (!src) return ''
    const alt = typeof run.attributes.alt === 'string' ? run.attributes.alt : ''
    return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`
  }
  // Latin runs in right-to-left text are isolated with their own signs (shared/bidi.ts).
  let html = rtl ? isolatedHtml(run.insert) : escapeHtml(run.insert)
  const a = run.attributes
  if (a.bold) html = `<strong>${html}</strong>`
  if (a.italic) html = `<em>${html}</em>`
  if (a.underline) html = `<u>${html}</u>`
  if (isSafeLink(a.link)) html = `<a href="${escapeHtml(a.link.trim())}">${html}</a>`
  return html
}

/** The direction the editor shows a line in, written out: never `auto`, which could disagree. */
function lineDir(line: DeltaLine): 'rtl' | 'ltr' {
  return line.attributes.direction === 'rtl' ? 'rtl' : 'ltr'
}

function lineTag(line: DeltaLine): string {
  const header = line.attributes.header
  if (header === 1 || header === 2 || header === 3) return `h${Number(header) + 1}`
  if (line.attributes.blockquote) return 'blockquote'
  return 'p'
}

function alignClass(line: DeltaLine): string {
  const align = line.attributes.align
  return align === 'center' || align === 'justify' || align === 'left' || align === 'right'
    ? ` class="align-${align}"`
    : ''
}

/** How an image in the body is addressed in the output; null leaves it out. */
export type MediaResolver = (src: string) => string | null

/**
 * The article body as HTML, built from the Delta by our own code with every text escaped
 * (never Quill's getSemanticHTML): paragraphs, headings, quotes, lists, links, images.
 */
export function renderBodyHtml(body: Delta, media: MediaResolver = () => null): string {
  const out: string[] = []
  type ListBlock = { tag: 'ol' | 'ul'; items: string[] }
  let list = null as ListBlock | null
  const closeList = () => {
    if (list) out.push(`<${list.tag}>${list.items.join('')}</${list.tag}>`)
    list = null
  }
  for (const line of deltaLines(body)) {
    const rtl = line.attributes.direction === 'rtl'
    const content = line.runs.map((run) => renderRun(run, rtl, media)).join('')
    const kind = line.attributes.list
    if (kind === 'ordered' || kind === 'bullet') {
      const tag = kind === 'ordered' ? 'ol' : 'ul'
      if (list?.tag !== tag) {
        closeList()
        list = { tag, items: [] }
      }
      list.items.push(`<li dir="${lineDir(line)}"${alignClass(line)}>${content}</li>`)
      continue
    }
    closeList()
    const only = line.runs.length === 1 ? line.runs[0] : undefined
    if (only && typeof only.insert !== 'string') {
      // A paragraph holding just an image is a figure, with its caption.
      const caption = only.attributes.caption
      if (content) {
        out.push(
          `<figure>${content}${typeof caption === 'string' && caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`,
        )
      }
      continue
    }
    if (!content.trim()) continue
    const tag = lineTag(line)
    out.push(`<${tag} dir="${lineDir(line)}"${alignClass(line)}>${content}</${tag}>`)
  }
  closeList()
  return out.join('\n')
}

/** The library image files a body shows, in order, each once. */
export function bodyImageFiles(body: Delta): string[] {
  const files: string[] = []
  for (const op of body.ops) {
    const image = typeof op.insert === 'string' ? undefined : op.insert.image
    if (typeof image === 'string' && !files.includes(image)) files.push(image)
  }
  return files
}
