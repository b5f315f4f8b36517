import type { ReviewNote } from './article.js'

/** The paragraph a note belongs to now: where its quote is, else where it was; null: the whole. */
export function noteParagraph(note: ReviewNote, paragraphs: readonly string[]): number | null {
  if (!note.anchor) return null
  const { paragraph, quote } = note.anchor
  if (quote && !(paragraphs[paragraph] ?? '').trim().startsWith(quote)) {
    const moved = paragraphs.findIndex((text) => text.trim().startsWith(quote))
    if (moved >= 0) return moved
  }
  return Math.min(paragraph, Math.max(0, paragraphs.length - 1))
}
