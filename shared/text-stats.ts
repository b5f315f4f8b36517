/** Arabic news prose read silently, in words a minute: a conservative figure for newsreaders. */
export const readingWordsPerMinute = 180

/** What the status bar counts. */
export interface TextStats {
  words: number
  characters: number
  minutes: number
}

/** Words, characters (graphemes, spaces excluded) and reading time of a text. */
export function textStats(text: string): TextStats {
  const words = text.split(/[\s\u00a0]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
  let characters = 0
  for (const { segment } of new Intl.Segmenter('ar', { granularity: 'grapheme' }).segment(text)) {
    if (!/^[\s\u00a0]$/u.test(segment)) characters++
  }
  return {
    words,
    characters,
    minutes: words === 0 ? 0 : Math.max(1, Math.round(words / readingWordsPerMinute)),
  }
}
