import type { StyleFinding } from '../../shared/house-style.js'
import type { Quill } from './quill-setup.js'

/**
 * House-style findings drawn on the editors without touching their documents: CSS Custom
 * Highlights over DOM ranges (nothing enters the Delta, the undo stack or a save), and fixes
 * applied as the editor's own edits (undoable, autosaved). A finding names a paragraph as
 * shared/house-style.ts counts them — the lines with text, images left out — and an offset in
 * that text; here it becomes a Quill index.
 */

/** Where each paragraph's characters are in the document: Quill indexes, embeds skipped. */
export function paragraphIndexes(quill: Quill): number[][] {
  const paragraphs: number[][] = []
  let line: number[] = []
  let text = ''
  let index = 0
  const end = () => {
    if (text.trim() !== '') paragraphs.push(line)
    line = []
    text = ''
  }
  for (const op of quill.getContents().ops) {
    if (typeof op.insert !== 'string') {
      index += 1
      continue
    }
    for (const unit of op.insert.split('')) {
      if (unit === '\n') end()
      else {
        line.push(index)
        text += unit
      }
      index += 1
    }
  }
  if (line.length) end()
  return paragraphs
}

/** A finding's place in an editor: its Quill index and length, or null if it is not there. */
export type Locate = (finding: StyleFinding) => { index: number; length: number } | null

/** Locates body findings (paragraphs 1…n) in a body editor's document as it is now. */
export function bodyLocator(quill: Quill): Locate {
  const paragraphs = paragraphIndexes(quill)
  return (finding) => {
    const line = paragraphs[finding.paragraph - 1]
    if (!line) return null
    const start = line[finding.offset]
    const last = line[finding.offset + Math.max(finding.length, 1) - 1]
    if (start === undefined || last === undefined) return null
    return { index: start, length: finding.length ? last + 1 - start : 0 }
  }
}

/** Locates headline findings (paragraph 0) in the one-line headline editor. */
export function headlineLocator(quill: Quill): Locate {
  const length = quill.getLength() - 1
  return (finding) =>
    finding.offset + finding.length <= length
      ? { index: finding.offset, length: finding.length }
      : null
}

/** A DOM range over a span (at least one unit) of an editor's text, or null if not text. */
function domRange(quill: Quill, index: number, length: number): Range | null {
  // Quill's leaf at an index is the one holding the character there: the first and the last.
  const [startLeaf, startOffset] = quill.getLeaf(index)
  const [endLeaf, endOffset] = quill.getLeaf(index + length - 1)
  const start = startLeaf?.domNode
  const end = endLeaf?.domNode
  if (!(start instanceof Text) || !(end instanceof Text)) return null
  const range = document.createRange()
  try {
    range.setStart(start, startOffset)
    range.setEnd(end, endOffset + 1)
  } catch {
    return null
  }
  return range
}

/** Whether this browser draws custom highlights (Chromium 105+, so every Electron we ship). */
const canHighlight = () => typeof CSS !== 'undefined' && 'highlights' in CSS

/**
 * Draws the findings, one highlight per severity (`::highlight(midad-style-warning)` in
 * editor.css) and one for misspellings (`midad-style-spelling`). Findings whose text is no longer where they say are left undrawn.
 */
export function drawFindings(
  editors: { quill: Quill; locate: Locate; findings: (StyleFinding & { found: string })[] }[],
): void {
  if (!canHighlight()) return
  const bySeverity = new Map<string, Range[]>()
  for (const { quill, locate, findings } of editors) {
    for (const finding of findings) {
      const place = locate(finding)
      // Typing since the check moved the text: such a finding waits for the next check.
      if (!place || quill.getText(place.index, place.length) !== finding.found) continue
      const range = domRange(quill, place.index, Math.max(place.length, 1))
      if (!range) continue
      // Misspellings have their own mark (a red wave), whatever severity the newsroom gave them.
      const kind = finding.rule === 'spelling' ? 'spelling' : finding.severity
      const ranges = bySeverity.get(kind) ?? []
      ranges.push(range)
      bySeverity.set(kind, ranges)
    }
  }
  for (const severity of ['info', 'warning', 'error', 'spelling']) {
    const name = `midad-style-${severity}`
    const ranges = bySeverity.get(severity)
    if (ranges) CSS.highlights.set(name, new Highlight(...ranges))
    else CSS.highlights.delete(name)
  }
}

/**
 * Applies a finding's fix as the editor's own edit, if its text is still what was found
 * (`found`); answers whether it did.
 */
export function fixInEditor(quill: Quill, locate: Locate, finding: StyleFinding, found: string) {
  const place = locate(finding)
  if (!place || finding.suggestion === undefined) return false
  if (quill.getText(place.index, place.length) !== found) return false
  quill.deleteText(place.index, place.length, 'user')
  if (finding.suggestion) quill.insertText(place.index, finding.suggestion, 'user')
  return true
}
