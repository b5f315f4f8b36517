import { join } from 'node:path'
import { z } from 'zod'
import type { StorageFs } from '../storage/storage-fs.js'
import type { ArticleGlance } from '../../../shared/stored-schemas.js'
import { firstAtLeast } from './first-at-least.js'
import { DamagedPostings, type Postings, decodePostings } from './postings.js'
import type { Segment } from './segment.js'
import { type TextTable, decodeText, readTable, recordOf, tableRecords } from './texts.js'

/** `search/segments/<name>.terms`: a part's terms, how many articles hold each, where its list starts. */
export const termsFileSchema = z.strictObject({
  version: z.literal(2),
  docs: z.number().int().min(0),
  /** The lowest and highest article numbers it was written with. */
  first: z.number().int().min(0),
  last: z.number().int().min(0),
  bytes: z.number().int().min(0),
  terms: z.array(z.string()),
  counts: z.array(z.number().int().min(1)),
  /** One more than the terms: the last is the end of the postings. */
  offsets: z.array(z.number().int().min(0)),
  /** The size of `<name>.texts`, what hits show of its articles (texts.ts). */
  texts: z.number().int().min(0),
})
export type TermsFile = z.infer<typeof termsFileSchema>

export const segmentName = /^s\d{1,12}$/

/**
 * A written part of the index: its terms in memory, its postings in their file, read one list
 * at a time with a synchronous read (a few hundred kilobytes for a word most articles hold, from
 * the page cache), so the desk's memory does not grow with the archive. Its articles' texts
 * likewise: the table of where each is in memory, a text read when a hit shows it.
 */
export class DiskSegment implements Segment {
  private constructor(
    readonly name: string,
    private readonly file: TermsFile,
    private readonly fd: number,
    private readonly fs: StorageFs,
    private readonly textsFd: number,
    private readonly table: TextTable,
  ) {}

  get docs(): number {
    return this.file.docs
  }

  get first(): number {
    return this.file.first
  }

  get last(): number {
    return this.file.last
  }

  get bytes(): number {
    return this.file.bytes
  }

  /** Opens a part; throws DamagedPostings when its two files do not agree. */
  static open(fs: StorageFs, folder: string, name: string, file: TermsFile): DiskSegment {
    const { terms, counts, offsets } = file
    if (!segmentName.test(name)) throw new DamagedPostings(`a part is misnamed: ${name}`)
    if (counts.length !== terms.length || offsets.length !== terms.length + 1) {
      throw new DamagedPostings(`${name}: its term lists differ in length`)
    }
    if (offsets[0] !== 0 || offsets.at(-1) !== file.bytes) {
      throw new DamagedPostings(`${name}: its offsets do not span its postings`)
    }
    for (let n = 0; n < terms.length; n++) {
      if (offsets[n + 1]! < offsets[n]! + 2 * counts[n]!) {
        throw new DamagedPostings(`${name}: a list is shorter than its count`)
      }
      if (n > 0 && !(terms[n - 1]! < terms[n]!)) {
        throw new DamagedPostings(`${name}: its terms are out of order`)
      }
    }
    const fd = fs.openSync(join(folder, `${name}.postings`), 'r')
    let textsFd: number | null = null
    try {
      if (fs.fstatSync(fd).size !== file.bytes) {
        throw new DamagedPostings(`${name}: its postings file has the wrong size`)
      }
      textsFd = fs.openSync(join(folder, `${name}.texts`), 'r')
      if (fs.fstatSync(textsFd).size !== file.texts) {
        throw new DamagedPostings(`${name}: its texts file has the wrong size`)
      }
      const table = readTable(fs, textsFd, file.texts, name)
      return new DiskSegment(name, file, fd, fs, textsFd, table)
    } catch (error) {
      fs.closeSync(fd)
      if (textsFd !== null) fs.closeSync(textsFd)
      throw error instanceof DamagedPostings
        ? error
        : new DamagedPostings(`${name}: ${(error as Error).message}`)
    }
  }

  private find(term: string): number {
    return firstAtLeast(this.file.terms, term)
  }

  postings(term: string): Postings | null {
    const at = this.find(term)
    if (this.file.terms[at] !== term) return null
    const start = this.file.offsets[at]!
    const length = this.file.offsets[at + 1]! - start
    const bytes = new Uint8Array(length)
    const read = this.fs.readSync(this.fd, bytes, 0, length, start)
    if (read !== length) throw new DamagedPostings(`${this.name}: its postings were cut short`)
    return decodePostings(bytes, this.file.counts[at]!)
  }

  prefixed(prefix: string, into: Map<string, number>): void {
    const { terms, counts } = this.file
    for (let n = this.find(prefix); n < terms.length && terms[n]!.startsWith(prefix); n++) {
      into.set(terms[n]!, (into.get(terms[n]!) ?? 0) + counts[n]!)
    }
  }

  terms(): string[] {
    return this.file.terms
  }

  text(number: number): ArticleGlance | null {
    const record = recordOf(this.table, number)
    if (record < 0) return null
    const { offsets } = this.table
    const length = offsets[record + 1]! - offsets[record]!
    const bytes = new Uint8Array(length)
    if (this.fs.readSync(this.textsFd, bytes, 0, length, offsets[record]!) !== length) {
      throw new DamagedPostings(`${this.name}: its texts were cut short`)
    }
    return decodeText(bytes)
  }

  records(): Iterable<[number, Uint8Array]> {
    return tableRecords(this.fs, this.textsFd, this.table, this.name)
  }

  close(): void {
    this.fs.closeSync(this.fd)
    this.fs.closeSync(this.textsFd)
  }
}
