import type { Article } from '../../../shared/article.js'
import { describeNotice, type LibraryNotice } from '../../../shared/notices.js'
import { type Settings, defaultSettings, withDefaults } from '../../../shared/settings.js'
import {
  type ArticleGlance,
  articleGlanceSchema as glanceSchema,
  storedArticleSchema,
  storedSettingsSchema,
} from '../../../shared/stored-schemas.js'
import { DeskFailure, errnoCode } from '../failure.js'
import { addMedia } from '../media.js'
import { syncFolder, writeFileAtomic } from './atomic-write.js'
import { type IndexRow, LibraryIndexStore, loadIndex, rowOf } from './library-index.js'
import { type LibraryLayout, libraryLayout } from './layout.js'
import { quarantine } from './quarantine.js'
import { reconcileIndex, stampOf } from './reconcile.js'
import { RecoveryCopies } from './recovery-copies.js'
import { Revisions } from './revisions.js'
import { nodeFs, type StorageFs, unwritableCodes } from './storage-fs.js'
import { readStored } from './stored-file.js'

/** A change to the library's articles, for what follows them (the search index). */
export type LibraryChange = { put: Article } | { drop: string }

/** How a library is opened. */
export interface OpenLibraryOptions {
  dataDir: string
  /** A writing open repairs (quarantine, restore, index) and writes; a reading one only reports. */
  mode: 'write' | 'read'
  /** Why writing is impossible right now (a full disk at open), or null. Write mode only. */
  readOnlyReason?: string | null
  /** Tried before each write while read-only: true once writing works again. */
  regainWrite?: () => Promise<boolean>
  fs?: StorageFs
  clock?: () => Date
  revisionsKept?: number
  /** Failures after a save landed (revision, index journal): the host's log. */
  warn?: (message: string) => void
}

/**
 * The one storage boundary of the core: articles, revisions, the index, settings, media and
 * recovery copies, on the lowdb-era JSON files of one data dir. The article files are the
 * truth; everything else here is derived from them and repaired from them at open.
 */
export interface LibraryStorage {
  readonly layout: LibraryLayout
  /** The index rows, newest first. */
  readonly summaries: readonly IndexRow[]
  /** Index rows, slugs and ids in maps: nothing here grows with the library per call. */
  readonly index: LibraryIndexStore
  readonly revisions: Revisions
  readonly recovery: RecoveryCopies
  /** What opening repaired, and what went wrong since, for the desk's notice. */
  notices(): LibraryNotice[]
  has(id: string): boolean
  takenSlugs(exceptId: string | null): { has(slug: string): boolean }
  read(id: string): Promise<Article>
  /**
   * What a list of hits shows of an article (its headline and paragraphs), read at once; null
   * when the file is missing or unreadable, which the next full read repairs.
   */
  glance(id: string): ArticleGlance | null
  write(article: Article, options?: { batch?: boolean }): Promise<void>
  finishBatch(): Promise<void>
  trash(id: string): Promise<void>
  settings(): Settings
  writeSettings(next: Settings): Promise<void>
  addMedia(id: string, uploadedName: string, bytes: Uint8Array): Promise<string>
  /** Calls `listener` after each article that lands or leaves (never before its save answers). */
  onChange(listener: (change: LibraryChange) => void): void
  close(): Promise<void>
}

/** Opens a data dir's library: loads and reconciles its index, reads its settings. */
export async function openLibrary(options: OpenLibraryOptions): Promise<LibraryStorage> {
  const store = new FileLibrary(options)
  await store.open()
  return store
}

class FileLibrary implements LibraryStorage {
  readonly layout: LibraryLayout
  private readonly fs: StorageFs
  private readonly clock: () => Date
  private readonly repair: boolean
  private readonly found: LibraryNotice[] = []
  private readOnly: string | null
  private currentSettings: Settings = defaultSettings
  private indexStore!: LibraryIndexStore
  readonly revisions: Revisions
  readonly recovery: RecoveryCopies
  private readonly listeners: ((change: LibraryChange) => void)[] = []
  /** A reader's view of damaged articles: their newest intact revision, never written back. */
  private readonly restoredInMemory = new Map<string, Article>()

