import { reason } from '../../shared/reasons.js'
import { spellingKey } from '../../shared/spelling.js'
import type { DeskContext, Handlers } from './desk-context.js'
import { DeskFailure } from './failure.js'
import type { Speller } from './spelling/speller.js'

/**
 * The spellchecker's loading, once per desk: a dictionary that cannot be read is said each time
 * it is asked for (and tried again), never taken as "every word is right".
 */
export function lazySpeller(
  load: () => Promise<Speller>,
  newsroomWords: () => readonly string[],
): () => Promise<Speller> {
  let loading: Promise<Speller> | null = null
  let known: readonly string[] | null = null
  return async () => {
    loading ??= load().catch((error: unknown) => {
      loading = null
      throw DeskFailure.of(
        'io',
        `the spelling dictionary could not be loaded: ${(error as Error).message}`,
        reason('spelling-unavailable', { detail: (error as Error).message }),
      )
    })
    const speller = await loading
    // Settings are replaced whole on every change, so a new list is a new array.
    const words = newsroomWords()
    if (words !== known) {
      speller.know(words)
      known = words
    }
    return speller
  }
}

/** The `spelling.*` methods. */
export function spellingHandlers(context: DeskContext) {
  const handlers: Handlers<'spelling'> = {
    'spelling.check': async ({ words }) => ({
      misspelled: (await context.speller()).misspelled(words.map(spellingKey)),
    }),
    'spelling.suggest': async ({ word }) => ({
      suggestions: (await context.speller()).suggest(word),
    }),
    'spelling.addWord': async ({ word }) => {
      const key = spellingKey(word)
      return context.serially(async () => {
        const current = context.store.settings()
        if (current.newsroomWords.includes(key)) return { ...current }
        const next = { ...current, newsroomWords: [...current.newsroomWords, key] }
        await context.store.writeSettings(next)
        return { ...next }
      })
    },
  }
  return handlers
}
