import { reason } from '../../../shared/reasons.js'
import type { Article } from '../../../shared/article.js'
import { describeNotice, type LibraryNotice } from '../../../shared/notices.js'
import type { Settings } from '../../../shared/settings.js'
import type { ArticleGlance } from '../../../shared/stored-schemas.js'
import { DeskFailure, errnoCode } from '../failure.js'
import type { LibraryLayout } from './layout.js'
import type { IndexRow, LibraryIndexStore } from './library-index.js'
import type { RecoveryCopies } from './recovery-copies.js'
import type { TrashBin } from './trash.js'
import type { Revisions } from './revisions.js'
import { type StorageFs, unwritableCodes } from './storage-fs.js'

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
  /** Brings a trashed article back into the library, as it was. */
  untrash(id: string): Promise<Article>
  /** The trash: its articles listed, purged (storage/trash.ts). */
  readonly trashBin: TrashBin
  settings(): Settings
  writeSettings(next: Settings): Promise<void>
  addMedia(id: string, uploadedName: string, bytes: Uint8Array): Promise<string>
  /** Calls `listener` after each article that lands or leaves (never before its save answers). */
  onChange(listener: (change: LibraryChange) => void): void
  close(): Promise<void>
}

/** A write that did not land, said as such: the old file is intact. */
export function writeFailure(what: string, error: unknown): DeskFailure {
  const code = errnoCode(error)
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the library folder may not be written'
        : (error as Error).message
  const retry =
    code && unwritableCodes.has(code) ? '; it can be saved again once that is fixed' : ''
  return DeskFailure.of(
    'io',
    `${what} was not saved: ${why}; the previous version is intact${retry}`,
    reason('not-saved', {
      what,
      why:
        code === 'ENOSPC' || code === 'EDQUOT'
          ? 'disk-full'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'no-permission'
            : 'other',
      detail: (error as Error).message,
    }),
  )
}

/** The notices as English lines, for the CLI's stderr and the host's log. */
export function noticeLines(notices: readonly LibraryNotice[], repaired: boolean): string[] {
  return notices.map((notice) => describeNotice(notice, repaired))
}

/**
 * Empties `tmp/` (temp files of writes a crash cut short) and the temp files earlier versions
 * left beside their targets at the data dir's root; says how many there were.
 */
export async function removeTempFiles(fs: StorageFs, layout: LibraryLayout): Promise<number> {
  let names: string[] = []
  try {
    names = await fs.readdir(layout.temp)
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error
  }
  for (const name of names) await fs.rm(`${layout.temp}/${name}`, { recursive: true, force: true })
  const root = (await fs.readdir(layout.dataDir)).filter(
    // A lock's temp file may be another process's, asking for the lock right now.
    (n) => n.endsWith('.tmp') && !n.startsWith('desk.lock'),
  )
  for (const name of root) await fs.unlink(`${layout.dataDir}/${name}`).catch(() => undefined)
  await fs.mkdir(layout.temp, { recursive: true })
  return names.length + root.length
}

/** Adds notices to those found so far; temp files are counted once, wherever they stood. */
export function addNotices(found: LibraryNotice[], more: readonly LibraryNotice[]): void {
  for (const notice of more) {
    const earlier = found.find((n) => n.kind === 'temp-removed')
    if (notice.kind === 'temp-removed' && earlier?.kind === 'temp-removed') {
      earlier.count += notice.count
    } else found.push(notice)
  }
}

/**
 * While read-only (a full disk at open), each write first tries to become writable again: true
 * when it was writable all along, false when it has just become so; the failure it throws
 * otherwise says why not.
 */
export async function ensureWritable(
  readOnly: string | null,
  regainWrite: (() => Promise<boolean>) | undefined,
): Promise<boolean> {
  if (!readOnly) return true
  if (await regainWrite?.()) return false
  throw DeskFailure.of(
    'io',
    `the library is read-only (${readOnly}); nothing was written`,
    reason('read-only', { reason: readOnly }),
  )
}

/** No article file with this id. */
export function articleNotFound(id: string): DeskFailure {
  return DeskFailure.of(
    'not-found',
    `no article with id ${id}`,
    reason('article-not-found', { id }),
  )
}

/** An article file that cannot be read, or is damaged with no intact revision to come back from. */
export function unreadable(id: string, what: string, detail: string): DeskFailure {
  return DeskFailure.of('io', `${what}: ${detail}`, reason('article-unreadable', { id, detail }))
}

/** A write asked of a library opened for reading (the CLI's reading commands). */
export function readingOnly(): DeskFailure {
  return DeskFailure.of(
    'io',
    'this library was opened for reading only',
    reason('read-only', { reason: 'opened for reading' }),
  )
}