  constructor(private readonly options: OpenLibraryOptions) {
    this.layout = libraryLayout(options.dataDir)
    this.fs = options.fs ?? nodeFs
    this.clock = options.clock ?? (() => new Date())
    this.repair = options.mode === 'write'
    this.readOnly = this.repair ? (options.readOnlyReason ?? null) : 'opened for reading'
    if (this.repair && this.readOnly) this.found.push({ kind: 'read-only', reason: this.readOnly })
    this.revisions = new Revisions(
      this.fs,
      this.layout,
      this.layout.temp,
      options.revisionsKept ?? 50,
    )
    this.recovery = new RecoveryCopies({
      fs: this.fs,
      layout: this.layout,
      repair: this.repair,
      has: (id) => this.has(id),
      read: (id) => this.read(id),
      quarantine: (path) => this.quarantineFile(path),
      notice: (notice) => this.found.push(notice),
      writable: () => this.ensureWritable(),
    })
  }

  get index(): LibraryIndexStore {
    return this.indexStore
  }

  get summaries(): readonly IndexRow[] {
    return this.indexStore.newestFirst()
  }

  notices(): LibraryNotice[] {
    return [...this.found]
  }

  async open(): Promise<void> {
    if (this.repair && !this.readOnly) await this.removeTempFiles()
    await this.openSettings()
    const loaded = await loadIndex(this.fs, this.layout)
    if (loaded.damage) {
      const quarantined = this.canRepair ? await this.quarantineFile(this.layout.index) : null
      this.found.push({ kind: 'index-damaged', quarantined, reason: loaded.damage })
      loaded.rows.clear()
    }
    const reconciled = await reconcileIndex(loaded.rows, {
      fs: this.fs,
      layout: this.layout,
      repair: this.canRepair,
      recover: (id, path, reason) => this.recoverArticle(id, path, reason),
    })
    for (const notice of reconciled.notices) {
      // Temp files are counted once, wherever they stood.
      const earlier = this.found.find((n) => n.kind === 'temp-removed')
      if (notice.kind === 'temp-removed' && earlier?.kind === 'temp-removed') {
        earlier.count += notice.count
      } else this.found.push(notice)
    }
    this.indexStore = new LibraryIndexStore(
      loaded.rows,
      loaded.generation,
      this.canRepair
        ? {
            fs: this.fs,
            layout: this.layout,
            tempDir: this.layout.temp,
            onFailure: (what, error) =>
              this.warn(
                `${what} could not be written (${(error as Error).message}); the next open repairs it from the article files`,
              ),
          }
        : null,
    )
    // A repaired index is written out at once, so the next open finds nothing to do.
    if (this.canRepair) {
      const missing = await this.fs.stat(this.layout.index).then(
        () => false,
        () => true,
      )
      if (reconciled.changed || loaded.damage || missing) await this.indexStore.compact()
    }
  }

  private get canRepair(): boolean {
    return this.repair && !this.readOnly
  }

  private warn(message: string): void {
    this.options.warn?.(message)
  }

  private async removeTempFiles(): Promise<void> {
    let names: string[] = []
    try {
      names = await this.fs.readdir(this.layout.temp)
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error
    }
    for (const name of names)
      await this.fs.rm(`${this.layout.temp}/${name}`, { recursive: true, force: true })
    // Temp files of earlier versions stood beside their targets at the data dir's root.
    const root = (await this.fs.readdir(this.layout.dataDir)).filter(
      // A lock's temp file may be another process's, asking for the lock right now.
      (n) => n.endsWith('.tmp') && !n.startsWith('desk.lock'),
    )
    for (const name of root)
      await this.fs.unlink(`${this.layout.dataDir}/${name}`).catch(() => undefined)
    const count = names.length + root.length
    if (count) this.found.push({ kind: 'temp-removed', count })
    await this.fs.mkdir(this.layout.temp, { recursive: true })
  }

  private async quarantineFile(path: string): Promise<string | null> {
    return quarantine(this.fs, this.layout, path, this.clock())
  }

