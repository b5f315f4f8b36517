import type { DeltaOp } from '../../shared/article.js'
import { type HtmlNode, blocksToDelta, htmlToBlocks } from '../../shared/html-to-delta.js'

/** Pastes above this size skip Quill's clipboard, whose conversion slows down sharply with size. */
export const largePasteChars = 100_000

/** DOMParser's nodes (inert: nothing runs) in the shape the shared converter reads. */
function nodesOf(parent: Node): HtmlNode[] {
  const nodes: HtmlNode[] = []
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      nodes.push({ type: 'text', data: child.textContent ?? '' })
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = child as Element
      const attribs: Record<string, string> = {}
      for (const attribute of Array.from(element.attributes)) {
        attribs[attribute.name] = attribute.value
      }
      nodes.push({
        type: 'element',
        name: element.tagName.toLowerCase(),
        attribs,
        children: nodesOf(element),
      })
    }
  }
  return nodes
}

/**
 * Converts pasted HTML to Delta ops in one pass, with the converter import uses
 * (shared/html-to-delta.ts): paragraphs, headings, quotes, lists, emphasis and safe links;
 * images never (a paste brings none into the article). For large pastes, where Quill's own
 * clipboard takes far too long.
 */
export function htmlToDeltaOps(html: string): DeltaOp[] {
  const document = new DOMParser().parseFromString(html, 'text/html')
  const { blocks } = htmlToBlocks(nodesOf(document.body), { images: false })
  return blocks.length ? blocksToDelta(blocks).ops : []
}
