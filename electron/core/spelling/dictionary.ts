import { join } from 'node:path'

/** A Hunspell dictionary's two files. */
export interface DictionaryFiles {
  aff: string
  dic: string
}

/**
 * Where the shipped dictionary is (Ayaspell, `assets/spelling/`), from the app's root: the
 * project for the CLI and the browser host, the packaged app for the desktop one.
 */
export function bundledDictionary(root: string): DictionaryFiles {
  const folder = join(root, 'assets', 'spelling')
  return { aff: join(folder, 'ar.aff'), dic: join(folder, 'ar.dic') }
}
