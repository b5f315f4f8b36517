import type { Article } from '../../../shared/article.js'
import type { LibraryNotice } from '../../../shared/notices.js'
import { type Settings, defaultSettings } from '../../../shared/settings.js'
import { type ArticleGlance, storedArticleSchema } from '../../../shared/stored-schemas.js'
import { DeskFailure } from '../failure.js'
import { addMedia } from '../media.js'
import { syncFolder, writeFileAtomic } from './atomic-write.js'
import { type IndexRow, LibraryIndexStore, loadIndex, rowOf } from './library-index.js'
import { indexWriter } from './index-files.js'
import { type LibraryLayout, libraryLayout } from './layout.js'
import { quarantine } from './quarantine.js'
import { reconcileIndex, stampOf } from './reconcile.js'
import { RecoveryCopies } from './recovery-copies.js'
import { Revisions } from './revisions.js'
import { TrashBin } from './trash.js'
import {
  type LibraryChange,
  type LibraryStorage,
  type OpenLibraryOptions,
  addNotices,
  articleNotFound,
  ensureWritable,
  readingOnly,
  unreadable,
  removeTempFiles,
  writeFailure,
} from './library-storage.js'
import { nodeFs, type StorageFs } from './storage-fs.js'
import { glanceAt, readStored } from './stored-file.js'
import { recoverArticle } from './article-recovery.js'
import { openSettingsFiles, writeSettingsFiles } from './settings-files.js'

export type { LibraryChange, LibraryStorage, OpenLibraryOptions } from './library-storage.js'
export { noticeLines } from './library-storage.js'

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
  readonly trashBin: TrashBin
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
      () => this.currentSettings.revisionsKeepAllDays,
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
    const { fs, layout, revisions, recovery, clock } = this
    this.trashBin = new TrashBin({ fs, layout, revisions, recovery, clock, failed: writeFailure })
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
    const temps = this.canRepair ? await removeTempFiles(this.fs, this.layout) : 0
    if (temps) this.found.push({ kind: 'temp-removed', count: temps })
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
    addNotices(this.found, reconciled.notices)
    const writer = indexWriter(this.fs, this.layout, this.options.warn)
    this.indexStore = new LibraryIndexStore(
      loaded.rows,
      loaded.generation,
      this.canRepair ? writer : null,
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

  private async quarantineFile(path: string): Promise<string | null> {
    return quarantine(this.fs, this.layout, path, this.clock())
  }

  private async recoverArticle(id: string, path: string, reason: string): Promise<Article | null> {
    const recovered = await recoverArticle(
      { fs: this.fs, layout: this.layout, revisions: this.revisions, repair: this.canRepair },
      { id, path, reason },
      (file) => this.quarantineFile(file),
    )
    this.found.push(recovered.notice)
    if (recovered.article && recovered.inMemory) this.restoredInMemory.set(id, recovered.article)
    return recovered.article
  }

  private async openSettings(): Promise<void> {
    const opened = await openSettingsFiles(this.fs, this.layout, {
      repair: this.canRepair,
      quarantine: (path) => this.quarantineFile(path),
    })
    this.currentSettings = opened.settings
    if (opened.notice) this.found.push(opened.notice)
    // Written when missing (a new library, or restored): never on an ordinary start.
    if (!opened.write || !this.canRepair) return
    await this.writeSettings(this.currentSettings).catch((error: unknown) => {
      const reason = (error as Error).message
      this.found.push({ kind: 'not-repaired', what: 'settings.json', reason })
    })
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
    return this.restoredInMemory.get(id) ?? glanceAt(this.fs, this.layout.article(id), id)
  }

  async read(id: string): Promise<Article> {
    const kept = this.restoredInMemory.get(id)
    if (kept) return kept
    const path = this.layout.article(id)
    const read = await readStored(this.fs, path, storedArticleSchema).catch((error: unknown) => {
      throw unreadable(id, `cannot read article ${id}`, (error as Error).message)
    })
    if (read.status === 'ok' && read.value.id === id) return read.value as Article
    if (read.status === 'missing') throw articleNotFound(id)
    // Damaged behind the desk's back since it opened: repaired now, as an open would.
    const why = read.status === 'damaged' ? read.reason : `the file holds another article`
    const restored = await this.recoverArticle(id, path, why)
    if (!restored) {
      if (this.canRepair) this.indexStore.drop(id)
      throw unreadable(id, `article ${id} is damaged and has no intact revision`, why)
    }
    if (this.canRepair) {
      this.indexStore.put(rowOf(restored, stampOf(await this.fs.stat(path))))
      this.announce({ put: restored })
    }
    return restored
  }

  private async ensureWritable(): Promise<void> {
    if (!this.repair) throw readingOnly()
    if (await ensureWritable(this.readOnly, this.options.regainWrite)) return
    this.readOnly = null
    this.found.push({ kind: 'writable-again' })
    await this.fs.mkdir(this.layout.temp, { recursive: true })
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
      this.options.warn?.(
        `revision ${article.revision} of ${article.id} could not be kept: ${(error as Error).message}`,
      )
    }
  }

  /** Ends a batch of writes: syncs the articles folder once, then lets the journal catch up. */
  async finishBatch(): Promise<void> {
    await syncFolder(this.layout.articles, this.fs).catch(() => undefined)
    await this.indexStore.settled()
  }

  /** Moves an article to the trash (trash.ts); its revisions stay. */
  async trash(id: string): Promise<void> {
    await this.read(id)
    await this.ensureWritable()
    await this.trashBin.put(id)
    this.indexStore.drop(id)
    this.announce({ drop: id })
  }

  /** Brings a trashed article back into the library, as it was. */
  async untrash(id: string): Promise<Article> {
    await this.ensureWritable()
    const article = await this.trashBin.restore(id)
    this.indexStore.put(rowOf(article, stampOf(await this.fs.stat(this.layout.article(id)))))
    this.announce({ put: article })
    return article
  }

  settings(): Settings {
    return this.currentSettings
  }

  /** Writes the settings, then the copy kept at each change (what a damaged file comes back from). */
  async writeSettings(next: Settings): Promise<void> {
    await this.ensureWritable()
    await writeSettingsFiles(this.fs, this.layout, next, (message) => this.options.warn?.(message))
    this.currentSettings = next
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
