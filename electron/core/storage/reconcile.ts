import { damageReasons } from '../../../shared/damage.js'
import type { Stats } from 'node:fs'
import type { Article } from '../../../shared/article.js'
import type { LibraryNotice } from '../../../shared/notices.js'
import type { FileStamp } from '../../../shared/stored-schemas.js'
import { storedArticleSchema } from '../../../shared/stored-schemas.js'
import { articleIdPattern } from '../../../shared/schemas.js'
import { errnoCode } from '../failure.js'
import { isTempName } from './atomic-write.js'
import { type IndexRow, rowOf } from './library-index.js'
import type { LibraryLayout } from './layout.js'
import type { StorageFs } from './storage-fs.js'
import { readStored } from './stored-file.js'

/** The stamp of a file as the index records it. */
export function stampOf(info: { size: number; mtimeMs: number; ino: number }): FileStamp {
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino
}

/** What reconciling needs: the disk, and what to do with a damaged article file. */
export interface ReconcileOptions {
  fs: StorageFs
  layout: LibraryLayout
  /** Writing opens remove temp files and repair; reading ones only report. */
  repair: boolean
  /** Brings a damaged article back (from its newest intact revision), or says it cannot. */
  recover: (id: string, path: string, reason: string) => Promise<Article | null>
}

/** The index as the article files say, and what was found on the way. */
export interface Reconciled {
  notices: LibraryNotice[]
  /** Whether any row changed: the snapshot is then worth writing again. */
  changed: boolean
}

/**
 * Makes the index agree with the article files: one listing of `articles/` and one stat per
 * file; only files whose stamp (size, modification time, inode) differs from the row's are read
 * and validated. Rows of vanished files go; files the index missed come in; damaged files go to
 * `recover`. Never trusts the index's own modification time, and reads nothing else.
 */
export async function reconcileIndex(
  rows: Map<string, IndexRow>,
  options: ReconcileOptions,
): Promise<Reconciled> {
  const { fs, layout } = options
  const notices: LibraryNotice[] = []
  // Names only: 100,000 Dirents were 14 MB the desk kept; lstat below tells a file anyway.
  let entries: string[]
  try {
    entries = await fs.readdir(layout.articles)
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error
    entries = []
  }
  const seen = new Set<string>()
  const toRead: { id: string; stamp: FileStamp | null }[] = []
  let temps = 0
  for (const [n, name] of entries.entries()) {
    if (n % 5_000 === 4_999) await new Promise<void>((resolve) => setImmediate(resolve))
    if (isTempName(name)) {
      // Left by an earlier version's write, which kept temp files beside their targets.
      temps++
      if (options.repair) await fs.unlink(`${layout.articles}/${name}`).catch(() => undefined)
      continue
    }
    const id = name.endsWith('.json') ? name.slice(0, -5) : ''
    // The schema's own pattern, tested directly: zod costs ~0.5 µs a name, 50 ms at 100,000.
    if (!articleIdPattern.test(id)) continue
    seen.add(id)
    let stats: Stats
    try {
      // Not followed: a link or a folder where an article file should be is damage.
      stats = fs.lstatSync(layout.article(id))
    } catch {
      continue
    }
    if (!stats.isFile()) {
      toRead.push({ id, stamp: null })
      continue
    }
    const stamp = stampOf(stats)
    const row = rows.get(id)
    if (!row || !sameStamp(row.stamp, stamp)) toRead.push({ id, stamp })
  }
  if (temps) notices.push({ kind: 'temp-removed', count: temps })

  let stale = 0
  let added = 0
  let dropped = 0
  let next = 0
  const reader = async () => {
    while (next < toRead.length) {
      const { id, stamp } = toRead[next++]!
      const path = layout.article(id)
      const known = rows.has(id)
      const read = stamp
        ? await readStored(fs, path, storedArticleSchema)
        : ({ status: 'damaged', reason: damageReasons.folder } as const)
      if (read.status === 'missing') continue
      let article: Article | null =
        read.status === 'ok' && read.value.id === id ? (read.value as Article) : null
      let articleStamp = stamp
      if (!article) {
        const reason =
          read.status === 'damaged'
            ? read.reason
            : `the file holds article ${String(read.value.id)}`
        article = await options.recover(id, path, reason)
        if (!article) {
          if (rows.delete(id)) dropped++
          continue
        }
        articleStamp = options.repair ? stampOf(await fs.stat(path)) : (stamp ?? zeroStamp)
      } else if (known) stale++
      else added++
      rows.set(id, rowOf(article, articleStamp ?? zeroStamp))
    }
  }
  await Promise.all(Array.from({ length: 8 }, reader))
  for (const id of [...rows.keys()]) {
    if (!seen.has(id)) {
      rows.delete(id)
      dropped++
    }
  }
  if (stale || added || dropped) notices.unshift({ kind: 'index-repaired', stale, added, dropped })
  return { notices, changed: toRead.length > 0 || dropped > 0 }
}

// A row read without a stamp (a reader's view of a restored article) never matches a file.
const zeroStamp: FileStamp = { size: 0, mtimeMs: -1, ino: 0 }
