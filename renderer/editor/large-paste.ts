import type { DeltaAttributes, DeltaOp } from '../../shared/article.js'
import { isSafeLink } from '../../shared/render-html.js'

/** Pastes above this size skip Quill's clipboard, whose conversion slows down sharply with size. */
export const largePasteChars = 100_000

const blocks = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'LI',
  'SECTION',
  'ARTICLE',
  'TR',
])
const dropped = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'SVG',
  'MATH',
  'IMG',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  'NOSCRIPT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
])
const arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u
const latin = /\p{Script=Latin}/u

function firstStrongRtl(text: string): boolean {
  for (const char of text) {
    if (arabic.test(char)) return true
    if (latin.test(char)) return false
  }
  return true
}

/**
 * Converts pasted HTML to Delta ops in one pass (DOMParser: inert, nothing runs): paragraphs,
 * headings, quotes, lists, bold, italic, underline and safe links; everything else dropped.
 * Used for large pastes, where Quill's own clipboard takes far too long.
 */
export function htmlToDeltaOps(html: string): DeltaOp[] {
  const document = new DOMParser().parseFromString(html, 'text/html')
  const ops: DeltaOp[] = []
  let lineText = ''
  let lineOpen = false
  const endLine = (attributes: DeltaAttributes) => {
    if (!lineOpen) return
    const line: DeltaAttributes = { ...attributes }
    if (firstStrongRtl(lineText)) {
      line.direction = 'rtl'
      line.align = 'right'
    }
    ops.push({ insert: '\n', attributes: line })
    lineText = ''
    lineOpen = false
  }
  const walk = (node: Node, inline: DeltaAttributes, line: DeltaAttributes) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = (child.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ')
        if (!text.trim() && !lineOpen) continue
        ops.push(
          Object.keys(inline).length
            ? { insert: text, attributes: { ...inline } }
            : { insert: text },
        )
        lineText += text
        lineOpen = true
        continue
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue
      const element = child as Element
      const tag = element.tagName
      if (dropped.has(tag)) continue
      if (tag === 'BR') {
        endLine(line)
        continue
      }
      if (tag === 'UL' || tag === 'OL') {
        endLine(line)
        walk(element, inline, { list: tag === 'OL' ? 'ordered' : 'bullet' })
        continue
      }
      if (blocks.has(tag)) {
        endLine(line)
        const own: DeltaAttributes = tag === 'LI' ? { ...line } : {}
        const level = /^H(\d)$/.exec(tag)?.[1]
        if (level) own.header = Math.min(3, Math.max(1, Number(level) - 1))
        if (tag === 'BLOCKQUOTE') own.blockquote = true
        walk(element, inline, own)
        endLine(own)
        continue
      }
      const next = { ...inline }
      if (tag === 'B' || tag === 'STRONG') next.bold = true
      if (tag === 'I' || tag === 'EM') next.italic = true
      if (tag === 'U') next.underline = true
      const href = element.getAttribute('href')
      if (tag === 'A' && isSafeLink(href)) next.link = href
      walk(element, next, line)
    }
  }
  walk(document.body, {}, {})
  endLine({})
  return ops
}
