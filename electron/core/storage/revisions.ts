import type { Article } from '../../../shared/article.js'
import { type RevisionEvent, isMilestone } from '../../../shared/revisions.js'
import { storedArticleSchema } from '../../../shared/stored-schemas.js'
import { errnoCode } from '../failure.js'
import { writeFileAtomic } from './atomic-write.js'
import type { LibraryLayout } from './layout.js'
import type { StorageFs } from './storage-fs.js'
import { readStored } from './stored-file.js'

/** How long an editing burst is: of the edits inside one such window only the last is kept. */
export const burstMinutes = 5
const burstMs = burstMinutes * 60_000
const dayMs = 24 * 60 * 60_000

/** What the coalescing needs to know of the revision before the one being written. */
interface RevisionMark {
  revision: number
  at: number
  event: RevisionEvent | undefined
}

/**
 * Revisions: each saved revision of an article is its own file in `revisions/<id>/`, written
 * out whole (never a link to the article file, so damage to one never reaches the other).
 * Worth keeping, not one per autosave: the newest is always the latest save; an edit replaces
 * the edit before it when both fall in the same few minutes (`burstMinutes`), so a long
 * session leaves one revision every few minutes; a state change, an import, a restore and a
 * correction are always kept. Past `keepAllDays` days, one revision a day is kept.
 */
export class Revisions {
  /** The last revision written of each article this session: no read on the save path. */
  private readonly last = new Map<string, RevisionMark>()

  constructor(
    private readonly fs: StorageFs,
    private readonly layout: LibraryLayout,
    private readonly tempDir: string,
    private readonly keepAllDays: () => number,
  ) {}

  /** Writes an article's revision file, and lets go of the one it supersedes, if any. */
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
    const at = Date.parse(article.updatedAt)
    const before = await this.markOf(article.id, article.revision - 1)
    this.last.set(article.id, { revision: article.revision, at, event: article.event })
    // An edit right after an edit in the same burst: the older one says nothing the newer
    // does not, and goes. Only ever the one revision just before: no listing on every save.
    if (
      before &&
      !isMilestone(article.event) &&
      !isMilestone(before.event) &&
      Math.floor(before.at / burstMs) === Math.floor(at / burstMs)
    ) {
      await this.fs.unlink(this.layout.revision(article.id, before.revision)).catch(() => undefined)
    }
    // Now and then, the old ones thinned to one a day (bounded by this article's revisions).
    if (article.revision % 25 === 0) await this.thin(article.id, at).catch(() => undefined)
  }

  /** The revision before, as the last write of this session knew it, else as its file says. */
  private async markOf(id: string, revision: number): Promise<RevisionMark | null> {
    if (revision < 1) return null
    const known = this.last.get(id)
    if (known?.revision === revision) return known
    const read = await readStored(this.fs, this.layout.revision(id, revision), storedArticleSchema)
      .then((result) => (result.status === 'ok' ? result.value : null))
      .catch(() => null)
    return read
      ? { revision, at: Date.parse(read.updatedAt), event: read.event as RevisionEvent | undefined }
      : null
  }

  /** Past `keepAllDays`, keeps the newest revision of each day (by the file's own time). */
  private async thin(id: string, now: number): Promise<void> {
    const cutoff = now - this.keepAllDays() * dayMs
    const seenDays = new Set<number>()
    for (const revision of await this.list(id)) {
      const path = this.layout.revision(id, revision)
      const time = (await this.fs.stat(path)).mtimeMs
      if (time >= cutoff) continue
      const day = Math.floor(time / dayMs)
      if (seenDays.has(day)) await this.fs.unlink(path).catch(() => undefined)
      else seenDays.add(day)
    }
  }

  /** One kept revision of an article, or null when it is not kept or does not read back whole. */
  async read(id: string, revision: number): Promise<Article | null> {
    const read = await readStored(
      this.fs,
      this.layout.revision(id, revision),
      storedArticleSchema,
    ).catch(() => null)
    return read?.status === 'ok' && read.value.id === id ? (read.value as Article) : null
  }

  /** An article's revisions, all of them: when the article is purged from the trash. */
  async remove(id: string): Promise<void> {
    this.last.delete(id)
    await this.fs.rm(this.layout.revisions(id), { recursive: true, force: true })
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
