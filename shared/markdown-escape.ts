/**
 * Text that must stay text in Markdown: read by CommonMark, GFM and pandoc as the same characters,
 * never as markup, HTML, an entity or a link. CommonMark lets a backslash escape any ASCII
 * punctuation, so every sign a reader might take as syntax is escaped; spaces a paragraph starts
 * or ends with, which Markdown would drop (or read as code or a line break), are written as
 * character references.
 */

// Emphasis, code, links and images, HTML and autolinks, entities, GFM tables and strikethrough,
// and pandoc's math, super- and subscript.
const inlineSyntax = /[\\`*_[\]<>!&|~$^]/g

/** A run of text inside a paragraph: every sign of inline syntax escaped. */
export function escapeInline(text: string): string {
  return (
    text
      .replace(inlineSyntax, '\\$&')
      // GFM's bare links: `https://…`, `www.…` and addresses with an @ become links unless broken.
      .replace(/([a-z])(:\/\/)/gi, '$1\\$2')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
  )
}

const reference = (char: string) => `&#${char.codePointAt(0)};`

/**
 * A paragraph's text, inline syntax already escaped, made safe at its edges: a start that would
 * open a block (a heading, quote, list item, thematic break, setext line, fence, pandoc's
 * definition) is escaped, and outer whitespace is kept as character references.
 */
export function escapeBlockStart(line: string): string {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? ''
  const trail = lead.length < line.length ? (/[ \t]*$/.exec(line)?.[0] ?? '') : ''
  let core = line.slice(lead.length, line.length - trail.length)
  core = core
    .replace(/^([#>+\-=:])/, '\\$1')
    // "1." or "1)" would open an ordered list.
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
  return [...lead].map(reference).join('') + core + [...trail].map(reference).join('')
}

/** A link's or an image's destination inside `<…>`: its angle brackets and line ends encoded. */
export function escapeDestination(url: string): string {
  return url.replace(/[<>\n\r]/g, (char) => encodeURIComponent(char))
}

/** A link's or an image's title inside "…". */
export function escapeTitle(title: string): string {
  return title.replace(/(["\\])/g, '\\$1').replace(/\n/g, ' ')
}
