import type { Article, ArticleSummary } from '../../shared/article.js'
import type { LibraryNotice } from '../../shared/notices.js'
import type { Settings } from '../../shared/settings.js'
import { type LibrarySearch, openLibrarySearch } from './library-search.js'
import type { RankedHit, SearchRequest } from './search-index.js'
import { summaryOf } from './storage/library-index.js'
import { nodeFs } from './storage/storage-fs.js'
import { type LibraryStorage, noticeLines, openLibrary } from './storage/library-store.js'
import { revisionDiff, revisionHistory } from './history-handlers.js'

/**
 * Read-only access to a data dir without its lock, for reading commands that must work while
 * the desk is open: it writes nothing, shows the library as the article files say (a damaged
 * article as its newest intact revision) and reports what a writing open would repair. Every
 * file is replaced atomically, so a read never sees half a write. Opened on first use.
 */
export function openLibraryReader(dataDir: string, warn: (message: string) => void = () => {}) {
  let opened: Promise<LibraryStorage> | null = null
  let searching: Promise<LibrarySearch> | null = null
  const library = () =>
    (opened ??= openLibrary({ dataDir, mode: 'read' }).then((store) => {
      for (const line of noticeLines(store.notices(), false)) warn(line)
      return store
    }))
  return {
    /** Searches with the persisted index, brought up to date in memory (nothing is written). */
    search: async (request: SearchRequest): Promise<RankedHit[]> => {
      searching ??= library().then((store) =>
        openLibrarySearch({
          fs: nodeFs,
          store,
          persist: false,
          clock: () => new Date(),
          warn,
          progress: (done, total) => warn(`indexing for search: ${done}/${total}`),
        }),
      )
      return (await searching).search(request)
    },
    list: async (): Promise<ArticleSummary[]> => (await library()).summaries.map(summaryOf),
    history: async (id: string) => revisionHistory(await library(), id),
    diff: async (id: string, from: number, to: number) =>
      revisionDiff(await library(), id, from, to),
    trashed: async () => (await library()).trashBin.list(),
    get: async (id: string): Promise<Article> => (await library()).read(id),
    settings: async (): Promise<Settings> => (await library()).settings(),
    notices: async (): Promise<LibraryNotice[]> => (await library()).notices(),
  }
}
