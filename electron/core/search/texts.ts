import type { ArticleGlance } from '../../../shared/stored-schemas.js'
import type { StorageFs } from '../storage/storage-fs.js'
import { firstAtLeast } from './first-at-least.js'
import { DamagedPostings } from './postings.js'

/**
 * What a hit shows of an article (headline, kicker, summary, tags, paragraphs), kept in the
 * index beside its postings: opening and parsing an article file costs 0.1–0.25 ms a hit on
 * our machines (most of a page of hits), one read from a part's open texts file 0.01 ms. A
 * derived copy like the postings, rebuilt with them; an article file always wins.
 *
 * `<part>.texts`: the records, then a table of them, then where the table starts (f64), so a
 * part is written in one pass. The table is the record count (u32), each record's article
 * number (u32, rising), and count + 1 offsets (f64, from the file's start; the last is the
 * records' end). A record is a UTF-8 JSON array [id, headline, kicker, summary, tags, paragraphs].
 */
export interface TextTable {
  numbers: Uint32Array
  offsets: Float64Array
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function encodeText(article: ArticleGlance): Uint8Array {
  const { id, headline, kicker, summary, tags, text } = article
  return encoder.encode(JSON.stringify([id, headline, kicker, summary, tags, text]))
}

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

/** A record read back; throws DamagedPostings when it is not one. */
export function decodeText(bytes: Uint8Array): ArticleGlance {
  let value: unknown
  try {
    value = JSON.parse(decoder.decode(bytes))
  } catch {
    throw new DamagedPostings('an article text in the index is not JSON')
  }
  if (!Array.isArray(value) || value.length !== 6) {
    throw new DamagedPostings('an article text in the index is not a record')
  }
  const [id, headline, kicker, summary, tags, text] = value as unknown[]
  if (
    typeof id !== 'string' ||
    typeof headline !== 'string' ||
    typeof kicker !== 'string' ||
    typeof summary !== 'string' ||
    !strings(tags) ||
    !strings(text)
  ) {
    throw new DamagedPostings('an article text in the index has the wrong fields')
  }
  return { id, headline, kicker, summary, tags, text }
}

/** The table and its position that end a texts file, for records of these sizes. */
export function tableBytes(numbers: readonly number[], sizes: readonly number[]): Uint8Array {
  const count = numbers.length
  const bytes = new Uint8Array(4 + 4 * count + 8 * (count + 1) + 8)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, count, true)
  numbers.forEach((number, n) => view.setUint32(4 + 4 * n, number, true))
  let offset = 0
  const at = 4 + 4 * count
  view.setFloat64(at, 0, true)
  sizes.forEach((size, n) => view.setFloat64(at + 8 * (n + 1), (offset += size), true))
  view.setFloat64(bytes.length - 8, offset, true)
  return bytes
}

/** Reads the table of an open texts file of `size` bytes; throws DamagedPostings when it does not add up. */
export function readTable(fs: StorageFs, fd: number, size: number, name: string): TextTable {
  const read = (length: number, position: number) => {
    const bytes = new Uint8Array(length)
    if (fs.readSync(fd, bytes, 0, length, position) !== length) {
      throw new DamagedPostings(`${name}: its texts were cut short`)
    }
    return new DataView(bytes.buffer)
  }
  if (size < 20) throw new DamagedPostings(`${name}: its texts have no table`)
  const at = read(8, size - 8).getFloat64(0, true)
  if (!Number.isInteger(at) || at < 0 || at > size - 20) {
    throw new DamagedPostings(`${name}: its texts table is misplaced`)
  }
  const view = read(size - 8 - at, at)
  const count = view.getUint32(0, true)
  if (4 + 4 * count + 8 * (count + 1) !== view.byteLength) {
    throw new DamagedPostings(`${name}: its texts table has the wrong size`)
  }
  const numbers = new Uint32Array(count)
  const offsets = new Float64Array(count + 1)
  for (let n = 0; n < count; n++) numbers[n] = view.getUint32(4 + 4 * n, true)
  for (let n = 0; n <= count; n++) offsets[n] = view.getFloat64(4 + 4 * count + 8 * n, true)
  for (let n = 0; n < count; n++) {
    if ((n > 0 && numbers[n]! <= numbers[n - 1]!) || offsets[n + 1]! < offsets[n]!) {
      throw new DamagedPostings(`${name}: its texts table is out of order`)
    }
  }
  if (offsets[0] !== 0 || offsets[count] !== at) {
    throw new DamagedPostings(`${name}: its texts table does not span its records`)
  }
  return { numbers, offsets }
}

/** Where an article number's record is in the table, or -1. */
export function recordOf(table: TextTable, number: number): number {
  const at = firstAtLeast(table.numbers, number)
  return table.numbers[at] === number ? at : -1
}

/** Records read from a texts file in chunks of about this many bytes when a merge copies them. */
const copyChunk = 4 << 20

/** Every record of a texts file with its number, in rising order, read a few megabytes at a time. */
export function* tableRecords(
  fs: StorageFs,
  fd: number,
  table: TextTable,
  name: string,
): Generator<[number, Uint8Array]> {
  const { numbers, offsets } = table
  for (let first = 0; first < numbers.length;) {
    let last = first + 1
    while (last < numbers.length && offsets[last + 1]! - offsets[first]! <= copyChunk) last++
    const length = offsets[last]! - offsets[first]!
    const chunk = new Uint8Array(length)
    if (fs.readSync(fd, chunk, 0, length, offsets[first]!) !== length) {
      throw new DamagedPostings(`${name}: its texts were cut short`)
    }
    for (let n = first; n < last; n++) {
      yield [
        numbers[n]!,
        chunk.subarray(offsets[n]! - offsets[first]!, offsets[n + 1]! - offsets[first]!),
      ]
    }
    first = last
  }
}
