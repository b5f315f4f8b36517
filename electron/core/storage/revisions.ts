import type { Article } from '../../../shared/article.js'
import { storedArticleSchema } from '../../../shared/stored-schemas.js'
import { errnoCode } from '../failure.js'
import { writeFileAtomic } from './atomic-write.js'
import type { LibraryLayout } from './layout.js'
import type { StorageFs } from './storage-fs.js'
import { readStored } from './stored-file.js'

/**
 * Revisions: each saved revision of an article is its own file in `revisions/<id>/`, written
 * out whole (never a link to the article file, so damage to one never reaches the other), the
 * newest `kept` of them kept.
 */
export class Revisions {
  constructor(
    private readonly fs: StorageFs,
    private readonly layout: LibraryLayout,
    private readonly tempDir: string,
    private readonly kept: number,
  ) {}

  /** Writes an article's revision file, and drops the one that falls out of the kept window. */
  async write(article: Article, text: string): Promise<void> {
    // Not fsynced: the article file just written is (its fsync is what a save waits for). A
    // revision torn by a power cut reads as damaged and the one before it is used instead.
    const write = () =>
      writeFileAtomic(this.layout.revision(article.id, article.revision), text, this.fs, {
        tempDir: this.tempDir,
        sync: false,
      })
    // The folder exists for every article saved before: it is made first only for a new
    // article, else when the rename says it is missing (a mkdir on every save waits behind the
    // disk's journal, tens of ms at times).
    if (article.revision === 1) {
      await this.fs.mkdir(this.layout.revisions(article.id), { recursive: true })
    }
    await write().catch(async (error: unknown) => {
      if (errnoCode(error) !== 'ENOENT') throw error
      await this.fs.mkdir(this.layout.revisions(article.id), { recursive: true })
      await write()
    })
    // Only the one revision that just fell out: no listing of the folder on every save.
    const old = article.revision - this.kept
    if (old >= 1) await this.fs.unlink(this.layout.revision(article.id, old)).catch(() => undefined)
  }

  /** The revision numbers kept for an article, newest first. */
  async list(id: string): Promise<number[]> {
    let names: string[]
    try {
      names = await this.fs.readdir(this.layout.revisions(id))
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return []
      throw error
    }
    return names
      .map((name) => /^(\d{6,})\.json$/.exec(name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => b - a)
  }

  /** The newest revision of an article that reads back whole and is of that article, or null. */
  async newestIntact(id: string): Promise<Article | null> {
    for (const revision of await this.list(id)) {
      const read = await readStored(
        this.fs,
        this.layout.revision(id, revision),
        storedArticleSchema,
      ).catch(() => null)
      if (read?.status === 'ok' && read.value.id === id) return read.value as Article
    }
    return null
  }
}
