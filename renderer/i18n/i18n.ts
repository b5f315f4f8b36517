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

/** A date and time as the UI shows it, in the newsroom's time zone, Latin digits. */
export function formatWhen(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ar-IQ-u-nu-latn', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso))
}

/** A dictionary template with its `{name}` places filled in. */
export function fill(template: string, values: object): string {
  const known = values as Record<string, unknown>
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in known ? String(known[name]) : whole,
  )
}
