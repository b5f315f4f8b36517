import type { Delta, DeltaAttributes, DeltaOp } from './article.js'
import { firstStrong } from './bidi.js'
import { isSafeLink } from './render-html.js'
import {
  type HtmlElement,
  type HtmlNode,
  emphasis,
  readDir,
  styleOf,
  textOf,
  wordListKind,
} from './html-nodes.js'

export type { HtmlNode }

/**
 * HTML to Delta, one converter for paste and import: structure (paragraphs, headings, quotes,
 * lists), emphasis, safe links and, for import, images carried in the file; everything else is
 * dropped. No DOM and no Node here: each side passes its own parser's nodes in this shape
 * (the renderer DOMParser's, the core htmlparser2's), already inert.
 */

/** How a conversion treats images: kept when the file holds them (import), or never (paste). */
export interface HtmlToDeltaOptions {
  images: boolean
}

// Blocks become lines of the Delta; inline tags become formats; nothing else survives.
export const blockTagList = [
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'li',
  'section',
  'article',
  'tr',
  // A table's cells each become a line of their own: glued together, their words would run on.
  'td',
  'th',
]
export const inlineTagList = ['strong', 'b', 'em', 'i', 'u', 'a', 'span', 'bdi']
/** Elements whose text is not article text: dropped with everything inside them. */
export const nonTextTagList = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'title',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
  'button',
  'xml',
  'head',
  'video',
  'audio',
]
const nonTextTags = new Set(nonTextTagList)

const blockTags = new Set(blockTagList)
/** The direction the first strong letter gives, as HTML's dir="auto" would; right to left without one. */
export function inferDirection(text: string): 'rtl' | 'ltr' {
  return firstStrong(text) ?? 'rtl'
}

/** One block of the converted document. */
export interface HtmlBlock {
  /** h1…h6, blockquote, li:ordered, li:bullet, p, or image (one image op, its src as written). */
  kind: string
  ops: DeltaOp[]
  dir: 'rtl' | 'ltr' | null
}

/**
 * Walks sanitised HTML into blocks of Delta ops: inline emphasis and links on the text,
 * line breaks and tabs of the source folded to a space (spaces typed in a row kept, as are
 * no-break spaces).
 */
export function htmlToBlocks(
  nodes: HtmlNode[],
  options: HtmlToDeltaOptions = { images: true },
): { blocks: HtmlBlock[]; imagesLeftOut: number } {
  const blocks: HtmlBlock[] = []
  let imagesLeftOut = 0
  const image = (element: HtmlElement, caption: string) => {
    const src = element.attribs.src ?? ''
    // Held in the file (data:), or beside it (a relative path the importer may be able to read).
    if (!options.images) return
    if (!src.startsWith('data:') && !isRelativePath(src)) return imagesLeftOut++
    close()
    const attributes: DeltaAttributes = {}
    if (element.attribs.alt?.trim()) attributes.alt = element.attribs.alt.trim()
    // Markdown has no figures: its image title (as Midad's Markdown export writes) is the caption.
    const captionText = caption || element.attribs.title?.replace(/\s+/g, ' ').trim() || ''
    if (captionText) attributes.caption = captionText
    blocks.push({ kind: 'image', ops: [{ insert: { image: src }, attributes }], dir: null })
  }
  let current: HtmlBlock | null = null
  const open = (kind: string, dir: HtmlBlock['dir']) => {
    close()
    current = { kind, ops: [], dir }
  }
  const close = () => {
    if (current && current.ops.some((op) => typeof op.insert === 'string' && op.insert.trim())) {
      trimEdges(current.ops)
      blocks.push(current)
    }
    current = null
  }
  const walk = (
    nodes: HtmlNode[],
    inline: DeltaAttributes,
    context: { list: string | null; dir: HtmlBlock['dir']; kind: string },
  ) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        // A line break or tab in the source is its layout, folded to one space; spaces the
        // writer typed in a row are the text's own (a doubled space survives an export and
        // its import, and house style points it out).
        const text = node.data.replace(/[ ]*[\t\n\r\f][ \t\n\r\f]*/g, ' ')
        if (!text) continue
        if (!current) open(context.kind, context.dir)
        const op: DeltaOp = Object.keys(inline).length
          ? { insert: text, attributes: { ...inline } }
          : { insert: text }
        current!.ops.push(op)
        continue
      }
      const element = node
      const tag = element.name
      if (nonTextTags.has(tag)) continue
      const style = styleOf(element)
      // Word's list bullet or number, written as text before the item's own: not article text.
      if (/^ignore$/i.test(style['mso-list'] ?? '')) continue
      const dir = readDir(element, style) ?? context.dir
      if (tag === 'img') {
        image(element, '')
        continue
      }
      if (tag === 'figure') {
        // A figure's image takes the figure's caption; without an image, its text is text.
        const img = findElement(element.children, 'img')
        const caption = findElement(element.children, 'figcaption')
        if (img) {
          image(img, caption ? textOf(caption).replace(/\s+/g, ' ').trim() : '')
          continue
        }
      }
      if (tag === 'br') {
        const kind = current?.kind ?? context.kind
        open(kind, dir)
        continue
      }
      if (tag === 'ul' || tag === 'ol') {
        close()
        walk(element.children, inline, {
          ...context,
          list: tag === 'ol' ? 'ordered' : 'bullet',
          dir,
        })
        close()
        continue
      }
      const wordList = tag === 'p' && style['mso-list'] ? wordListKind(element) : null
      if (blockTags.has(tag)) {
        const kind = wordList
          ? `li:${wordList}`
          : tag === 'li'
            ? `li:${context.list ?? 'bullet'}`
            : /^h\d$|^blockquote$/.test(tag)
              ? tag
              : context.kind
        open(kind, dir)
        walk(element.children, emphasis(tag, style, inline), { ...context, dir, kind })
        close()
        continue
      }
      const next = emphasis(tag, style, inline)
      if (tag === 'a' && isSafeLink(element.attribs.href)) next.link = element.attribs.href ?? null
      walk(element.children, next, { ...context, dir })
    }
  }
  walk(nodes, {}, { list: null, dir: null, kind: 'p' })
  close()
  return { blocks, imagesLeftOut }
}

