import { type ChildNode, isTag } from 'domhandler'
import { parseDocument } from 'htmlparser2'

/** Elements that run or load something, never article text. */
const activeTags = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'frame',
  'frameset',
])
// Leading spaces and control characters are ignored by a browser before a URL's scheme.
// eslint-disable-next-line no-control-regex -- those characters are what is looked for
const scriptUrl = /^[\s\0-\x1f]*(javascript|vbscript|data\s*:\s*text\/html)/i
const hiddenMarkup = /<\/?[a-z][^>]*(\son[a-z]+\s*=|script|javascript:)/i
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data'])

/**
 * How many pieces of a file's HTML could run in a browser (scripts, frames, event handlers,
 * script URLs): the sanitiser drops them all, and the import says how many it dropped, so a
 * hostile file is imported (its text kept) and noticed, not silently cleaned.
 */
export function activeContent(html: string): number {
  let count = 0
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue
      if (activeTags.has(node.name.toLowerCase())) count++
      for (const [name, value] of Object.entries(node.attribs)) {
        const lower = name.toLowerCase()
        if (lower.startsWith('on')) count++
        // Markup inside a value («title="</noscript><img onerror=…>"»): where a browser parses
        // the file otherwise than our parser, that is where it turns into an element (mXSS).
        else if (hiddenMarkup.test(value)) count++
        else if (
          lower === 'srcdoc' ||
          (urlAttributes.has(lower) && scriptUrl.test(withoutBreaks(value)))
        )
          count++
      }
      walk(node.children)
    }
  }
  walk(parseDocument(html).children)
  return count
}

// htmlparser2 has decoded the entities already; a browser also ignores tabs and line breaks
// inside a URL («jav&#x09;ascript:»), so they go before the scheme is read.
function withoutBreaks(value: string): string {
  return value.replace(/[\t\n\r]/g, '')
}
