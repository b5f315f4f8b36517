import { type ChildNode, isTag, isText } from 'domhandler'
import { parseDocument } from 'htmlparser2'
import sanitizeHtml from 'sanitize-html'
import {
  type HtmlBlock,
  type HtmlNode,
  blockTagList,
  htmlToBlocks as blocksOf,
  inlineTagList,
  nonTextTagList,
} from '../../../shared/html-to-delta.js'

export {
  type HtmlBlock,
  blockText,
  blocksToDelta,
  inferDirection,
  isRelativePath,
} from '../../../shared/html-to-delta.js'

/**
 * What survives an import of HTML: structure, emphasis, and images carried inside the file
 * (data: URLs, as DOCX and our own HTML export hold them) with their alt text and caption.
 * Classes, fonts, colours, scripts, forms, frames and images from elsewhere (links, paths) are
 * dropped, and of styles only direction, emphasis and Word's list marks; only safe link schemes
 * are kept.
 */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...blockTagList, ...inlineTagList, 'br', 'ul', 'ol', 'img', 'figure', 'figcaption'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt', 'title'], '*': ['dir', 'style'] },
  // Only the styles that say direction, emphasis or a Word list item survive, for the converter.
  allowedStyles: {
    '*': {
      direction: [/^(rtl|ltr)$/i],
      'font-weight': [/^[a-z0-9]+$/i],
      'font-style': [/^[a-z]+$/i],
      'text-decoration': [/^[a-z -]+$/i],
      'text-decoration-line': [/^[a-z -]+$/i],
      'mso-list': [/^[a-z0-9 ]+$/i],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // An image is kept only when its bytes are in the file; a remote one would be fetched.
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: nonTextTagList,
}

/** Sanitises untrusted HTML (paste, import) down to what the desk keeps. */
export function sanitizeImportedHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions)
}

/** htmlparser2's nodes in the shape the shared converter reads. */
function nodesOf(children: ChildNode[]): HtmlNode[] {
  const nodes: HtmlNode[] = []
  for (const child of children) {
    if (isText(child)) nodes.push({ type: 'text', data: child.data })
    else if (isTag(child)) {
      nodes.push({
        type: 'element',
        name: child.name.toLowerCase(),
        attribs: child.attribs,
        children: nodesOf(child.children),
      })
    }
  }
  return nodes
}

/** Sanitised HTML in blocks of Delta ops (shared/html-to-delta.ts), parsed by htmlparser2. */
export function htmlToBlocks(html: string): { blocks: HtmlBlock[]; imagesLeftOut: number } {
  return blocksOf(nodesOf(parseDocument(html).children))
}
