import { z } from 'zod'
import { writeFileAtomic } from './storage/atomic-write.js'
import type { LibraryChange, LibraryStorage } from './storage/library-store.js'
import { quarantine } from './storage/quarantine.js'
import type { StorageFs } from './storage/storage-fs.js'
import { readStored } from './storage/stored-file.js'
import {
  type RankedHit,
  type SearchRequest,
  type SearchSnapshot,
  SearchIndex,
} from './search-index.js'

const pair = z.tuple([z.string(), z.string()])
const snapshotSchema = z.strictObject({
  version: z.literal(1),
  next: z.number().int().min(1),
  dead: z.number().int().min(0),
  docs: z.array(z.tuple([z.string(), z.string(), z.number().int()])),
  vocabulary: z.array(z.string()),
  all: z.array(pair),
  headlines: z.array(pair),
})

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
  /** How long after the last change the index is written again (a writing desk). */
  persistAfterMs?: number
}

/**
 * Opens the search index of a library: reads `search-index.json`, brings it up to date with the
 * index rows (articles changed, added or gone since it was written are indexed again), and
 * rebuilds it when it is missing or damaged. Ready when this resolves.
 */
export async function openLibrarySearch(options: OpenSearchOptions): Promise<LibrarySearch> {
  const { fs, store } = options
  const path = store.layout.searchIndex
  let index = new SearchIndex()
  const read = await readStored(fs, path, snapshotSchema).catch(
    () => ({ status: 'missing' }) as const,
  )
  if (read.status === 'ok') {
    try {
      index = SearchIndex.fromSnapshot(read.value as SearchSnapshot)
    } catch {
      index = new SearchIndex()
    }
    // Mostly postings of replaced articles: rebuilt whole, which drops them.
    if (index.deadShare > 0.3) index = new SearchIndex()
  } else if (read.status === 'damaged') {
    options.warn?.(
      `search-index.json was damaged (${read.reason}); rebuilding it from the articles`,
    )
    if (options.persist) await quarantine(fs, store.layout, path, options.clock())
  }
  // Up to date with the rows: only what changed since the index was written is read again.
  const stale: string[] = []
  for (const row of store.index.all()) if (!index.holds(row.id, row.updatedAt)) stale.push(row.id)
  for (const [id] of [...index.entries()]) if (!store.has(id)) index.drop(id)
  // Read sixteen at a time, so the disk works while the index takes the last batch in.
  for (let at = 0; at < stale.length; at += 16) {
    const batch = await Promise.all(
      stale.slice(at, at + 16).map((id) => store.read(id).catch(() => null)),
    )
    for (const article of batch) if (article) index.put(article)
    const done = Math.min(at + 16, stale.length)
    if (stale.length > 500 && done % 1008 === 0) options.progress?.(done, stale.length)
  }
  if (stale.length > 500) options.progress?.(stale.length, stale.length)

  const pending: LibraryChange[] = []
  let timer: NodeJS.Timeout | null = null
  let writing: Promise<void> = Promise.resolve()
  const apply = () => {
    for (const change of pending.splice(0)) {
      if ('put' in change) index.put(change.put)
      else index.drop(change.drop)
    }
  }
  const persist = () => {
    if (!options.persist) return writing
    writing = writing.then(async () => {
      apply()
      if (!index.dirty) return
      try {
        await writeFileAtomic(path, JSON.stringify(index.snapshot()), fs, {
          tempDir: store.layout.temp,
        })
      } catch (error) {
        options.warn?.(
          `the search index could not be written (${(error as Error).message}); it is rebuilt at the next open`,
        )
      }
    })
    return writing
  }
  if (options.persist && index.dirty) await persist()
  return {
    search: async (request) => {
      apply()
      return index.search(request, {
        row: (id) => store.index.get(id),
        read: (id) => store.read(id),
      })
    },
    changed: (change) => {
      pending.push(change)
      // Applied soon, not now: the save that made the change answers first.
      if (pending.length === 1) setImmediate(apply)
      if (options.persist) {
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => void persist(), options.persistAfterMs ?? 30_000)
        timer.unref()
      }
    },
    flush: persist,
    close: async () => {
      if (timer) clearTimeout(timer)
      await persist()
    },
  }
}