/** A path relative to the file (`images/a.png`): no scheme, not rooted, not protocol-relative. */
export function isRelativePath(src: string): boolean {
  return src.trim() !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[/\\]/.test(src)
}

// HTML ignores spaces at a block's edges; no-break spaces are text and stay.
function trimEdges(ops: DeltaOp[]): void {
  const first = ops[0]
  if (first && typeof first.insert === 'string') first.insert = first.insert.replace(/^ +/, '')
  const last = ops.at(-1)
  if (last && typeof last.insert === 'string') last.insert = last.insert.replace(/ +$/, '')
}

/** Line formats of a block, for the newline that ends it. */
function lineAttributes(block: HtmlBlock, direction: 'rtl' | 'ltr'): DeltaAttributes {
  const attributes: DeltaAttributes = {}
  const level = /^h(\d)$/.exec(block.kind)?.[1]
  if (level) attributes.header = Math.min(3, Math.max(1, Number(level) - 1))
  if (block.kind === 'blockquote') attributes.blockquote = true
  if (block.kind === 'li:ordered') attributes.list = 'ordered'
  if (block.kind === 'li:bullet') attributes.list = 'bullet'
  if (direction === 'rtl') {
    attributes.direction = 'rtl'
    attributes.align = 'right'
  }
  return attributes
}

/** A Delta from blocks; each block's direction is its own, else inferred from its text. */
export function blocksToDelta(blocks: HtmlBlock[]): Delta {
  const ops: DeltaOp[] = []
  for (const block of blocks) {
    const text = block.ops.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
    for (const op of block.ops) {
      if (op.insert === '') continue
      // Neighbouring runs of one format are one op, however the parser split the text.
      const last = ops.at(-1)
      if (
        last &&
        typeof last.insert === 'string' &&
        typeof op.insert === 'string' &&
        last.insert !== '\n' &&
        JSON.stringify(last.attributes ?? {}) === JSON.stringify(op.attributes ?? {})
      ) {
        ops[ops.length - 1] = { ...last, insert: last.insert + op.insert }
      } else ops.push({ ...op })
    }
    ops.push({ insert: '\n', attributes: lineAttributes(block, block.dir ?? inferDirection(text)) })
  }
  return { ops: ops.length ? ops : [{ insert: '\n' }] }
}

/** Plain text as blocks: a paragraph a line, blank lines kept as empty paragraphs between. */
export function plainTextBlocks(text: string): HtmlBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines.map((line) => ({ kind: 'p', ops: line ? [{ insert: line }] : [], dir: null }))
}

/** The plain text of a block. */
export function blockText(block: HtmlBlock): string {
  return block.ops.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
}

/** The first element of a name at any depth below. */
function findElement(nodes: HtmlNode[], name: string): HtmlElement | null {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    if (node.name === name) return node
    const found = findElement(node.children, name)
    if (found) return found
  }
  return null
}
