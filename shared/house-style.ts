import type { Delta } from './article.js'
import { deltaToParagraphs } from './delta.js'
import { graphemes } from './slug.js'
import { type Found, houseRules, perParagraph, type StyleFinding } from './house-rules.js'
import { commonHamzaForms, mixedDigits, wordForms } from './house-words.js'
import { misspelledWords } from './spelling.js'
import type { HouseRuleId, Severity } from './house-rules.js'

/** House style: the rules run over an article's texts with a newsroom's choices, and their fixes. */
export { houseRuleIds, houseRules } from './house-rules.js'
export type { HouseRuleId, Severity, StyleFinding } from './house-rules.js'

/** What a newsroom may change: rules off, severities, its own words to replace, the limit. */
export interface HouseStyle {
  off?: HouseRuleId[]
  severities?: Partial<Record<HouseRuleId, Severity>>
  /** Wrong form → right form, whole words (a newsroom's spellings of names and places). */
  replacements?: Record<string, string>
  /** The headline's longest length in graphemes; none: no `headline-length` findings. */
  headlineLimit?: number | null
}

/** Severities from the least: a threshold blocks findings at it and above. */
export const severities: readonly Severity[] = ['info', 'warning', 'error']

/** Whether a finding's severity reaches a threshold. */
export function reaches(severity: Severity, threshold: Severity): boolean {
  return severities.indexOf(severity) >= severities.indexOf(threshold)
}

/**
 * The texts house style reads, as findings count them: the headline (paragraph 0), then each
 * body paragraph with text (1…n), as stored, images left out — the site format's paragraphs.
 */
export function styledParagraphs(article: { headline: string; body: Delta }): string[] {
  return [article.headline, ...deltaToParagraphs(article.body)]
}

/**
 * Every finding in an article's texts (`paragraphs[0]` the headline), in paragraph and offset
 * order, with the newsroom's choices applied. `misspelled` answers for the spellchecker (the
 * core's dictionary, or what the editor learnt from it); a word another rule already marks is
 * not marked again as misspelled.
 */
export function checkHouseStyle(
  paragraphs: string[],
  style: HouseStyle = {},
  misspelled?: (key: string) => boolean,
): StyleFinding[] {
  const found: (Found & { paragraph: number })[] = []
  const spellings = new Map(Object.entries(style.replacements ?? {}))
  paragraphs.forEach((text, paragraph) => {
    const here: Found[] = []
    for (const rule of perParagraph) here.push(...rule(text))
    here.push(...wordForms(text, commonHamzaForms, 'hamza-alef'))
    here.push(...wordForms(text, spellings, 'house-spelling'))
    const marked = (f: Found) =>
      here.some((o) => o.offset < f.offset + f.length && f.offset < o.offset + o.length)
    if (misspelled) here.push(...misspelledWords(text, misspelled).filter((f) => !marked(f)))
    for (const f of here) found.push({ ...f, paragraph })
  })
  found.push(...mixedDigits(paragraphs))
  const limit = style.headlineLimit
  const headline = paragraphs[0] ?? ''
  if (limit && graphemes(headline).length > limit) {
    const cut = graphemes(headline).slice(0, limit).join('').length
    found.push({
      rule: 'headline-length',
      paragraph: 0,
      offset: cut,
      length: headline.length - cut,
    })
  }
  const off = new Set(style.off ?? [])
  return found
    .filter((f) => !off.has(f.rule))
    .map((f) => ({
      ...f,
      severity: style.severities?.[f.rule] ?? houseRules[f.rule].severity,
      message: houseRules[f.rule].message,
    }))
    .sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset)
}

/**
 * A paragraph's text with the fixes of the given findings applied (those that have one), from
 * the end backwards so that each offset still points where it did; overlapping fixes after the
 * first are left for the next check.
 */
export function applyFixes(text: string, findings: StyleFinding[]): string {
  let result = text
  let limit = Infinity
  for (const f of [...findings]
    .filter((f) => f.suggestion !== undefined)
    .sort((a, b) => b.offset - a.offset)) {
    if (f.offset + f.length > limit) continue
    result = result.slice(0, f.offset) + f.suggestion + result.slice(f.offset + f.length)
    limit = f.offset
  }
  return result
}
