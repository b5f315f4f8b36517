import { bidiPieces } from './bidi.js'

/**
 * The rules of house style for Arabic news copy (house-style.ts runs them): each finds what a
 * proofreader would mark in one paragraph's text (the headline is paragraph 0, the body's
 * paragraphs 1…n), with a fix where one is certain. Pure functions of the text: the desk, the
 * CLI and the editor will run the same.
 */

export const houseRuleIds = [
  'latin-punctuation',
  'space-before-punctuation',
  'double-space',
  'unbalanced-quotes',
  'doubled-letter',
  'tatweel',
  'mixed-digits',
  'invisible-control',
  'bidi-mark',
  'hamza-alef',
  'house-spelling',
  'spelling',
  'headline-length',
] as const

export type HouseRuleId = (typeof houseRuleIds)[number]
export type Severity = 'info' | 'warning' | 'error'

/** One finding: where (UTF-16 units inside the paragraph's text as stored), what, and the fix. */
export interface StyleFinding {
  rule: HouseRuleId
  paragraph: number
  offset: number
  length: number
  severity: Severity
  /** The rule's message in English (the CLI's); the UI words `rule` from its dictionary. */
  message: string
  /** What replaces the found text; absent where no fix is certain. */
  suggestion?: string
}

/** The rules' English messages and default severities (no rule blocks anything by default). */
export const houseRules: Record<HouseRuleId, { severity: Severity; message: string }> = {
  'latin-punctuation': {
    severity: 'warning',
    message: 'a Latin comma, semicolon or question mark in Arabic text',
  },
  'space-before-punctuation': { severity: 'warning', message: 'a space before punctuation' },
  'double-space': { severity: 'warning', message: 'two or more spaces in a row' },
  'unbalanced-quotes': { severity: 'warning', message: 'a quotation mark that is never closed' },
  'doubled-letter': { severity: 'warning', message: 'a letter Arabic never writes twice in a row' },
  tatweel: { severity: 'info', message: 'a tatweel stretching a word' },
  'mixed-digits': {
    severity: 'info',
    message: 'digits of the other system than the rest of the article',
  },
  'invisible-control': {
    severity: 'info',
    message: 'an invisible character that changes nothing here',
  },
  'bidi-mark': {
    severity: 'warning',
    message: 'a Latin run ending in a sign, which the site draws out of order',
  },
  'hamza-alef': { severity: 'warning', message: 'a common spelling without its hamza' },
  'house-spelling': { severity: 'warning', message: "not the newsroom's spelling of this word" },
  spelling: { severity: 'info', message: 'a word neither the dictionary nor the newsroom knows' },
  'headline-length': { severity: 'warning', message: 'the headline is longer than the site shows' },
}

const arabicLetter = /[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]/u
const isArabic = (char: string | undefined) => char !== undefined && arabicLetter.test(char)

export type Found = Omit<StyleFinding, 'paragraph' | 'severity' | 'message'>

/** The spans of a text that are Latin runs, numbers or addresses: Arabic rules skip them. */
function latinSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  let at = 0
  for (const piece of bidiPieces(text)) {
    if (piece.isolate) spans.push([at, at + piece.text.length])
    at += piece.text.length
  }
  return spans
}

const inside = (spans: [number, number][], at: number) => spans.some(([a, b]) => at >= a && at < b)

function* matches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  )
  for (let m = global.exec(text); m; m = global.exec(text)) {
    yield m
    if (m[0] === '') global.lastIndex++
  }
}

const latinToArabic: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' }

function latinPunctuation(text: string): Found[] {
  const spans = latinSpans(text)
  const found: Found[] = []
  for (const m of matches(text, /[,;?]/u)) {
    const at = m.index
    if (inside(spans, at)) continue
    // The sentence it ends is Arabic: the nearest letter before it.
    let back = at - 1
    while (back >= 0 && !/\p{L}/u.test(text[back]!)) back--
    if (!isArabic(text[back])) continue
    found.push({
      rule: 'latin-punctuation',
      offset: at,
      length: 1,
      suggestion: latinToArabic[m[0]],
    })
  }
  return found
}

