import { link, mkdir, readdir, rename, unlink } from 'node:fs/promises'
import type { Low } from 'lowdb'
import {
  type Article,
  type ArticleSummary,
  newestFirst,
  summarize,
} from '../../../shared/article.js'
import type { Settings } from '../../../shared/settings.js'
import { errnoCode } from '../failure.js'
import { type AtomicFs, syncFolder } from './atomic-write.js'
import { JsonFile } from './json-file.js'
import type { LibraryLayout } from './layout.js'
import { type LibraryIndex, lowFile, readArticle } from './library-files.js'

/**
 * The library on disk for a writing desk: article files, their revision snapshots, the trash
 * and the index kept in memory and written after each change (or once after a batch).
 */
export class LibraryStore {
  constructor(
    readonly layout: LibraryLayout,
    private readonly indexDb: Low<LibraryIndex>,
    readonly settingsDb: Low<Settings>,
    private readonly revisionsKept: number,
    private readonly fs?: AtomicFs,
  ) {}

  /** The index rows, newest first. */
  get summaries(): readonly ArticleSummary[] {
    return this.indexDb.data.articles
  }

  /** Whether an id is in the library (not in the trash). */
  has(id: string): boolean {
    return this.summaries.some((entry) => entry.id === id)
  }

  /** The slugs in use by every article but one. */
  takenSlugs(exceptId: string | null): Set<string> {
    return new Set(
      this.summaries.filter((entry) => entry.id !== exceptId && entry.slug).map((e) => e.slug),
    )
  }

  /** Reads one article. */
  read(id: string): Promise<Article> {
    return readArticle(this.layout, id)
  }

  /**
   * Writes an article atomically, snapshots it as its revision, and updates the index; with
   * `batch`, the index is written later by `finishBatch()`.
   */
  async write(article: Article, options: { batch?: boolean } = {}): Promise<void> {
    await new JsonFile<Article>(this.layout.article(article.id), this.fs).writeWith(article, {
      syncFolder: !options.batch,
    })
    await this.snapshot(article)
    const rows = this.indexDb.data.articles
    const at = rows.findIndex((entry) => entry.id === article.id)
    if (at >= 0) rows.splice(at, 1)
    rows.push(summarize(article))
    if (!options.batch) await this.saveIndex()
  }

  /** Ends a batch of writes: syncs the articles folder once, then writes the index. */
  async finishBatch(): Promise<void> {
    await syncFolder(this.layout.articles)
    await this.saveIndex()
  }

  private async saveIndex(): Promise<void> {
    this.indexDb.data.articles.sort(newestFirst)
    await this.indexDb.write()
  }

  /** Moves an article to the trash; its revisions stay. */
  async trash(id: string): Promise<void> {
    await readArticle(this.layout, id)
    await rename(this.layout.article(id), this.layout.trashed(id))
    this.indexDb.data.articles = this.summaries.filter((entry) => entry.id !== id)
    await this.indexDb.write()
  }

  // The article file was just replaced by a rename, so a hard link to it is a snapshot that
  // costs no copy; where links are not allowed, the snapshot is written out.
  private async snapshot(article: Article): Promise<void> {
    const folder = this.layout.revisions(article.id)
    const target = this.layout.revision(article.id, article.revision)
    await mkdir(folder, { recursive: true })
    await unlink(target).catch(() => undefined)
    try {
      await link(this.layout.article(article.id), target)
    } catch (error) {
      if (errnoCode(error) !== 'EPERM' && errnoCode(error) !== 'EXDEV') throw error
      await lowFile(target, article, this.fs).write()
    }
    if (article.revision <= this.revisionsKept) return
    const names = (await readdir(folder)).sort()
    for (const old of names.slice(0, Math.max(0, names.length - this.revisionsKept))) {
      await unlink(`${folder}/${old}`).catch(() => undefined)
    }
  }
}
