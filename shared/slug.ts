/** Tashkeel (harakat, tanween, shadda, sukun, superscript alef) and tatweel. */
const marksAndTatweel = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu
/** Bidi and zero-width controls that chat apps leave in pasted text. */
const invisibleControls = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/gu

/** The graphemes of a text (a letter with its marks is one). */
export function graphemes(text: string): string[] {
  return Array.from(
    new Intl.Segmenter('ar', { granularity: 'grapheme' }).segment(text),
    (s) => s.segment,
  )
}

/**
 * A slug from a headline: tashkeel, tatweel and invisible controls dropped, punctuation and
 * spaces become `-`, Arabic and Latin letters and digits kept, at most 80 characters, cut on
 * a grapheme boundary. Empty when the headline has no letters.
 */
export function slugify(headline: string): string {
  const base = headline
    .normalize('NFC')
    .replace(marksAndTatweel, '')
    .replace(invisibleControls, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  let slug = ''
  for (const grapheme of graphemes(base)) {
    if (slug.length + grapheme.length > 80) break
    slug += grapheme
  }
  return slug.replace(/-+$/, '')
}

/** A slug not in `taken`: the base, else base-2, base-3… */
export function uniqueSlug(base: string, taken: { has(slug: string): boolean }): string {
  const root = base || 'article'
  if (!taken.has(root)) return root
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${cutGraphemes(root, 80 - suffix.length)}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

function cutGraphemes(text: string, max: number): string {
  let out = ''
  for (const g of graphemes(text)) {
    if (out.length + g.length > max) break
    out += g
  }
  return out
}

const windowsReserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

/**
 * A file-name stem safe on Windows, macOS and Linux: no path separators or traversal, no
 * reserved characters or names, no control, bidi or zero-width characters, no trailing dot or
 * space, at most 100 characters. Never empty.
 */
export function safeFileStem(name: string): string {
  let stem = name
    .normalize('NFC')
    .replace(invisibleControls, '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s-]+|[.\s]+$/gu, '')
  stem = cutGraphemes(stem, 100).replace(/[.\s]+$/u, '')
  if (!stem) return 'article'
  const firstPart = stem.split('.')[0] ?? ''
  return windowsReserved.test(firstPart) ? stem.replace(/^[^.]*/, (part) => `${part}-`) : stem
}

/**
 * The longest exported file name, in UTF-8 bytes: file systems allow 255, and an atomic write
 * adds `.<pid>.<random>.tmp` (up to 22 bytes) while the file is written.
 */
export const maxExportNameBytes = 230

/** A text's length in UTF-8 bytes. */
function utf8Length(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

/**
 * `stem + tail` within `maxBytes` of UTF-8, the stem cut between graphemes (never inside a
 * letter and its marks); a tail longer than half the limit is cut too, keeping its extension.
 */
export function fitFileName(stem: string, tail: string, maxBytes = maxExportNameBytes): string {
  if (utf8Length(stem + tail) <= maxBytes) return stem + tail
  let end = tail
  if (utf8Length(end) > maxBytes / 2) {
    const extension = /\.[A-Za-z0-9]{1,8}$/.exec(end)?.[0] ?? ''
    end = fitFileName(end.slice(0, end.length - extension.length), extension, maxBytes / 2)
  }
  let cut = ''
  for (const piece of graphemes(stem)) {
    if (utf8Length(cut + piece + end) > maxBytes) break
    cut += piece
  }
  return (cut.replace(/[.\s-]+$/u, '') || 'article') + end
}
