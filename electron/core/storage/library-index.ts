import type { FileHandle } from 'node:fs/promises'
import { newestFirst } from '../../../shared/article.js'
import { type IndexWriterOptions, writeSnapshotFile } from './index-files.js'
import { type IndexRow, datedHeadline } from './index-row.js'

export { type IndexWriterOptions, loadIndex } from './index-files.js'
export { type IndexRow, datedHeadline, rowOf, summaryOf } from './index-row.js'

/**
 * The library index in memory, with its slugs in a map, kept on disk incrementally: each change
 * is one line appended to the journal of the current generation (no fsync: the index is derived,
 * and the next open reconciles it with the files), and the snapshot `library.json` is rewritten
 * now and then in the background, a thousand rows at a time, under a new generation. Nothing a
 * save does here grows with the library.
 */
export class LibraryIndexStore {
  private readonly rows: Map<string, IndexRow>
  private readonly slugOwners = new Map<string, string>()
  /** How many articles carry each headline and date: how an import knows a duplicate. */
  private readonly datedHeadlines = new Map<string, number>()
  /**
   * Every row, oldest change first, once someone asked: a save or an import is the newest, so it
   * is appended (newest first, it was spliced in at the front: the whole array moved for each of
   * 100,000 imported articles).
   */
  private sorted: IndexRow[] | null = null
  private generation: number
  private journal: FileHandle | null = null
  private journalEntries = 0
  private writing: Promise<void> = Promise.resolve()
  private compacting: Promise<void> | null = null
  private stale = false

  constructor(
    rows: Map<string, IndexRow>,
    generation: number,
    private readonly writer: IndexWriterOptions | null,
  ) {
    this.rows = rows
    this.generation = generation
    for (const row of rows.values()) this.remember(row)
  }

  private remember(row: IndexRow): void {
    if (row.slug) this.slugOwners.set(row.slug, row.id)
    const key = datedHeadline(row.headline, row.publishedAt)
    this.datedHeadlines.set(key, (this.datedHeadlines.get(key) ?? 0) + 1)
  }

  private forget(row: IndexRow): void {
    if (row.slug && this.slugOwners.get(row.slug) === row.id) this.slugOwners.delete(row.slug)
    const key = datedHeadline(row.headline, row.publishedAt)
    const count = (this.datedHeadlines.get(key) ?? 0) - 1
    if (count > 0) this.datedHeadlines.set(key, count)
    else this.datedHeadlines.delete(key)
  }

  /** Whether an article with this headline and date is in the library. */
  hasDatedHeadline(headline: string, publishedAt: string | null): boolean {
    return this.datedHeadlines.has(datedHeadline(headline, publishedAt))
  }

  /** How many articles the library holds. */
  get size(): number {
    return this.rows.size
  }

  /** One row, or undefined. */
  get(id: string): IndexRow | undefined {
    return this.rows.get(id)
  }

  /** Whether an id is in the library (not in the trash). */
  has(id: string): boolean {
    return this.rows.has(id)
  }

  /**
   * Every row, oldest change first; sorted once and then kept in order as rows change. The array
   * is the index's own: read it synchronously (the next change moves it), never keep it.
   */
  oldestFirst(): readonly IndexRow[] {
    this.sorted ??= [...this.rows.values()].sort((a, b) => newestFirst(b, a))
    return this.sorted
  }

  /** Every row, newest first: a copy, as long as the library (for the whole-library answers). */
  newestFirst(): IndexRow[] {
    return this.oldestFirst().slice().reverse()
  }

  /** Every row in no particular order. */
  all(): IterableIterator<IndexRow> {
    return this.rows.values()
  }

  /** The article that holds a slug, if one does. */
  slugOwner(slug: string): string | undefined {
    return this.slugOwners.get(slug)
  }

  /** The slugs in use by every article but one, as a set for `assignSlug`. */
  slugsTakenExcept(exceptId: string | null): { has(slug: string): boolean } {
    return { has: (slug) => this.slugOwners.has(slug) && this.slugOwners.get(slug) !== exceptId }
  }

