import type { Delta, DeltaOp } from '../../shared/article.js'
import {
  type HtmlNode,
  blocksToDelta,
  htmlToBlocks,
  plainTextBlocks,
} from '../../shared/html-to-delta.js'
import { replaceDocument } from './large-document.js'
import { Delta as QuillDelta, type Quill } from './quill-setup.js'

/**
 * Pastes above this size go into the editor as one document replacement (adopting markup in one
 * pass); smaller ones as an ordinary undoable change.
 */
export const largePasteChars = 100_000

/** An element's attributes as a plain record. */
function attributesOf(element: Element): Record<string, string> {
  const attribs: Record<string, string> = {}
  for (const attribute of Array.from(element.attributes)) attribs[attribute.name] = attribute.value
  return attribs
}

/** DOMParser's nodes (inert: nothing runs) in the shape the shared converter reads. */
function nodesOf(parent: Node): HtmlNode[] {
  const nodes: HtmlNode[] = []
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      nodes.push({ type: 'text', data: child.textContent ?? '' })
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = child as Element
      nodes.push({
        type: 'element',
        name: element.tagName.toLowerCase(),
        attribs: attributesOf(element),
        children: nodesOf(element),
      })
    }
  }
  return nodes
}

/**
 * Converts pasted HTML to Delta ops with the converter import uses (shared/html-to-delta.ts):
 * paragraphs, headings, quotes, lists, emphasis (from tags and from the styles Word, Google Docs
 * and LibreOffice write) and safe links, each paragraph's direction from `dir` or `direction`
 * (its own or an ancestor's, the page's included), else from its first strong letter; images
 * never (a paste brings none into the article).
 */
export function htmlToDeltaOps(html: string): DeltaOp[] {
  const document = new DOMParser().parseFromString(html, 'text/html')
  // The page's own direction (`<html dir=rtl>`, `<body style="direction:rtl">`) holds for all.
  const page: HtmlNode = {
    type: 'element',
    name: 'div',
    attribs: { ...attributesOf(document.documentElement), ...attributesOf(document.body) },
    children: nodesOf(document.body),
  }
  const { blocks } = htmlToBlocks([page], { images: false })
  return blocks.length ? blocksToDelta(blocks).ops : []
}

/** Pasted plain text: a paragraph a line, each right to left or not by its first strong letter. */
export function textToDeltaOps(text: string): DeltaOp[] {
  const blocks = plainTextBlocks(text)
  return blocks.length ? blocksToDelta(blocks).ops : []
}

const lineFormats = ['header', 'blockquote', 'list', 'direction', 'align']

/**
 * Puts a paste in at the caret, in place of the selection: the clipboard's HTML, else its text.
 * As with Quill's own clipboard, the last pasted line runs on into the rest of the caret's line,
 * and the caret ends after the pasted text; where nothing follows the caret on its line, the
 * line takes the last pasted line's formats (its direction above all). `toHtml` gives the
 * editor's markup for a document.
 */
export function pasteInto(
  quill: Quill,
  clipboard: { html: string; text: string },
  toHtml: (delta: Delta) => string,
): void {
  const { index, length } = quill.getSelection(true)
  const { html, text } = clipboard
  let pasted = new QuillDelta(html ? htmlToDeltaOps(html) : textToDeltaOps(text))
  const last = pasted.ops[pasted.ops.length - 1]
  let change = new QuillDelta().retain(index).delete(length)
  if (typeof last?.insert === 'string' && last.insert.endsWith('\n')) {
    pasted = pasted.slice(0, pasted.length() - 1)
    change = change.concat(pasted)
    if (quill.getText(index + length, 1) === '\n') {
      const formats: Record<string, unknown> = Object.fromEntries(lineFormats.map((f) => [f, null]))
      change = change.retain(1, { ...formats, ...last.attributes })
    }
  } else change = change.concat(pasted)
  if (html.length + text.length < largePasteChars) {
    quill.updateContents(change, 'user')
    quill.setSelection(index + pasted.length(), 0, 'user')
    return
  }
  // Quill adopts markup of its own blots in one pass; inserting the Delta op by op
  // (updateContents, even setContents) takes seconds at this size.
  const next = quill.getContents().compose(change)
  replaceDocument(quill, toHtml(next as unknown as Delta))
  quill.setSelection(index + pasted.length(), 0, 'silent')
}
