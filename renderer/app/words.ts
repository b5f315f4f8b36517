import { createContext, useContext } from 'react'
import { type Dictionary, ar } from '../i18n/ar.js'
import type { Language } from '../i18n/i18n.js'

/** The UI's language and its words, for every component below the app. */
export const WordsContext = createContext<{ words: Dictionary; language: Language }>({
  words: ar,
  language: 'ar',
})

/** The current UI words. */
export function useWords(): { words: Dictionary; language: Language } {
  return useContext(WordsContext)
}