  /** Records a row in memory now, and on disk when the journal gets to it. */
  put(row: IndexRow): void {
    const old = this.rows.get(row.id)
    if (old) this.forget(old)
    this.remember(row)
    this.rows.set(row.id, row)
    const sorted = this.sorted
    if (sorted) {
      if (old) sorted.splice(positionOf(sorted, old), 1)
      const at = insertionPoint(sorted, row)
      if (at === sorted.length) sorted.push(row)
      else sorted.splice(at, 0, row)
    }
    this.append({ put: row })
  }

  /** Removes a row. */
  drop(id: string): void {
    const old = this.rows.get(id)
    if (!old) return
    this.forget(old)
    this.rows.delete(id)
    const sorted = this.sorted
    if (sorted) sorted.splice(positionOf(sorted, old), 1)
    this.append({ drop: id })
  }

  /** Resolves when every change so far is on disk (or has failed, and was reported). */
  settled(): Promise<void> {
    return Promise.all([this.writing, this.compacting]).then(() => undefined)
  }

  /** Rewrites the snapshot now (at open after a repair, and at close when journals grew). */
  compact(): Promise<void> {
    if (!this.writer) return Promise.resolve()
    this.compacting ??= this.writeSnapshot().finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  /**
   * Whether the journal grew enough since the last snapshot that closing should compact: a
   * command that changed one article does not rewrite a 40 MB snapshot on its way out.
   */
  get worthCompacting(): boolean {
    return this.journalEntries >= 1_000 || this.stale
  }

  /** Closes the journal. */
  async close(): Promise<void> {
    await this.settled()
    await this.journal?.close().catch(() => undefined)
    this.journal = null
  }

  private append(entry: object): void {
    const writer = this.writer
    if (!writer) return
    const line = `${JSON.stringify(entry)}\n`
    this.journalEntries++
    this.writing = this.writing.then(async () => {
      try {
        this.journal ??= await writer.fs.open(writer.layout.indexJournal(this.generation), 'a')
        await this.journal.write(line)
      } catch (error) {
        // The journal is derived: a lost line is a stale row the next open finds by its stamp.
        this.stale = true
        await this.journal?.close().catch(() => undefined)
        this.journal = null
        writer.onFailure?.('the index journal', error)
      }
    })
    const limit = writer.compactAfter?.(this.rows.size) ?? Math.max(2_000, this.rows.size / 4)
    if (this.journalEntries >= limit) void this.compact()
  }

  // A new generation first: changes from now on go to the next journal, so the snapshot can be
  // written from rows as they are now while saves go on; the old journals go once it has landed.
  private async writeSnapshot(): Promise<void> {
    const writer = this.writer
    if (!writer) return
    const rows = [...this.rows.values()]
    const previous = this.generation
    this.writing = this.writing.then(async () => {
      await this.journal?.close().catch(() => undefined)
      this.journal = null
    })
    this.generation = previous + 1
    this.journalEntries = 0
    try {
      await this.writing
      await writeSnapshotFile(writer, rows, this.generation)
      this.stale = false
      for (let g = 0; g <= previous; g++) {
        await writer.fs.unlink(writer.layout.indexJournal(g)).catch(() => undefined)
      }
    } catch (error) {
      this.stale = true
      writer.onFailure?.('library.json', error)
    }
  }
}

/** Where a row goes among rows oldest first: after every row changed at or before it. */
function insertionPoint(sorted: readonly IndexRow[], row: IndexRow): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]!.updatedAt <= row.updatedAt) low = mid + 1
    else high = mid
  }
  return low
}

/** Where a row stands among rows oldest first: found by its time, then among its equals. */
function positionOf(sorted: readonly IndexRow[], row: IndexRow): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]!.updatedAt < row.updatedAt) low = mid + 1
    else high = mid
  }
  for (let at = low; at < sorted.length; at++) if (sorted[at] === row) return at
  // Not where its time says (a time changed in place): looked for everywhere.
  return sorted.indexOf(row)
}
