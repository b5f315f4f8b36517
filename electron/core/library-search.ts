import { isAscii } from 'node:buffer'
import { join } from 'node:path'
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

/** `search/current.json`: which generation folder holds the index now. */
const currentSchema = z.strictObject({ generation: z.number().int().min(1) })

/** `search/g<N>/manifest.json`: what the index holds, and the names of FlexSearch's parts. */
const manifestSchema = z.strictObject({
  version: z.literal(3),
  next: z.number().int().min(1),
  dead: z.number().int().min(0),
  docs: z.array(z.tuple([z.string(), z.string(), z.number().int()])),
  vocabulary: z.array(z.tuple([z.string(), z.number().int().min(0)])),
  parts: z.strictObject({ all: z.array(z.string()), headlines: z.array(z.string()) }),
})

/** A manifest of an index an older Midad wrote (another layout): rebuilt, not repaired. */
const olderManifestSchema = z.looseObject({ version: z.number().int().max(2) })

const partName = /^[a-z0-9.]{1,40}$/

/**
 * Reads the index: the current generation's manifest, then each FlexSearch part from its own
 * file, handed to FlexSearch as it is (no second JSON layer: a tenth of a gigabyte less at
 * 100,000 articles). Null when there is none; throws a reason when it is damaged. Only reads:
 * a desk starts it beside the library's own open, so the disk works while the index reconciles.
 */
export async function readSearchSnapshot(
  fs: StorageFs,
  folder: string,
): Promise<SearchSnapshot | null> {
  const current = await readStored(fs, join(folder, 'current.json'), currentSchema)
  if (current.status === 'missing') return null
  if (current.status === 'damaged') throw new Error(`current.json: ${current.reason}`)
  const generation = join(folder, `g${current.value.generation}`)
  const manifest = await readStored(
    fs,
    join(generation, 'manifest.json'),
    manifestSchema.or(olderManifestSchema),
  )
  if (manifest.status !== 'ok') {
    throw new Error(`manifest.json: ${manifest.status === 'damaged' ? manifest.reason : 'missing'}`)
  }
  // Written by an older Midad: not damaged, only outdated; built again, nothing quarantined.
  if (manifest.value.version !== 3) return null
  const read = async (names: string[], prefix: string) => {
    const parts: [string, string][] = []
    for (const name of names) {
      if (!partName.test(name)) throw new Error(`a part is misnamed: ${name}`)
      parts.push([name, asText(await fs.readFile(join(generation, `${prefix}.${name}`)))])
    }
    return parts
  }
  // Version 3 passed only the current schema (the older one stops at 2).
  const { parts, ...rest } = manifest.value as z.infer<typeof manifestSchema>
  return {
    ...rest,
    version: 1,
    all: await read(parts.all, 'all'),
    headlines: await read(parts.headlines, 'headlines'),
  } as SearchSnapshot
}

/**
 * Writes the index as a new generation folder, then points `current.json` at it (atomically)
 * and removes the older ones: a crash at any point leaves the old index or the new one whole.
 */
async function writeSearchIndex(
  fs: StorageFs,
  folder: string,
  tempDir: string,
  snapshot: SearchSnapshot,
): Promise<void> {
  await fs.mkdir(folder, { recursive: true })
  const before = await fs.readdir(folder)
  const taken = before.map((name) => Number(/^g(\d+)$/.exec(name)?.[1] ?? 0))
  const next = Math.max(0, ...taken) + 1
  const generation = join(folder, `g${next}`)
  await fs.mkdir(generation)
  for (const [key, data] of snapshot.all) {
    await fs.writeFile(join(generation, `all.${key}`), asciiJson(data))
  }
  for (const [key, data] of snapshot.headlines) {
    await fs.writeFile(join(generation, `headlines.${key}`), asciiJson(data))
  }
  const { all, headlines, ...rest } = snapshot
  const manifest = {
    ...rest,
    version: 3,
    parts: { all: all.map(([k]) => k), headlines: headlines.map(([k]) => k) },
  }
  await fs.writeFile(join(generation, 'manifest.json'), JSON.stringify(manifest))
  await writeFileAtomic(join(folder, 'current.json'), JSON.stringify({ generation: next }), fs, {
    tempDir,
  })
  for (const name of before) {
    if (/^g\d+$/.test(name)) await fs.rm(join(folder, name), { recursive: true, force: true })
  }
}

