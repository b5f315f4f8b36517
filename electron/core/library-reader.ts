import type { Article, ArticleSummary } from '../../shared/article.js'
import type { Settings } from '../../shared/settings.js'
import { libraryLayout } from './storage/layout.js'
import { readArticle, readIndex, readSettings } from './storage/library-files.js'

/**
 * Read-only access to a data dir without its lock, for reading commands that must work while
 * the desk is open. Every file is replaced atomically, so a read never sees half a write.
 */
export function openLibraryReader(dataDir: string, warn?: (message: string) => void) {
  const layout = libraryLayout(dataDir)
  return {
    list: async (): Promise<ArticleSummary[]> => (await readIndex(layout, warn)).index.articles,
    get: (id: string): Promise<Article> => readArticle(layout, id),
    settings: (): Promise<Settings> => readSettings(layout),
  }
}
