/** Tashkeel (U+064B–U+0652, U+0670) and tatweel: ignored when searching. */
const ignorable = /[\u064B-\u0652\u0670\u0640]/u

const folds: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
}

/** Folds one character for search: alef forms, ى, ة, Arabic-Indic digits, case. */
function fold(char: string): string {
  const code = char.codePointAt(0) ?? 0
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
  return folds[char] ?? char.toLowerCase()
}

// The Arabic block's folds, computed once from `fold`.
const arabicFolds = Array.from({ length: 0x100 }, (_, n) => fold(String.fromCharCode(0x0600 + n)))

/**
 * A text folded for search (newsroom.md: alef forms, ى → ي, ة → ه, tashkeel and tatweel
 * dropped, Arabic-Indic digits folded), with where each folded character came from, so a
 * match can be shown and replaced in the original.
 */
export function foldForSearch(text: string): { folded: string; origin: number[] } {
  let folded = ''
  const origin: number[] = []
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    // By code, not by regular expression: a page of hits folds tens of thousands of characters.
    if ((code >= 0x064b && code <= 0x0652) || code === 0x0670 || code === 0x0640) continue
    if (code < 0x80) {
      folded += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text[index]
    } else if (code >= 0x0600 && code <= 0x06ff) {
      folded += arabicFolds[code - 0x0600]
    } else {
      folded += fold(text[index]!)
    }
    origin.push(index)
  }
  return { folded, origin }
}

const foldable = /[\u064B-\u0652\u0670\u0640أإآٱىة\u0660-\u0669\u06F0-\u06F9]/gu

/**
 * A text folded as `foldForSearch` folds it, without the positions, in a few passes over the
 * whole string instead of one step per character: for searching many articles at once.
 */
export function foldedForSearch(text: string): string {
  return text.replace(foldable, (char) => foldTable.get(char) ?? '').toLowerCase()
}

// Each foldable character's fold, computed once (marks fold to nothing).
const foldTable = new Map(
  [...'\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640أإآٱىة٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹'].map(
    (char) => [char, ignorable.test(char) ? '' : fold(char)],
  ),
)

/** Every match of `query` in `text`, as [start, end) in the original text. */
export function findAll(
  text: string,
  query: string,
  options: { ignoreMarks: boolean },
): { start: number; end: number }[] {
  if (!query) return []
  if (!options.ignoreMarks) {
    const matches: { start: number; end: number }[] = []
    for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) {
      matches.push({ start: at, end: at + query.length })
    }
    return matches
  }
  return matchesIn(text, foldForSearch(text), query)
}

/** The matches of `query` ignoring marks, in a text already folded (fold once, find many). */
function matchesIn(
  text: string,
  haystack: { folded: string; origin: number[] },
  query: string,
): { start: number; end: number }[] {
  const needle = foldForSearch(query).folded
  if (!needle) return []
  const matches: { start: number; end: number }[] = []
  for (
    let at = haystack.folded.indexOf(needle);
    at >= 0;
    at = haystack.folded.indexOf(needle, at + needle.length)
  ) {
    const start = haystack.origin[at] ?? 0
    const last = haystack.origin[at + needle.length - 1] ?? start
    // Marks written after the last letter belong to the match.
    let end = last + 1
    while (end < text.length && ignorable.test(text[end] ?? '')) end++
    matches.push({ start, end })
  }
  return matches
}

/** One article a search found (design.md: search gives {id, headline, snippet}). */
export interface SearchHit {
  id: string
  headline: string
  snippet: string
}

/** The text around [start, end) on one line, for a search result: `context` characters each side. */
export function snippetAround(text: string, start: number, end: number, context = 40): string {
  const from = Math.max(0, start - context)
  const to = Math.min(text.length, end + context)
  const piece = text.slice(from, to).replace(/\s+/g, ' ')
  return `${from > 0 ? '…' : ''}${piece}${to < text.length ? '…' : ''}`
}

/**
 * The terms of a search: its words, or a phrase in quotes ("…", «…» or “…”) kept together. An
 * article matches when it holds every term, in any order.
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = []
  for (const match of query.matchAll(/["«“]([^"»”]*)["»”]?|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim().replace(/\s+/g, ' ')
    if (foldedForSearch(term)) terms.push(term)
  }
  return terms
}

/** Where any of the terms occurs in a text, in order, overlaps merged: for marking matches. */
export function findTerms(text: string, terms: string[]): { start: number; end: number }[] {
  return termMatches(text, terms).merged
}

/**
 * The terms found in a text, the text folded once for all of them: where the terms stand
 * together as typed (`together`, first match), and where any of them occurs (`merged`).
 */
export function termMatches(
  text: string,
  terms: string[],
): {
  together: { start: number; end: number } | undefined
  merged: { start: number; end: number }[]
} {
  const haystack = foldForSearch(text)
  const together = terms.length > 1 ? matchesIn(text, haystack, terms.join(' '))[0] : undefined
  const all = terms
    .flatMap((term) => matchesIn(text, haystack, term))
    .sort((a, b) => a.start - b.start)
  const merged: { start: number; end: number }[] = []
  for (const match of all) {
    const last = merged[merged.length - 1]
    if (last && match.start <= last.end) last.end = Math.max(last.end, match.end)
    else merged.push({ ...match })
  }
  return { together, merged }
}