  /**
   * A damaged article file: a writing open moves it to quarantine and writes its newest intact
   * revision in its place; a reading one shows that revision and leaves the disk alone.
   */
  private async recoverArticle(id: string, path: string, reason: string): Promise<Article | null> {
    const revision = await this.revisions.newestIntact(id)
    const quarantined = this.canRepair ? await this.quarantineFile(path) : null
    if (!revision) {
      this.found.push({ kind: 'article-lost', id, quarantined, reason })
      return null
    }
    if (this.canRepair && quarantined) {
      await writeFileAtomic(path, JSON.stringify(revision, null, 2), this.fs, {
        tempDir: this.layout.temp,
      })
    } else {
      this.restoredInMemory.set(id, revision)
    }
    this.found.push({
      kind: 'article-restored',
      id,
      headline: revision.headline,
      revision: revision.revision,
      quarantined,
      reason,
    })
    return revision
  }

  private async openSettings(): Promise<void> {
    const main = await readStored(this.fs, this.layout.settings, storedSettingsSchema)
    if (main.status === 'ok') {
      this.currentSettings = withDefaults(main.value)
      return
    }
    const copy = await readStored(this.fs, this.layout.settingsCopy, storedSettingsSchema)
    if (main.status === 'damaged') {
      const quarantined = this.canRepair ? await this.quarantineFile(this.layout.settings) : null
      if (copy.status === 'damaged' && this.canRepair)
        await this.quarantineFile(this.layout.settingsCopy)
      this.found.push({
        kind: 'settings-restored',
        from: copy.status === 'ok' ? 'copy' : 'defaults',
        quarantined,
        reason: main.reason,
      })
    }
    this.currentSettings = withDefaults(copy.status === 'ok' ? copy.value : null)
    // Written when missing (a new library, or restored): never on an ordinary start.
    if (this.canRepair) {
      await this.writeSettings(this.currentSettings).catch((error: unknown) =>
        this.found.push({
          kind: 'not-repaired',
          what: 'settings.json',
          reason: (error as Error).message,
        }),
      )
    }
  }

  has(id: string): boolean {
    return this.indexStore.has(id)
  }

  onChange(listener: (change: LibraryChange) => void): void {
    this.listeners.push(listener)
  }

  private announce(change: LibraryChange): void {
    for (const listener of this.listeners) listener(change)
  }

  takenSlugs(exceptId: string | null) {
    return this.indexStore.slugsTakenExcept(exceptId)
  }

  /** Reads one article, validated; a damaged one comes back from its newest intact revision. */
  glance(id: string): ArticleGlance | null {
    const kept = this.restoredInMemory.get(id)
    if (kept) return kept
    try {
      const parsed = glanceSchema.safeParse(
        JSON.parse(this.fs.readFileSync(this.layout.article(id), 'utf8')),
      )
      return parsed.success && parsed.data.id === id ? parsed.data : null
    } catch {
      return null
    }
  }

  async read(id: string): Promise<Article> {
    const kept = this.restoredInMemory.get(id)
    if (kept) return kept
    const path = this.layout.article(id)
    const read = await readStored(this.fs, path, storedArticleSchema).catch((error: unknown) => {
      throw new DeskFailure('io', `cannot read article ${id}: ${(error as Error).message}`)
    })
    if (read.status === 'ok' && read.value.id === id) return read.value as Article
    if (read.status === 'missing') throw new DeskFailure('not-found', `no article with id ${id}`)
    // Damaged behind the desk's back since it opened: repaired now, as an open would.
    const reason = read.status === 'damaged' ? read.reason : `the file holds another article`
    const restored = await this.recoverArticle(id, path, reason)
    if (!restored) {
      if (this.canRepair) this.indexStore.drop(id)
      throw new DeskFailure('io', `article ${id} is damaged (${reason}) and has no intact revision`)
    }
    if (this.canRepair) {
      this.indexStore.put(rowOf(restored, stampOf(await this.fs.stat(path))))
      this.announce({ put: restored })
    }
    return restored
  }

