import type { FileHandle } from 'node:fs/promises'
import {
  type Article,
  type ArticleSummary,
  newestFirst,
  summarize,
} from '../../../shared/article.js'
import {
  type FileStamp,
  indexSnapshotSchema,
  journalEntrySchema,
} from '../../../shared/stored-schemas.js'
import { errnoCode } from '../failure.js'
import { syncFolder } from './atomic-write.js'
import type { LibraryLayout } from './layout.js'
import type { StorageFs } from './storage-fs.js'
import { parseStored } from './stored-file.js'

/** One row of the index: an article's summary, its tags, and the stamp of its file. */
export interface IndexRow extends ArticleSummary {
  tags: string[]
  stamp: FileStamp
}

/** The index row of an article read from (or written to) a file with this stamp. */
export function rowOf(article: Article, stamp: FileStamp): IndexRow {
  return { ...summarize(article), tags: article.tags, stamp }
}

/** An index row as the contract gives it: the summary, without the file's stamp. */
export function summaryOf(row: IndexRow): ArticleSummary {
  const { stamp, tags, ...summary } = row
  void stamp
  void tags
  return summary
}

/** What loading `library.json` and its journals found. */
export interface LoadedIndex {
  rows: Map<string, IndexRow>
  generation: number
  /** Why the snapshot could not be used (damaged), or null when it could (or was missing). */
  damage: string | null
  /** Journal files of generations the snapshot already holds, or of the current ones. */
  journals: number[]
}

/** Yields to the event loop now and then during long loops, so a host keeps answering. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Reads the index snapshot and replays the journals written since. Nothing here is trusted:
 * the caller reconciles every row against the article files' stamps. A journal line that does
 * not parse (a crash mid-append) ends that journal; the rows it would have fixed are found stale.
 */
export async function loadIndex(fs: StorageFs, layout: LibraryLayout): Promise<LoadedIndex> {
  const rows = new Map<string, IndexRow>()
  let generation = 0
  let damage: string | null = null
  let bytes: Uint8Array | null = null
  try {
    bytes = await fs.readFile(layout.index)
  } catch (error) {
    const code = errnoCode(error)
    if (code === 'EISDIR') damage = 'a folder stands where the file should be'
    else if (code !== 'ENOENT') throw error
  }
  if (bytes) {
    const read = parseStored(bytes, indexSnapshotSchema)
    if (read.status === 'ok') {
      generation = read.value.generation
      for (const row of read.value.articles) rows.set(row.id, row)
    } else if (read.status === 'damaged' && !isOlderIndex(bytes)) {
      damage = read.reason
    }
  }
  const journals = await journalGenerations(fs, layout)
  for (const journal of journals.filter((g) => g >= generation)) {
    await replayJournal(fs, layout.indexJournal(journal), rows)
  }
  return { rows, generation, damage, journals }
}

// The index of earlier versions (version 1, no stamps) is not damage: every row is read again.
function isOlderIndex(bytes: Uint8Array): boolean {
  try {
    return (JSON.parse(new TextDecoder().decode(bytes)) as { version?: unknown }).version === 1
  } catch {
    return false
  }
}

async function journalGenerations(fs: StorageFs, layout: LibraryLayout): Promise<number[]> {
  const names = await fs.readdir(layout.dataDir)
  return names
    .map((name) => /^library\.(\d+)\.journal$/.exec(name)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

async function replayJournal(fs: StorageFs, path: string, rows: Map<string, IndexRow>) {
  let text: string
  try {
    text = new TextDecoder().decode(await fs.readFile(path))
  } catch {
    return
  }
  for (const line of text.split('\n')) {
    if (!line) continue
    let entry: unknown
    try {
      entry = JSON.parse(line)
    } catch {
      return
    }
    const parsed = journalEntrySchema.safeParse(entry)
    if (!parsed.success) return
    if ('put' in parsed.data) rows.set(parsed.data.put.id, parsed.data.put)
    else rows.delete(parsed.data.drop)
  }
}

/** Options of a writing index. */
export interface IndexWriterOptions {
  fs: StorageFs
  layout: LibraryLayout
  /** Where atomic writes keep their temp files. */
  tempDir: string
  /** Journal entries after which the snapshot is rewritten (off the save path). */
  compactAfter?: (rows: number) => number
  /** Told when a journal append or a compaction fails: the next open repairs from the files. */
  onFailure?: (what: string, error: unknown) => void
}

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
  private sorted: IndexRow[] | null = null
  private sortedShared = false
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
   * Every row, newest first; sorted once and then kept in order as rows change. The array given
   * out never changes under its reader (a change after it was given out works on a copy).
   */
  newestFirst(): readonly IndexRow[] {
    this.sorted ??= [...this.rows.values()].sort(newestFirst)
    this.sortedShared = true
    return this.sorted
  }

  private sortedForChange(): IndexRow[] | null {
    if (this.sorted && this.sortedShared) {
      this.sorted = this.sorted.slice()
      this.sortedShared = false
    }
    return this.sorted
  }

  /** Every row in no particular order. */
  all(): IterableIterator<IndexRow> {
    return this.rows.values()
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
    const sorted = this.sortedForChange()
    if (sorted) {
      if (old) sorted.splice(sorted.indexOf(old), 1)
      sorted.splice(insertionPoint(sorted, row), 0, row)
    }
    this.append({ put: row })
  }

  /** Removes a row. */
  drop(id: string): void {
    const old = this.rows.get(id)
    if (!old) return
    this.forget(old)
    this.rows.delete(id)
    const sorted = this.sortedForChange()
    if (sorted) sorted.splice(sorted.indexOf(old), 1)
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

/** The key of an article's headline and date, as duplicates are told on import. */
export function datedHeadline(headline: string, publishedAt: string | null | undefined): string {
  return `${headline.trim()}\u0000${publishedAt ?? ''}`
}

function insertionPoint(sorted: readonly IndexRow[], row: IndexRow): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (newestFirst(sorted[mid]!, row) <= 0) low = mid + 1
    else high = mid
  }
  return low
}

async function writeSnapshotFile(writer: IndexWriterOptions, rows: IndexRow[], generation: number) {
  // Written in pieces, yielding between them, so 100,000 rows never block the host for long.
  const { fs, layout } = writer
  const temp = `${writer.tempDir}/library.json.${process.pid}.${Date.now().toString(16).slice(-8).padStart(8, '0')}.tmp`
  await fs.mkdir(writer.tempDir, { recursive: true })
  const handle = await fs.open(temp, 'w')
  try {
    try {
      await handle.write(`{"version":2,"generation":${generation},"articles":[`)
      for (let start = 0; start < rows.length; start += 1000) {
        const piece = rows
          .slice(start, start + 1000)
          .map((row) => JSON.stringify(row))
          .join(',\n')
        await handle.write(`${start ? ',\n' : '\n'}${piece}`)
        await breathe()
      }
      await handle.write('\n]}\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, layout.index)
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  await syncFolder(layout.dataDir, fs)
}
