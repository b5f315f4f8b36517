import { readFile } from 'node:fs/promises'
import { type Hunspell, loadModule } from 'hunspell-asm'
import { spellingKey } from '../../../shared/spelling.js'
import type { DictionaryFiles } from './dictionary.js'

/**
 * The desk's spellchecker: Hunspell compiled to WebAssembly (hunspell-asm) with the Ayaspell
 * Arabic dictionary shipped in `assets/spelling/`, never downloaded, and the newsroom's own
 * words. One per desk, loaded on first use (a third of a second, some 80 MB).
 */
export interface Speller {
  /** Of some words (`spellingKey`s), those neither the dictionary nor the newsroom knows. */
  misspelled(keys: readonly string[]): string[]
  isMisspelled(key: string): boolean
  /** The dictionary's nearest words, best first. */
  suggest(word: string): string[]
  /** Makes these the newsroom's words (names and places): known with the prefixes nouns take. */
  know(words: readonly string[]): void
}

/** How many answers are remembered before the memory starts again (a decade's vocabulary). */
const remembered = 200_000
/** The most suggestions offered for one word. */
const suggestionsShown = 6

/** Loads the dictionary's two files into a speller. */
export async function loadSpeller(files: DictionaryFiles): Promise<Speller> {
  const [aff, dic, factory] = await Promise.all([
    readFile(files.aff),
    readFile(files.dic),
    loadModule(),
  ])
  const hunspell = factory.create(
    factory.mountBuffer(aff, 'ar.aff'),
    factory.mountBuffer(dic, 'ar.dic'),
  )
  factory.unmount('ar.dic')
  return hunspellSpeller(hunspell)
}

/** A newsroom word takes the affixes of a dictionary word like it: a name with ال, or without. */
function modelFor(word: string): string {
  return word.startsWith('ال') ? 'العراق' : 'بغداد'
}

function hunspellSpeller(hunspell: Hunspell): Speller {
  const answers = new Map<string, boolean>()
  let added = new Set<string>()
  const isMisspelled = (key: string) => {
    let wrong = answers.get(key)
    if (wrong === undefined) {
      wrong = !hunspell.spell(key)
      if (answers.size >= remembered) answers.clear()
      answers.set(key, wrong)
    }
    return wrong
  }
  return {
    isMisspelled,
    misspelled: (keys) => keys.filter(isMisspelled),
    suggest: (word) => {
      // Hunspell also offers the word cut in two («الح كومه»): such a cut comes after every
      // whole word, and only while there are few of those (it is right for «وزارةالخارجية»).
      const all = hunspell.suggest(spellingKey(word))
      const whole = all.filter((s) => !s.includes(' '))
      const cut = whole.length < 3 ? all.filter((s) => s.includes(' ')) : []
      return [...whole, ...cut].slice(0, suggestionsShown)
    },
    know(words) {
      // Only words the dictionary lacks are added, so taking one back never removes its own.
      const next = new Set(words.map(spellingKey))
      for (const word of added) if (!next.has(word)) hunspell.removeWord(word)
      const kept = new Set([...added].filter((word) => next.has(word)))
      for (const word of next) {
        if (kept.has(word) || hunspell.spell(word)) continue
        hunspell.addWordWithAffix(word, modelFor(word))
        kept.add(word)
      }
      added = kept
      answers.clear()
    },
  }
}
