import type { Found, HouseRuleId } from './house-rules.js'

/**
 * House rules that look past one sign: whole words with a preferred form (hamza forms, the
 * newsroom's spellings) and the article's digit systems. house-style.ts runs them.
 */

/** The hamza forms most often dropped in copy, as whole words (with و or ف before them). */
export const commonHamzaForms: ReadonlyMap<string, string> = new Map([
  ['الى', 'إلى'],
  ['اذا', 'إذا'],
  ['لان', 'لأن'],
  ['اكثر', 'أكثر'],
  ['اكبر', 'أكبر'],
  ['اقل', 'أقل'],
  ['امس', 'أمس'],
  ['اول', 'أول'],
])

/**
 * Whole words with a preferred form (`forms`: wrong → right), also after و or ف. One pass over
 * the paragraph's words with a map lookup each, however many forms a newsroom keeps; a place
 * already written in its right form («كربلاء المقدسة» for كربلاء) is not found again.
 */
export function wordForms(
  text: string,
  forms: ReadonlyMap<string, string>,
  rule: HouseRuleId,
): Found[] {
  const found: Found[] = []
  if (forms.size === 0) return found
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    let word = m[0]
    let at = m.index
    let right = forms.get(word)
    if (right === undefined && /^[وف]./u.test(word)) {
      word = word.slice(1)
      at += 1
      right = forms.get(word)
    }
    if (right === undefined) continue
    const within = right.indexOf(word)
    if (within >= 0 && text.startsWith(right, at - within)) continue
    found.push({ rule, offset: at, length: word.length, suggestion: right })
  }
  return found
}

/** Digits of the system the article uses less, at each run (across all its paragraphs). */
export function mixedDigits(paragraphs: string[]): (Found & { paragraph: number })[] {
  const western = paragraphs.join('\n').match(/[0-9]/g)?.length ?? 0
  const eastern = paragraphs.join('\n').match(/[٠-٩]/g)?.length ?? 0
  if (!western || !eastern) return []
  const minority = western < eastern ? /[0-9]+/gu : /[٠-٩]+/gu
  return paragraphs.flatMap((text, paragraph) =>
    [...text.matchAll(minority)].map((m) => ({
      rule: 'mixed-digits' as const,
      paragraph,
      offset: m.index,
      length: m[0].length,
    })),
  )
}
