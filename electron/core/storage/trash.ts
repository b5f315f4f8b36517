import type { Article } from '../../../shared/article.js'
import type { TrashedArticle } from '../../../shared/revisions.js'
import { storedArticleSchema } from '../../../shared/stored-schemas.js'
import { errnoCode } from '../failure.js'
import type { LibraryLayout } from './layout.js'
import type { RecoveryCopies } from './recovery-copies.js'
import type { Revisions } from './revisions.js'
import type { StorageFs } from './storage-fs.js'
import { readStored } from './stored-file.js'

export type { TrashedArticle }

/**
 * The trash (`trash/<id>.json`): a trashed article's file moved out of `articles/`, its time
 * set to the moment it was trashed; its revisions, images and recovery copies stay until it is
 * purged. Restoring moves the file back as it was.
 */
export class TrashBin {
  constructor(
    private readonly parts: {
      fs: StorageFs
      layout: LibraryLayout
      revisions: Revisions
      recovery: RecoveryCopies
      clock: () => Date
      /** The failure a write that did not happen is reported as (library-storage.ts). */
      failed: (what: string, error: unknown) => Error
    },
  ) {}

  /** Moves an article's file into the trash and stamps when. */
  async put(id: string): Promise<void> {
    const { fs, layout } = this.parts
    try {
      await fs.mkdir(layout.trash, { recursive: true })
      await fs.rename(layout.article(id), layout.trashed(id))
    } catch (error) {
      throw this.parts.failed(`article ${id}`, error)
    }
    const now = this.parts.clock()
    // The time it was trashed: what the automatic purge counts from. Not worth a failure.
    await fs.utimes(layout.trashed(id), now, now).catch(() => undefined)
  }

  /** The trashed articles, newest trashed first; a file that does not read is left out. */
  async list(): Promise<TrashedArticle[]> {
    const { fs, layout } = this.parts
    let names: string[]
    try {
      names = await fs.readdir(layout.trash)
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return []
      throw error
    }
    const found: TrashedArticle[] = []
    for (const name of names) {
      const id = /^([a-z0-9]+)\.json$/.exec(name)?.[1]
      if (!id) continue
      const read = await readStored(fs, layout.trashed(id), storedArticleSchema).catch(() => null)
      if (read?.status !== 'ok') continue
      const info = await fs.stat(layout.trashed(id))
      found.push({ id, headline: read.value.headline, trashedAt: info.mtime.toISOString() })
    }
    return found.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt))
  }

  /** A trashed article as it is in the trash (a team desk shares it so). */
  async read(id: string): Promise<Article> {
    const read = await readStored(this.parts.fs, this.parts.layout.trashed(id), storedArticleSchema)
    if (read.status !== 'ok') throw new Error(`trash/${id}.json: ${read.status}`)
    return read.value as Article
  }

  /** Moves a trashed article back into the library, as it was; returns it. */
  async restore(id: string): Promise<Article> {
    const { fs, layout } = this.parts
    const read = await readStored(fs, layout.trashed(id), storedArticleSchema)
    if (read.status !== 'ok') throw new Error(`trash/${id}.json: ${read.status}`)
    try {
      await fs.rename(layout.trashed(id), layout.article(id))
    } catch (error) {
      throw this.parts.failed(`article ${id}`, error)
    }
    return read.value as Article
  }

  /** Removes a trashed article for good: its file, revisions, images and recovery copies. */
  async purge(id: string): Promise<void> {
    const { fs, layout } = this.parts
    try {
      await fs.rm(layout.trashed(id), { force: true })
      await this.parts.revisions.remove(id)
      await fs.rm(layout.media(id), { recursive: true, force: true })
      await this.parts.recovery.drop(id)
    } catch (error) {
      throw this.parts.failed(`article ${id}`, error)
    }
  }

  /** Whether an article is in the trash. */
  async has(id: string): Promise<boolean> {
    return this.parts.fs
      .stat(this.parts.layout.trashed(id))
      .then(() => true)
      .catch(() => false)
  }
}
