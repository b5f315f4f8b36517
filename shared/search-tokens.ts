import { foldedForSearch } from './search-text.js'

// Bidi controls (LRM, RLM, ALM, embeddings, isolates) and the zero-width joiners: invisible,
// so a word typed with one is the same word.
const invisible = (code: number) =>
  (code >= 0x200c && code <= 0x200f) ||
  code === 0x061c ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069) ||
  code === 0xfeff
const persian: Record<string, string> = { ی: 'ي', ک: 'ك', ۀ: 'ه' }

// What each character of the Arabic block becomes (0: dropped): Persian letters as Arabic, then
// folded as foldedForSearch folds them, so the one pass below agrees with it by construction.
const arabicBlock = Uint16Array.from({ length: 0x100 }, (_, n) => {
  const char = String.fromCharCode(0x0600 + n)
  const folded = foldedForSearch(persian[char] ?? char)
  return invisible(0x0600 + n) || !folded ? 0 : folded.charCodeAt(0)
})

let scratch = new Uint16Array(1024)
// Every host has one (Node, Electron, Chromium); shared/ is typed without any host's globals. A
// lone surrogate comes out as U+FFFD, one code unit for one: positions are kept.
const utf16 = new (
  globalThis as unknown as {
    TextDecoder: new (label: string) => { decode(codes: Uint16Array): string }
  }
).TextDecoder('utf-16le')

/**
 * Text normalised for search: NFC (decomposed hamza and madda composed), bidi marks and zero-width
 * joiners dropped, Persian ی and ک as Arabic ي and ك, then newsroom.md's folding (alef forms,
 * ى → ي, ة → ه, tashkeel and tatweel dropped, Arabic-Indic digits as Latin, lower case). One pass
 * over the code units instead of a regular expression a rule: a page of hits normalises tens of
 * thousands of characters, and this takes half the time.
 */
export function searchNormalized(text: string): string {
  const composed = text.normalize('NFC')
  if (scratch.length < composed.length) scratch = new Uint16Array(composed.length * 2)
  let length = 0
  for (let at = 0; at < composed.length; at++) {
    let code = composed.charCodeAt(at)
    if (code >= 0x0600 && code <= 0x06ff) {
      code = arabicBlock[code - 0x0600]!
      if (code === 0) continue
    } else if (code >= 0x200c && invisible(code)) continue
    scratch[length++] = code
  }
  return utf16.decode(scratch.subarray(0, length)).toLowerCase()
}

/**
 * A word's light stem: the conjunctions و and ف, the prepositions ب ك ل before the article,
 * and the article ال come off, as long as a word of two letters or more remains. So «والموازنة»,
 * «بالموازنة», «للموازنة», «الموازنة» and «موازنة» are one word to search; «ولد» stays «ولد».
 */
export function lightStem(word: string): string {
  let stem = word
  if ((stem.startsWith('و') || stem.startsWith('ف')) && stem.length >= 4) stem = stem.slice(1)
  if (stem.startsWith('لل') && stem.length >= 4) return stem.slice(2)
  if (/^[بكل]ال/u.test(stem) && stem.length >= 5) return stem.slice(3)
  if (stem.startsWith('ال') && stem.length >= 4) return stem.slice(2)
  return stem
}

// Letters and digits of the scripts a newsroom writes (Latin, Greek, Cyrillic, Hebrew, Arabic and
// its extensions): a plain character class splits four times faster than \p{L}\p{N}.
const nonWord =
  /[^0-9a-z\u00b5\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]+/

// A newsroom's vocabulary repeats: each word is stemmed once (the cache is bounded).
const stems = new Map<string, string>()

/** The words of a text as the search index holds them: normalised, split, stemmed. */
export function searchTokens(text: string): string[] {
  const tokens: string[] = []
  for (const word of searchNormalized(text).split(nonWord)) {
    if (!word) continue
    let stem = stems.get(word)
    if (stem === undefined) {
      stem = lightStem(word)
      if (stems.size > 500_000) stems.clear()
      stems.set(word, stem)
    }
    tokens.push(stem)
  }
  return tokens
}
