import type { IndexRow } from './storage/library-index.js'
import type { LibraryChange, LibraryStorage } from './storage/library-store.js'
import { quarantine } from './storage/quarantine.js'
import type { StorageFs } from './storage/storage-fs.js'
import {
  type SearchSnapshot,
  freshPartName,
  partsFolder,
  readSearchSnapshot,
  writeManifest,
} from './search/index-files.js'
import { GlanceCache } from './search/glance-cache.js'
import { DamagedPostings } from './search/postings.js'
import type { Segment } from './search/segment.js'
import { writeSegment } from './search/segment-files.js'
import { type RankedHit, type SearchRequest, SearchIndex } from './search-index.js'

export { type SearchSnapshot, readSearchSnapshot } from './search/index-files.js'

/** The library's search: the index, kept up to date off the save path, persisted now and then. */
export interface LibrarySearch {
  search(request: SearchRequest): Promise<RankedHit[]>
  /** Takes a change in; the index applies it before the next search, never during a save. */
  changed(change: LibraryChange): void
  /** Applies what is pending and writes the index (a writing desk), at close or after a batch. */
  flush(): Promise<void>
  close(): Promise<void>
}

/** How the library's search is opened. */
export interface OpenSearchOptions {
  fs: StorageFs
  store: LibraryStorage
  /** A writing desk keeps the index on disk; a reader only uses it. */
  persist: boolean
  clock: () => Date
  /** Said when the index had to be (re)built from many articles, and how far it has got. */
  progress?: (done: number, total: number) => void
  warn?: (message: string) => void
  /** The index as read from disk, when its reading was started earlier (readSearchSnapshot). */
  snapshot?: Promise<SearchSnapshot | null>
  /** How long after the last change the index takes the changes in (searches take them at once). */
  applyAfterMs?: number
  /** How long after the last change the index is written again (a writing desk). */
  persistAfterMs?: number
}

/**
 * Articles gathered in memory while the index is built before they are written as a part: their
 * postings and texts, some 60 MB of them for 10,000 articles of 500 words.
 */
const buildPart = 10_000

/**
 * The tail of written parts to merge into one, or null: the newest parts, from the first one
 * that is at most three times all the newer ones together. So the parts shrink by a third or
 * more from oldest to newest, there are only a few of them, and an article's postings are
 * rewritten a handful of times in its life. All of them when many are dead or parts pile up.
 */
function mergeable(parts: Segment[], deadShare: number): Segment[] | null {
  if (parts.length >= 2 && (deadShare > 0.3 || parts.length > 8)) return parts
  let newer = 0
  for (let at = parts.length - 1; at > 0; at--) newer += parts[at]!.bytes
  for (let at = 0; at < parts.length - 1; at++) {
    if (parts[at]!.bytes <= 3 * newer) return parts.slice(at)
    newer -= parts[at + 1]!.bytes
  }
  return null
}

/**
 * Opens the search index of a library: reads `search/`, brings it up to date with the
 * index rows (articles changed, added or gone since it was written are indexed again), and
 * rebuilds it when it is missing or damaged. Ready when this resolves.
 */
