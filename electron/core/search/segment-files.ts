import { join } from 'node:path'
import type { StorageFs } from '../storage/storage-fs.js'
import { readStored } from '../storage/stored-file.js'
import { DiskSegment, type TermsFile, termsFileSchema } from './disk-segment.js'
import { DamagedPostings, PostingsWriter, encodePostings } from './postings.js'
import { isTermsFile } from './quick-checks.js'
import { type Segment, byCodeUnit } from './segment.js'
import { tableBytes } from './texts.js'

/** How much of a part is gathered before it is written out, and how often a merge lets others in. */
const chunkBytes = 1 << 20
const termsPerTurn = 2_000

/**
 * Writes one part from `sources` (parts in rising article-number order), keeping only the
 * articles `keep` accepts: a newest part written for the first time, or several merged into one.
 * Both files are fsynced before this resolves, so a manifest written after it never names a part
 * a power cut could leave half-written. A long merge lets the event loop in every few thousand
 * terms, so a save meanwhile waits for a few milliseconds at most.
 */
export async function writeSegment(
  fs: StorageFs,
  folder: string,
  name: string,
  sources: readonly Segment[],
  keep: (number: number) => boolean,
  /** How many of the sources' articles `keep` accepts (the index knows it without a count). */
  docs: number,
): Promise<DiskSegment> {
  await fs.mkdir(folder, { recursive: true })
  const terms = sources.length === 1 ? sources[0]!.terms() : union(sources)
  const file: TermsFile = {
    version: 2,
    docs,
    first: Math.min(...sources.map((source) => source.first)),
    last: Math.max(...sources.map((source) => source.last)),
    bytes: 0,
    terms: [],
    counts: [],
    offsets: [0],
    texts: 0,
  }
  const handle = await fs.open(join(folder, `${name}.postings`), 'w')
  try {
    let chunk = new Uint8Array(chunkBytes)
    let filled = 0
    const flush = async () => {
      if (filled > 0) await handle.write(chunk.subarray(0, filled))
      filled = 0
    }
    for (let n = 0; n < terms.length; n++) {
      const term = terms[n]!
      const list = new PostingsWriter()
      for (const source of sources) {
        const postings = source.postings(term)
        if (postings) encodePostings(postings, keep, list)
      }
      if (list.count === 0) continue
      if (filled + list.length > chunk.length) await flush()
      if (list.length > chunk.length) await handle.write(list.bytes.subarray(0, list.length))
      else {
        chunk.set(list.bytes.subarray(0, list.length), filled)
        filled += list.length
      }
      file.bytes += list.length
      file.terms.push(term)
      file.counts.push(list.count)
      file.offsets.push(file.bytes)
      if (n % termsPerTurn === termsPerTurn - 1) await new Promise(setImmediate)
      // A new chunk each time one is written: the write may still be reading the last one.
      if (filled === 0) chunk = new Uint8Array(chunkBytes)
    }
    await flush()
    await handle.sync()
  } finally {
    await handle.close()
  }
  file.texts = await writeTexts(fs, join(folder, `${name}.texts`), sources, keep)
  await writeSynced(fs, join(folder, `${name}.terms`), JSON.stringify(file))
  return DiskSegment.open(fs, folder, name, file)
}

/** Opens a written part; throws DamagedPostings when it is missing or does not add up. */
export async function openSegment(
  fs: StorageFs,
  folder: string,
  name: string,
): Promise<DiskSegment> {
  const read = await readStored(fs, join(folder, `${name}.terms`), termsFileSchema, isTermsFile)
  if (read.status !== 'ok') {
    throw new DamagedPostings(
      `${name}.terms: ${read.status === 'damaged' ? read.reason : 'missing'}`,
    )
  }
  return DiskSegment.open(fs, folder, name, read.value)
}

/** The texts of the articles kept, in rising number order, then their table; fsynced. Its size. */
async function writeTexts(
  fs: StorageFs,
  path: string,
  sources: readonly Segment[],
  keep: (number: number) => boolean,
): Promise<number> {
  const handle = await fs.open(path, 'w')
  const numbers: number[] = []
  const sizes: number[] = []
  let size = 0
  try {
    let pieces: Uint8Array[] = []
    let gathered = 0
    // One write a megabyte or so (not writev: every write goes through the same fs steps).
    const flush = async () => {
      if (gathered === 0) return
      const chunk = new Uint8Array(gathered)
      let at = 0
      for (const piece of pieces) {
        chunk.set(piece, at)
        at += piece.length
      }
      await handle.write(chunk)
      pieces = []
      gathered = 0
    }
    for (const source of sources) {
      for (const [number, record] of source.records()) {
        if (!keep(number)) continue
        numbers.push(number)
        sizes.push(record.length)
        pieces.push(record)
        gathered += record.length
        size += record.length
        if (gathered >= chunkBytes) {
          await flush()
          await new Promise(setImmediate)
        }
      }
    }
    await flush()
    const table = tableBytes(numbers, sizes)
    await handle.write(table)
    await handle.sync()
    return size + table.length
  } finally {
    await handle.close()
  }
}

function union(sources: readonly Segment[]): string[] {
  const all = new Set<string>()
  for (const source of sources) for (const term of source.terms()) all.add(term)
  return [...all].sort(byCodeUnit)
}

async function writeSynced(fs: StorageFs, path: string, text: string): Promise<void> {
  const handle = await fs.open(path, 'w')
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
