import { findTerms } from '../../shared/search-text.js'
import { searchTokens } from '../../shared/search-tokens.js'
import type { Quill } from './quill-setup.js'

/** The document as text with one character per embed, so positions match Quill's. */
export function documentText(quill: Quill): string {
  return quill
    .getContents()
    .ops.map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('')
}

/**
 * Opened from a search: the first match is selected and scrolled into view — the words as
 * typed, else their stems (a search finds «الموازنة» for «والموازنة»).
 */
export function selectFirstMatch(quill: Quill, terms: string[]): void {
  if (terms.length === 0) return
  const text = documentText(quill)
  const match = findTerms(text, terms)[0] ?? findTerms(text, terms.flatMap(searchTokens))[0]
  if (match) quill.setSelection(match.start, match.end - match.start, 'api')
}
