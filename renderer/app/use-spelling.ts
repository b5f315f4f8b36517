import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Settings } from '../../shared/settings.js'
import { distinctWords, spellingKey } from '../../shared/spelling.js'
import { useDesk } from './desk-context.js'
import { describeError } from './describe-error.js'
import { useWords } from './words.js'

const noAnswers: ReadonlyMap<string, boolean> = new Map()

/** The most words one `spelling.check` carries (its schema's limit). */
const wordsPerCall = 20_000

/**
 * Spelling in the open article, off the typing path: when the text settles, the words the
 * desk has not been asked about go to its spellchecker in one call, and the answers are kept
 * for the sitting, so a settled edit asks about its new words only. What the hook gives is a
 * plain lookup for house style (`misspelled`), and the menu's questions and the added word.
 */
export function useSpelling(
  texts: string[],
  settings: Settings,
  onSettings: (settings: Settings) => void,
  onError: (message: string) => void,
) {
  const { desk } = useDesk()
  const { words: ui } = useWords()
  const enabled = !settings.houseStyle.off.includes('spelling')
  // The answers hold for one list of the newsroom's words: a new list (a word added here, in
  // Settings, or by another desk) starts them again, as a new array is a new list.
  const newsroomWords = settings.newsroomWords
  const [learnt, setLearnt] = useState({ for: newsroomWords, answers: noAnswers })
  const answers = learnt.for === newsroomWords ? learnt.answers : noAnswers
  /** The words asked about and not yet answered, with the list they were asked under. */
  const asking = useRef(new Map<string, readonly string[]>())
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])

  const failed = useRef(false)

  useEffect(() => {
    if (!enabled || failed.current) return
    const fresh = distinctWords(texts).filter(
      (key) => !answers.has(key) && asking.current.get(key) !== newsroomWords,
    )
    for (let from = 0; from < fresh.length; from += wordsPerCall) {
      const words = fresh.slice(from, from + wordsPerCall)
      for (const key of words) asking.current.set(key, newsroomWords)
      void desk.spelling.check({ words }).then((result) => {
        for (const key of words) asking.current.delete(key)
        if (!live.current) return
        // A dictionary that cannot load is said once for this article; nothing is marked.
        if (!result.ok) {
          if (!failed.current) onError(describeError(ui, result.error))
          failed.current = true
          return
        }
        const wrong = new Set(result.value.misspelled)
        setLearnt((current) => {
          const next = new Map(current.for === newsroomWords ? current.answers : [])
          for (const key of words) next.set(key, wrong.has(key))
          return { for: newsroomWords, answers: next }
        })
      })
    }
  }, [texts, enabled, desk, onError, answers, newsroomWords, ui])

  const misspelled = useMemo(() => (key: string) => answers.get(key) === true, [answers])

  const suggest = useCallback(
    async (word: string) => {
      const result = await desk.spelling.suggest({ word: spellingKey(word) })
      return result.ok ? result.value.suggestions : []
    },
    [desk],
  )

  const addWord = useCallback(
    async (word: string) => {
      const key = spellingKey(word)
      const result = await desk.spelling.addWord({ word: key })
      if (!result.ok) return onError(describeError(ui, result.error))
      onSettings(result.value)
    },
    [desk, onError, onSettings, ui],
  )

  return { misspelled: enabled ? misspelled : undefined, suggest, addWord }
}
