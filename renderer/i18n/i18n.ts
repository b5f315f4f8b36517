import type { ArticleState } from '../../shared/article.js'
import { type Dictionary, ar } from './ar.js'
import { en } from './en.js'

/** A UI language. */
export type Language = 'ar' | 'en'

/** The dictionary of a UI language. */
export function dictionary(language: Language): Dictionary {
  return language === 'en' ? en : ar
}

/** Arabic reads right to left; the whole layout mirrors with it. */
export function direction(language: Language): 'rtl' | 'ltr' {
  return language === 'en' ? 'ltr' : 'rtl'
}

const stateKeys: Record<ArticleState, keyof Dictionary> = {
  draft: 'stateDraft',
  in_review: 'stateInReview',
  ready: 'stateReady',
  scheduled: 'stateScheduled',
  exported: 'stateExported',
  corrected: 'stateCorrected',
  withdrawn: 'stateWithdrawn',
}

/** The UI word for a workflow state. */
export function stateLabel(words: Dictionary, state: ArticleState): string {
  return words[stateKeys[state]]
}

/** The digits the newsroom writes numbers with (Settings). */
export type Digits = 'latin' | 'arab'

/** The locale the UI formats dates and numbers with: Levantine month names in Arabic. */
export function uiLocale(language: Language, digits: Digits): string {
  // Unicode's numbering system names: `latn` and `arab`.
  const system = digits === 'arab' ? 'arab' : 'latn'
  return language === 'en' ? `en-GB-u-nu-${system}` : `ar-IQ-u-nu-${system}`
}

/** A date and time as the UI shows it, in the newsroom's time zone and digits. */
export function formatWhen(
  iso: string,
  language: Language,
  timeZone: string,
  digits: Digits = 'latin',
): string {
  // Month by name (كانون الأول in Arabic), hour with ص/م: never the numeric dd/mm/yyyy.
  return new Intl.DateTimeFormat(uiLocale(language, digits), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso))
}

/** A count or a priority in the chosen digits, grouped by thousands as the language does. */
export function formatNumber(value: number, language: Language, digits: Digits): string {
  return new Intl.NumberFormat(uiLocale(language, digits)).format(value)
}

/** A dictionary template with its `{name}` places filled in. */
export function fill(template: string, values: object): string {
  const known = values as Record<string, unknown>
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in known ? String(known[name]) : whole,
  )
}
