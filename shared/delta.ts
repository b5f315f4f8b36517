import type { Delta } from './article.js'

/**
 * The plain paragraphs of a body: each line of the Delta, embeds dropped.
 * Empty lines are kept out, as the site's text format separates paragraphs with them.
 */
export function deltaToParagraphs(body: Delta): string[] {
  let text = ''
  for (const op of body.ops) if (typeof op.insert === 'string') text += op.insert
  return text.split('\n').filter((line) => line.trim() !== '')
}

/** A body holding the given paragraphs as plain right-to-left lines. */
export function paragraphsToDelta(paragraphs: readonly string[]): Delta {
  const ops: Delta['ops'] = []
  for (const paragraph of paragraphs) {
    ops.push({ insert: paragraph })
    ops.push({ insert: '\n', attributes: { direction: 'rtl', align: 'right' } })
  }
  return { ops: ops.length ? ops : [{ insert: '\n' }] }
}