  /**
   * While read-only (a full disk at open), each write first tries to become writable again; the
   * failure it answers says why not.
   */
  private async ensureWritable(): Promise<void> {
    if (!this.repair) throw new DeskFailure('io', 'this library was opened for reading only')
    if (!this.readOnly) return
    if (await this.options.regainWrite?.()) {
      this.readOnly = null
      this.found.push({ kind: 'writable-again' })
      await this.fs.mkdir(this.layout.temp, { recursive: true })
      return
    }
    throw new DeskFailure('io', `the library is read-only (${this.readOnly}); nothing was written`)
  }

  /**
   * Saves an article: it is saved exactly when its file has landed (written, fsynced, renamed).
   * What follows (its revision file, the index journal) cannot turn that into a failure: a step
   * that fails there is logged, and the next open repairs it from the article file.
   */
  async write(article: Article, options: { batch?: boolean } = {}): Promise<void> {
    await this.ensureWritable()
    const text = JSON.stringify(article, null, 2)
    let stamp
    try {
      stamp = await writeFileAtomic(this.layout.article(article.id), text, this.fs, {
        syncFolder: !options.batch,
        tempDir: this.layout.temp,
      })
    } catch (error) {
      throw writeFailure(`article ${article.id}`, error)
    }
    this.indexStore.put(rowOf(article, stamp))
    this.announce({ put: article })
    try {
      await this.revisions.write(article, text)
    } catch (error) {
      this.warn(
        `revision ${article.revision} of ${article.id} could not be kept: ${(error as Error).message}`,
      )
    }
  }

  /** Ends a batch of writes: syncs the articles folder once, then lets the journal catch up. */
  async finishBatch(): Promise<void> {
    await syncFolder(this.layout.articles, this.fs).catch(() => undefined)
    await this.indexStore.settled()
  }

  /** Moves an article to the trash; its revisions stay. */
  async trash(id: string): Promise<void> {
    await this.read(id)
    await this.ensureWritable()
    try {
      await this.fs.mkdir(this.layout.trash, { recursive: true })
      await this.fs.rename(this.layout.article(id), this.layout.trashed(id))
    } catch (error) {
      throw writeFailure(`article ${id}`, error)
    }
    this.indexStore.drop(id)
    this.announce({ drop: id })
  }

  settings(): Settings {
    return this.currentSettings
  }

  /** Writes the settings, then the copy kept at each change (what a damaged file comes back from). */
  async writeSettings(next: Settings): Promise<void> {
    await this.ensureWritable()
    const text = JSON.stringify(next, null, 2)
    try {
      await writeFileAtomic(this.layout.settings, text, this.fs, { tempDir: this.layout.temp })
    } catch (error) {
      throw writeFailure('settings.json', error)
    }
    this.currentSettings = next
    await writeFileAtomic(this.layout.settingsCopy, text, this.fs, {
      tempDir: this.layout.temp,
    }).catch((error: unknown) =>
      this.warn(`settings.copy.json could not be written: ${(error as Error).message}`),
    )
  }

  async addMedia(id: string, uploadedName: string, bytes: Uint8Array): Promise<string> {
    await this.ensureWritable()
    try {
      return await addMedia(this.layout, id, uploadedName, bytes, {
        fs: this.fs,
        tempDir: this.layout.temp,
      })
    } catch (error) {
      if (error instanceof DeskFailure) throw error
      throw writeFailure(`an image of ${id}`, error)
    }
  }

  async close(): Promise<void> {
    if (this.canRepair && this.indexStore.worthCompacting) await this.indexStore.compact()
    await this.indexStore.close()
  }
}

/** A write that did not land, said as such: the old file is intact. */
function writeFailure(what: string, error: unknown): DeskFailure {
  const code = errnoCode(error)
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the library folder may not be written'
        : (error as Error).message
  const retry =
    code && unwritableCodes.has(code) ? '; it can be saved again once that is fixed' : ''
  return new DeskFailure(
    'io',
    `${what} was not saved: ${why}; the previous version is intact${retry}`,
  )
}

/** The notices as English lines, for the CLI's stderr and the host's log. */
export function noticeLines(notices: readonly LibraryNotice[], repaired: boolean): string[] {
  return notices.map((notice) => describeNotice(notice, repaired))
}
