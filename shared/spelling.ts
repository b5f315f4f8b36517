import type { Found } from './house-rules.js'

/**
 * The words of a text as the spellchecker reads them. Pure: the editor picks out the words it
 * has not asked about yet, the core checks them with the Hunspell dictionary
 * (electron/core/spelling/), and both place the findings with `misspelledWords`.
 */

/** One word where it stands in a paragraph's text (UTF-16 units), and what is checked. */
export interface WordAt {
  offset: number
  length: number
  /** The word without diacritics or tatweel: Hunspell ignores both, so one question per word. */
  key: string
}

// A run of Arabic letters, with the diacritics and tatweel that may sit inside it. A run
// touching a Latin letter or a digit («الـ2024», «iPhoneات») is part of something else.
const arabicRun =
  /(?:[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]|\u0640|[\u064B-\u065F\u0670])+/gu
const marks = /\u0640|[\u064B-\u065F\u0670]/gu
const joined = /[\p{L}\p{N}]/u
const arabicLetter = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]/u

/** The longest word asked about: anything longer is not a word (a pasted run, a stretch). */
export const longestWord = 40

/** The Arabic words of a text worth asking about: two letters or more, nothing attached. */
export function spellingWords(text: string): WordAt[] {
  const words: WordAt[] = []
  for (const match of text.matchAll(arabicRun)) {
    const offset = match.index
    const run = match[0]
    if (joined.test(text[offset - 1] ?? '') || joined.test(text[offset + run.length] ?? ''))
      continue
    const key = spellingKey(run)
    if (key.length < 2 || key.length > longestWord || !arabicLetter.test(key[0] ?? '')) continue
    words.push({ offset, length: run.length, key })
  }
  return words
}

/** What a word is checked and remembered as: its letters alone. */
export function spellingKey(word: string): string {
  return word.replace(marks, '')
}

/** Every distinct word of some texts, in the order first met. */
export function distinctWords(texts: string[]): string[] {
  const seen = new Set<string>()
  for (const text of texts) for (const word of spellingWords(text)) seen.add(word.key)
  return [...seen]
}

/** The misspelled words of one paragraph as findings of the `spelling` rule (no certain fix). */
export function misspelledWords(text: string, misspelled: (key: string) => boolean): Found[] {
  return spellingWords(text)
    .filter((word) => misspelled(word.key))
    .map(({ offset, length }) => ({ rule: 'spelling', offset, length }))
}