/**
 * FlexSearch's JSON with every non-ASCII character written as a \\u escape (the same JSON):
 * the part is then one-byte text, read back with no UTF-8 decoding and held in half the memory
 * (a quarter of a gigabyte less while a 100,000-article index loads).
 */
function asciiJson(data: string): string {
  return data.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** A part's text: read as one-byte text when it is ASCII (as written), else decoded as UTF-8. */
function asText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
}

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
 * Opens the search index of a library: reads `search/`, brings it up to date with the
 * index rows (articles changed, added or gone since it was written are indexed again), and
 * rebuilds it when it is missing or damaged. Ready when this resolves.
 */
export async function openLibrarySearch(options: OpenSearchOptions): Promise<LibrarySearch> {
  const { fs, store } = options
  const folder = store.layout.searchIndex
  let loaded: SearchIndex | null = null
  try {
    const snapshot = await (options.snapshot ?? readSearchSnapshot(fs, folder))
    loaded = snapshot && SearchIndex.fromSnapshot(snapshot)
    // Mostly postings of replaced articles: rebuilt whole, which drops them.
    if (loaded && loaded.deadShare > 0.3) loaded = null
  } catch (error) {
    options.warn?.(
      `the search index was damaged (${(error as Error).message}); rebuilding it from the articles`,
    )
    if (options.persist) await quarantine(fs, store.layout, folder, options.clock())
  }
  const index = loaded ?? new SearchIndex()
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
  const take = (change: LibraryChange) => {
    if ('put' in change) index.put(change.put)
    else index.drop(change.drop)
  }
  /** Everything pending, now (a search, a write of the index). */
  const apply = () => {
    for (const change of pending.splice(0)) take(change)
  }
  // Off the save path: a quiet moment after the last change, then a few articles per turn of
  // the event loop, so that a save arriving meanwhile waits for one article's indexing at most
  // (a few ms) and not for a whole batch's.
  let draining: NodeJS.Timeout | null = null
  const drain = () => {
    draining = null
    for (const change of pending.splice(0, 4)) take(change)
    if (pending.length > 0) setImmediate(drain)
  }
  // Written when worth it: the whole index is large (a quarter of a gigabyte at 100,000), and a
  // few changed articles cost the next open only their own reading again.
  let onDisk = loaded !== null
  const persist = (least: number) => {
    if (!options.persist) return writing
    writing = writing.then(async () => {
      apply()
      if (!index.dirty || (onDisk && index.changes < least)) return
      try {
        await writeSearchIndex(fs, folder, store.layout.temp, index.snapshot())
        onDisk = true
      } catch (error) {
        options.warn?.(
          `the search index could not be written (${(error as Error).message}); it is rebuilt at the next open`,
        )
      }
    })
    return writing
  }
  await persist(50)
  return {
    search: async (request) => {
      apply()
      return index.search(request, {
        row: (id) => store.index.get(id),
        glance: (id) => store.glance(id),
      })
    },
    changed: (change) => {
      pending.push(change)
      if (draining) clearTimeout(draining)
      draining = setTimeout(drain, options.applyAfterMs ?? 200)
      draining.unref()
      if (options.persist) {
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => void persist(500), options.persistAfterMs ?? 30_000)
        timer.unref()
      }
    },
    flush: () => persist(1),
    close: async () => {
      if (timer) clearTimeout(timer)
      if (draining) clearTimeout(draining)
      await persist(50)
    },
  }
}
