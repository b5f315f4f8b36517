/**
 * Direction in text, by Unicode's rules simplified for Arabic news copy: the first strong letter
 * decides a paragraph (as HTML's dir="auto" does).
 */

// Arabic, Syriac, Thaana, N'Ko, Hebrew and the Arabic presentation forms: right-to-left letters.
const rtlLetter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u
const ltrLetter = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u

/** The direction the first strong letter gives, or null when the text has none. */
export function firstStrong(text: string): 'rtl' | 'ltr' | null {
  for (const char of text) {
    if (rtlLetter.test(char)) return 'rtl'
    if (ltrLetter.test(char)) return 'ltr'
  }
  return null
}

/** A piece of text, isolated left to right (a Latin run with its own punctuation) or not. */
export interface BidiPiece {
  text: string
  isolate: boolean
}

const latin = String.raw`[\p{Script=Latin}0-9]`
// Punctuation inside a Latin stretch (e-mail, Wi-Fi, 10:30, "Reuters, AP"), spaces between its
// words; at its end only the signs that belong to a name or a figure (OPEC+, 12%, C#, 5°).
const latinStretch = String.raw`${latin}(?:${latin}|(?:[.,:;/@&+\-_'’#*=~]+\s*|\s+)(?=${latin}))*[+%#°™®]*`
const url = String.raw`(?:https?:\/\/|www\.)[^\s<>"«»]*[^\s<>"«».,;:!?)'’]`
const latinRun = new RegExp(`${url}|${latinStretch}`, 'gu')
// Not global: a global regex's test() moves its lastIndex, which matchAll would then start from.
const anyLatin = new RegExp(latin, 'u')
const closers: Record<string, string> = {
  '(': ')',
  '[': ']',
  '"': '"',
  "'": "'",
  '“': '”',
  '‘': '’',
}

/**
 * Text cut where a Latin run sits inside it, so that each run can be shown isolated left to right
 * (`<bdi dir="ltr">`, a DOCX run without `w:rtl`): `"OPEC+"`, `(CNN)`, `12%`, `Wi-Fi`, an e-mail
 * address or a URL is then drawn as written, its signs and brackets with it, instead of the
 * Arabic around it pulling them to the other side. Nothing is added to the text: the pieces
 * joined give it back. A colon or a full stop after a Latin word is the Arabic sentence's, and
 * stays outside.
 */
export function bidiPieces(text: string): BidiPiece[] {
  const pieces: BidiPiece[] = []
  let last = 0
  for (const match of text.matchAll(latinRun)) {
    let start = match.index ?? 0
    let end = start + match[0].length
    // Brackets or quotes that enclose exactly the run go with it.
    const before = text[start - 1] ?? ''
    if (start - 1 >= last && closers[before] && text[end] === closers[before]) {
      start -= 1
      end += 1
    }
    if (start > last) pieces.push({ text: text.slice(last, start), isolate: false })
    pieces.push({ text: text.slice(start, end), isolate: true })
    last = end
  }
  if (last < text.length) pieces.push({ text: text.slice(last), isolate: false })
  return pieces
}

/** Whether a text has anything to isolate (most Arabic copy has not: render it as it is). */
export function hasLatinRun(text: string): boolean {
  return anyLatin.test(text)
}
