import { createContext, useContext } from 'react'
import { type Dictionary, ar } from '../i18n/ar.js'
import { type Digits, type Language, dictionary, formatNumber, formatWhen } from '../i18n/i18n.js'

/**
 * The UI's language and its words, for every component below the app, with the newsroom's way
 * of writing numbers and times: every number and time the desk shows goes through these.
 */
export interface UiWords {
  words: Dictionary
  language: Language
  digits: Digits
  timeZone: string
  /** A count, a priority, a year: in the chosen digits. */
  number: (value: number) => string
  /** A moment, in the newsroom's time zone and the chosen digits. */
  when: (iso: string) => string
}

/** The UI words for a language, digits and time zone. */
export function uiWords(language: Language, digits: Digits, timeZone: string): UiWords {
  return {
    words: dictionary(language),
    language,
    digits,
    timeZone,
    number: (value) => formatNumber(value, language, digits),
    when: (iso) => formatWhen(iso, language, timeZone, digits),
  }
}

export const WordsContext = createContext<UiWords>({
  ...uiWords('ar', 'latin', 'Asia/Baghdad'),
  words: ar,
})

/** The current UI words. */
export function useWords(): UiWords {
  return useContext(WordsContext)
}
