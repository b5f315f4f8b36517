import type { Delta, DeltaAttributes } from './article.js'

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

/** A run of text with its inline formats, or an embed. */
export interface InlineRun {
  insert: string | Record<string, unknown>
  attributes: DeltaAttributes
}

/** One line (paragraph) of a Delta: its runs and its line formats (header, list, direction…). */
export interface DeltaLine {
  runs: InlineRun[]
  attributes: DeltaAttributes
}

/** Splits a Delta document into lines, as Quill stores them (formats on the newline). */
export function deltaLines(body: Delta): DeltaLine[] {
  const lines: DeltaLine[] = []
  let runs: InlineRun[] = []
  for (const op of body.ops) {
    const attributes = op.attributes ?? {}
    if (typeof op.insert !== 'string') {
      runs.push({ insert: op.insert, attributes })
      continue
    }
    const pieces = op.insert.split('\n')
    pieces.forEach((piece, index) => {
      if (piece) runs.push({ insert: piece, attributes })
      if (index < pieces.length - 1) {
        lines.push({ runs, attributes })
        runs = []
      }
    })
  }
  if (runs.length) lines.push({ runs, attributes: {} })
  return lines
}