function spaceBeforePunctuation(text: string): Found[] {
  const found: Found[] = []
  for (const m of matches(text, /(?<=\S)[ \u00a0]+(?=[،؛؟,;?.:!»”])/u)) {
    // "..." or a figure like ".5" after a space is not this.
    if (text.slice(m.index + m[0].length).startsWith('..')) continue
    found.push({
      rule: 'space-before-punctuation',
      offset: m.index,
      length: m[0].length,
      suggestion: '',
    })
  }
  return found
}

function doubleSpace(text: string): Found[] {
  const found: Found[] = []
  for (const m of matches(text, /(?<=\S)[ \u00a0]{2,}(?=\S)/u)) {
    found.push({ rule: 'double-space', offset: m.index, length: m[0].length, suggestion: ' ' })
  }
  return found
}

function unbalancedQuotes(text: string): Found[] {
  const found: Found[] = []
  const straight = [...matches(text, /"/u)].map((m) => m.index)
  if (straight.length % 2 === 1)
    found.push({ rule: 'unbalanced-quotes', offset: straight.at(-1)!, length: 1 })
  const open: number[] = []
  for (const m of matches(text, /[«»]/u)) {
    if (m[0] === '«') open.push(m.index)
    else if (open.length) open.pop()
    else found.push({ rule: 'unbalanced-quotes', offset: m.index, length: 1 })
  }
  for (const at of open) found.push({ rule: 'unbalanced-quotes', offset: at, length: 1 })
  return found.sort((a, b) => a.offset - b.offset)
}

function doubledLetter(text: string): Found[] {
  // Alef in any form, alef maqsura, taa marbuta and hamza are never written twice in a row;
  // لل، تت، وو، يي and the like are ordinary Arabic.
  return [...matches(text, /([اأإآىةء])\1+/u)].map((m) => ({
    rule: 'doubled-letter' as const,
    offset: m.index,
    length: m[0].length,
    suggestion: m[1],
  }))
}

function tatweel(text: string): Found[] {
  return [...matches(text, /\u0640+/u)].map((m) => ({
    rule: 'tatweel' as const,
    offset: m.index,
    length: m[0].length,
    suggestion: '',
  }))
}

const marks = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u2060\uFEFF\u061C]/u

/** Whether a bidi mark at `at` is the one `bidiMark` asks for: after a Latin run's sign, before Arabic. */
function neededMark(text: string, at: number): boolean {
  return (
    text[at] === '\u200E' &&
    /[^\p{L}\p{N}\s]/u.test(text[at - 1] ?? '') &&
    isArabic(nextLetter(text, at + 1))
  )
}

function nextLetter(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) if (/\p{L}/u.test(text[i]!)) return text[i]
  return undefined
}

function invisibleControl(text: string): Found[] {
  const found: Found[] = []
  for (const m of matches(text, marks)) {
    const at = m.index
    const char = m[0]
    const before = text[at - 1]
    const after = text[at + 1]
    if (char === '\u200C' || char === '\u200D') {
      // A joiner or non-joiner matters only between two letters that could join.
      if (isArabic(before) && isArabic(after)) continue
    } else if (char === '\u200E' || char === '\u200F' || char === '\u061C') {
      if (neededMark(text, at)) continue
      // A mark matters where the letters beside it are not already of its direction.
      const rtl = char !== '\u200E'
      const strongBefore = before !== undefined && /\p{L}/u.test(before) && isArabic(before) === rtl
      const strongAfter = after !== undefined && /\p{L}/u.test(after) && isArabic(after) === rtl
      if (!(strongBefore && strongAfter)) continue
    }
    found.push({ rule: 'invisible-control', offset: at, length: 1, suggestion: '' })
  }
  return found
}

function bidiMark(text: string): Found[] {
  const found: Found[] = []
  let at = 0
  for (const piece of bidiPieces(text)) {
    const end = at + piece.text.length
    if (
      piece.isolate &&
      /[^\p{L}\p{N}]$/u.test(piece.text) &&
      isArabic(nextLetter(text, end)) &&
      text[end] !== '\u200E'
    ) {
      found.push({
        rule: 'bidi-mark',
        offset: end - 1,
        length: 1,
        suggestion: `${text[end - 1]}\u200E`,
      })
    }
    at = end
  }
  return found
}

export const perParagraph = [
  latinPunctuation,
  spaceBeforePunctuation,
  doubleSpace,
  unbalancedQuotes,
  doubledLetter,
  tatweel,
  invisibleControl,
  bidiMark,
]
