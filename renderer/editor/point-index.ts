import { Quill } from './quill-setup.js'

/**
 * The Quill index of the character under a point of the window (a right click), or null when
 * the point is not on the editor's text.
 */
export function indexAtPoint(quill: Quill, x: number, y: number): number | null {
  const caret = document.caretRangeFromPoint?.(x, y)
  if (!caret || !quill.root.contains(caret.startContainer)) return null
  const blot = Quill.find(caret.startContainer, true)
  if (!blot || blot instanceof Quill) return null
  const inText = caret.startContainer instanceof Text ? caret.startOffset : 0
  return quill.getIndex(blot) + inText
}

/** Where an index of the editor is drawn, in window coordinates: below the character. */
export function pointOfIndex(quill: Quill, index: number): { x: number; y: number } {
  const bounds = quill.getBounds(index)
  const box = quill.root.getBoundingClientRect()
  return { x: box.left + (bounds?.left ?? 0), y: box.top + (bounds?.bottom ?? 0) }
}
