import { readdir } from 'node:fs/promises'
import { Low } from 'lowdb'
import {
  type Article,
  type ArticleSummary,
  newestFirst,
  summarize,
} from '../../../shared/article.js'
import { type Settings, withDefaults } from '../../../shared/settings.js'
import { DeskFailure, errnoCode } from '../failure.js'
import type { AtomicFs } from './atomic-write.js'
import { JsonFile } from './json-file.js'
import type { LibraryLayout } from './layout.js'

/** `library.json`: the index of article summaries, rebuildable from the article files. */
export interface LibraryIndex {
  version: 1
  articles: ArticleSummary[]
}

/** Opens one lowdb file of the library. */
export function lowFile<T>(path: string, defaults: T, fs?: AtomicFs): Low<T> {
  return new Low(new JsonFile<T>(path, fs), defaults)
}

/** Reads one article, or fails with `not-found`. */
export async function readArticle(layout: LibraryLayout, id: string): Promise<Article> {
  const article = await new JsonFile<Article>(layout.article(id)).read()
  if (!article) throw new DeskFailure('not-found', `no article with id ${id}`)
  return article
}

/** Reads the settings, filling in defaults for anything the file does not say. */
export async function readSettings(layout: LibraryLayout): Promise<Settings> {
  return withDefaults(await new JsonFile<Partial<Settings>>(layout.settings).read())
}

/**
 * Reads the index; when it is missing, builds it from the article files (without writing).
 * A corrupt index is rebuilt too: it holds nothing the article files do not.
 */
export async function readIndex(
  layout: LibraryLayout,
  warn: (message: string) => void = () => undefined,
): Promise<{ index: LibraryIndex; rebuilt: boolean }> {
  try {
    const stored = await new JsonFile<LibraryIndex>(layout.index).read()
    if (stored && Array.isArray(stored.articles)) return { index: stored, rebuilt: false }
  } catch (error) {
    if (!(error instanceof DeskFailure)) throw error
    warn(`${error.message}; rebuilding the index from the article files`)
  }
  return { index: await buildIndex(layout, warn), rebuilt: true }
}

/** The index as the article files say it should be. */
export async function buildIndex(
  layout: LibraryLayout,
  warn: (message: string) => void = () => undefined,
): Promise<LibraryIndex> {
  let names: string[] = []
  try {
    names = await readdir(layout.articles)
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error
  }
  const articles: ArticleSummary[] = []
  for (const name of names) {
    if (!name.endsWith('.json')) continue
    try {
      const article = await new JsonFile<Article>(`${layout.articles}/${name}`).read()
      if (article) articles.push(summarize(article))
    } catch (error) {
      // One damaged article must not hide the others; it stays on disk for repair.
      if (!(error instanceof DeskFailure)) throw error
      warn(`${error.message}; left out of the index`)
    }
  }
  return { version: 1, articles: articles.sort(newestFirst) }
}