export async function openLibrarySearch(options: OpenSearchOptions): Promise<LibrarySearch> {
  const { fs, store } = options
  const folder = store.layout.searchIndex
  let index: SearchIndex
  let onDisk = false
  const damaged = async (error: unknown) => {
    options.warn?.(
      `the search index was damaged (${(error as Error).message}); rebuilding it from the articles`,
    )
    if (options.persist) await quarantine(fs, store.layout, folder, options.clock())
  }
  // A reader may read a manifest just as a desk merges the parts it names away: read again once.
  // Let go of once read: the closures below keep this scope and `options`, and a snapshot's list
  // of what the index holds is 15 MB at 100,000 articles once the index has taken it in.
  let early = options.snapshot
  options = { ...options, snapshot: undefined }
  const read = () => {
    const snapshot = early ?? readSearchSnapshot(fs, folder)
    early = undefined
    return snapshot.catch((error: unknown) => {
      if (options.persist) throw error
      return readSearchSnapshot(fs, folder)
    })
  }
  try {
    const snapshot = await read()
    index = snapshot ? new SearchIndex(snapshot.state, snapshot.parts) : new SearchIndex()
    onDisk = snapshot !== null
  } catch (error) {
    await damaged(error)
    index = new SearchIndex()
  }
  let writing: Promise<void> = Promise.resolve()
  /** The articles in memory written as a part, parts merged when due, then a new manifest. */
  const save = async (merge: boolean) => {
    for (const frozen of index.freeze()) {
      const name = await freshPartName(fs, folder)
      const docs = index.aliveIn([frozen])
      const part = await writeSegment(fs, partsFolder(folder), name, [frozen], index.alive, docs)
      index.replace([frozen], part)
    }
    const tail = merge ? mergeable(index.written(), index.deadShare) : null
    if (tail) {
      const name = await freshPartName(fs, folder)
      const docs = index.aliveIn(tail)
      const part = await writeSegment(fs, partsFolder(folder), name, tail, index.alive, docs)
      index.replace(tail, part)
    }
    const names = index.written().map((part) => part.name!)
    await writeManifest(fs, folder, store.layout.temp, index.state(), names)
    onDisk = true
  }
  const glances = new GlanceCache()
  const pending: LibraryChange[] = []
  const apply = () => {
    for (const change of pending.splice(0)) take(change)
  }
  const take = (change: LibraryChange) => {
    if ('put' in change) index.put(change.put)
    else index.drop(change.drop)
  }
  const persist = (least: number, merge = true) => {
    if (!options.persist) return writing
    writing = writing.then(async () => {
      apply()
      const due = merge && mergeable(index.written(), index.deadShare) !== null
      if (!due && (!index.dirty || (onDisk && index.changes < least))) return
      try {
        await save(merge)
      } catch (error) {
        options.warn?.(
          `the search index could not be written (${(error as Error).message}); it is rebuilt at the next open`,
        )
      }
    })
    return writing
  }

  /** Indexes again what changed since the index was written: everything when it was rebuilt. */
  const catchUp = async () => {
    const stale = [...store.index.all()].filter((row) => !index.holds(row.id, row.updatedAt))
    for (const [id] of [...index.entries()]) if (!store.has(id)) index.drop(id)
    // Oldest first, so the numbers rise with the changes (newest first is highest first).
    stale.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0))
    // Read sixteen at a time, so the disk works while the index takes the last batch in.
    for (let at = 0; at < stale.length; at += 16) {
      const batch = await Promise.all(
        stale.slice(at, at + 16).map((row) => store.read(row.id).catch(() => null)),
      )
      for (const article of batch) if (article) index.put(article)
      const done = Math.min(at + 16, stale.length)
      if (stale.length > 500 && done % 1008 === 0) options.progress?.(done, stale.length)
      // A long build is written a part at a time, so its memory stays that of one part.
      if (index.unwritten >= buildPart) await persist(0, false)
    }
    if (stale.length > 500) options.progress?.(stale.length, stale.length)
  }
  const rebuild = async (error: unknown) => {
    await damaged(error)
    index.close()
    index = new SearchIndex()
    onDisk = false
    await catchUp()
  }
  try {
    await catchUp()
  } catch (error) {
    if (!(error instanceof DamagedPostings)) throw error
    await rebuild(error)
  }
  await persist(50)

  let draining: NodeJS.Timeout | null = null
  let partDue = false
  let timer: NodeJS.Timeout | null = null
  // Off the save path: a quiet moment after the last change, then a few articles per turn of
  // the event loop, so that a save arriving meanwhile waits for one article's indexing at most.
  const drain = () => {
    draining = null
    for (const change of pending.splice(0, 4)) take(change)
    if (pending.length > 0) setImmediate(drain)
    // A long import is written a part at a time too, so the memory stays that of one part.
    if (index.unwritten >= buildPart && !partDue) {
      partDue = true
      void persist(0, false).then(() => (partDue = false))
    }
  }
  return {
    search: async (request) => {
      apply()
      const library = {
        row: (id: string) => store.index.get(id),
        // The index's copy of the text, else the article file (an article changed meanwhile).
        glance: (row: IndexRow) =>
          glances.get(
            row.id,
            row.updatedAt,
            () => index.textOf(row.id, row.updatedAt) ?? store.glance(row.id),
          ),
      }
      try {
        return await index.search(request, library)
      } catch (error) {
        if (!(error instanceof DamagedPostings)) throw error
        await writing
        await rebuild(error)
        await persist(0)
        return index.search(request, library)
      }
    },
    changed: (change) => {
      pending.push(change)
      if (draining) clearTimeout(draining)
      draining = setTimeout(drain, options.applyAfterMs ?? 200)
      draining.unref()
      if (options.persist) {
        if (timer) clearTimeout(timer)
        // Written when worth it: a few changed articles cost the next open only their reading.
        timer = setTimeout(() => void persist(500), options.persistAfterMs ?? 30_000)
        timer.unref()
      }
    },
    flush: () => persist(1),
    close: async () => {
      if (timer) clearTimeout(timer)
      if (draining) clearTimeout(draining)
      await persist(50)
      index.close()
    },
  }
}
