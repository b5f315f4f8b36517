import { damageReasons } from '../../../shared/damage.js'
import { indexSnapshotSchema, journalEntrySchema } from '../../../shared/stored-schemas.js'
import { errnoCode } from '../failure.js'
import { syncFolder } from './atomic-write.js'
import type { IndexRow } from './index-row.js'
import type { LibraryLayout } from './layout.js'
import type { StorageFs } from './storage-fs.js'
import { parseStored } from './stored-file.js'
import { isIndexSnapshot } from './index-row-check.js'
import { readSnapshotLines } from './snapshot-lines.js'

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
    // A row a line, a megabyte at a time (see snapshot-lines.ts); as one text when laid out otherwise.
    const byLines = await readSnapshotLines(fs, layout.index)
    if (isIndexSnapshot(byLines)) {
      generation = byLines.generation
      for (const row of byLines.articles) rows.set(row.id, row)
    } else bytes = await fs.readFile(layout.index)
  } catch (error) {
    const code = errnoCode(error)
    if (code === 'EISDIR') damage = damageReasons.folder
    else if (code !== 'ENOENT') throw error
  }
  if (bytes) {
    const read = readSnapshot(bytes)
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

/** The snapshot by the quick check, or through the schema (which words what is wrong). */
function readSnapshot(bytes: Uint8Array): ReturnType<typeof parseSnapshot> {
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    if (isIndexSnapshot(json)) return { status: 'ok', value: json }
  } catch {
    // Not UTF-8 or not JSON: the schema's path says which.
  }
  return parseSnapshot(bytes)
}

const parseSnapshot = (bytes: Uint8Array) => parseStored(bytes, indexSnapshotSchema)

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

/** The index's writer for a library: a failure is logged, and the next open repairs it. */
export function indexWriter(
  fs: StorageFs,
  layout: LibraryLayout,
  warn?: (message: string) => void,
): IndexWriterOptions {
  return {
    fs,
    layout,
    tempDir: layout.temp,
    onFailure: (what, error) =>
      warn?.(
        `${what} could not be written (${(error as Error).message}); the next open repairs it from the article files`,
      ),
  }
}

/** Writes `library.json` for a generation: temp file, fsync, rename, folder fsync. */
export async function writeSnapshotFile(
  writer: IndexWriterOptions,
  rows: IndexRow[],
  generation: number,
) {
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
