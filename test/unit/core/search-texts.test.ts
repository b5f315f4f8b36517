import { open as openFile, readdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { DamagedPostings } from '../../../electron/core/search/postings.js'
import {
  decodeText,
  encodeText,
  readTable,
  recordOf,
  tableBytes,
  tableRecords,
} from '../../../electron/core/search/texts.js'
import { nodeFs } from '../../../electron/core/storage/storage-fs.js'
import { steppingClock, tempDir } from '../temp-dir.js'

const open: Desk[] = []
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close()
})

const glance = (n: number) => ({
  id: `article${n}`,
  headline: `عنوان ${n}`,
  kicker: 'تمهيد',
  summary: 'موجز',
  tags: ['وسم'],
  text: [`فقرة أولى ${n}`, 'فقرة ثانية «مقتبسة» \\ "وعلامات"'],
})

/** A texts file of these records, written as a part writes it; its path and size. */
async function textsFile(records: Uint8Array[], numbers: number[]) {
  const path = join(await tempDir(), 's1.texts')
  const table = tableBytes(
    numbers,
    records.map((record) => record.length),
  )
  await writeFile(path, Buffer.concat([...records, table]))
  return { path, size: (await readFile(path)).length }
}

async function withTable<T>(path: string, size: number, use: (fd: number) => T): Promise<T> {
  const handle = await openFile(path, 'r')
  try {
    return use(handle.fd)
  } finally {
    await handle.close()
  }
}

describe('the texts the index keeps for its hits', () => {
  it('reads back each record by its number, and all of them in order', async () => {
    const numbers = [3, 40, 41, 9_000]
    const records = numbers.map((number) => encodeText(glance(number)))
    const { path, size } = await textsFile(records, numbers)
    await withTable(path, size, (fd) => {
      const table = readTable(nodeFs, fd, size, 's1')
      expect([...table.numbers]).toEqual(numbers)
      expect(recordOf(table, 41)).toBe(2)
      expect(recordOf(table, 42)).toBe(-1)
      const all = [...tableRecords(nodeFs, fd, table, 's1')]
      expect(all.map(([number]) => number)).toEqual(numbers)
      expect(all.map(([, bytes]) => decodeText(bytes))).toEqual(numbers.map(glance))
    })
  })

  it('refuses a table cut short, out of order, or not spanning its records', async () => {
    const records = [1, 2].map((number) => encodeText(glance(number)))
    const cut = await textsFile(records, [1, 2])
    await truncate(cut.path, cut.size - 3)
    await withTable(cut.path, cut.size - 3, (fd) =>
      expect(() => readTable(nodeFs, fd, cut.size - 3, 's1')).toThrow(DamagedPostings),
    )
    const backwards = await textsFile(records, [2, 1])
    await withTable(backwards.path, backwards.size, (fd) =>
      expect(() => readTable(nodeFs, fd, backwards.size, 's1')).toThrow(/out of order/),
    )
    // One record left out of the file, the table unchanged: it no longer ends where they do.
    const short = await textsFile(records.slice(0, 1), [1])
    const table = tableBytes([1], [records[0]!.length + 5])
    await writeFile(short.path, Buffer.concat([records[0]!, table]))
    await withTable(short.path, records[0]!.length + table.length, (fd) =>
      expect(() => readTable(nodeFs, fd, records[0]!.length + table.length, 's1')).toThrow(
        DamagedPostings,
      ),
    )
    // A record that is not one.
    expect(() => decodeText(new TextEncoder().encode('["a", 1]'))).toThrow(DamagedPostings)
    expect(() => decodeText(new TextEncoder().encode('{"torn'))).toThrow(DamagedPostings)
  })

  it('shows hits from a part, and is rebuilt when its texts are damaged', async () => {
    const dir = await tempDir()
    const deskOn = async (warn?: (line: string) => void) => {
      const desk = await openDesk({ dataDir: dir, purpose: 'a test', clock: steppingClock(), warn })
      open.push(desk)
      return desk
    }
    const first = await deskOn()
    const created = await first.handlers['articles.create']({
      headline: 'خبر عن السدود',
      body: paragraphsToDelta(['نص عن الأنهار والسدود في الشمال.']),
    })
    await first.close()
    open.pop()
    const parts = join(dir, 'search', 'segments')
    const texts = (await readdir(parts)).find((name) => name.endsWith('.texts'))!
    const search = async (desk: Desk) =>
      (await desk.handlers['articles.search']({ query: 'الأنهار ' })).map((hit) => hit.snippet)
    // Garbled in place, the size kept: the open cannot tell, the first hit read from it can.
    const bytes = await readFile(join(parts, texts))
    bytes.fill(0x7b, 0, 10)
    await writeFile(join(parts, texts), bytes)
    const warnings: string[] = []
    const second = await deskOn((line) => void warnings.push(line))
    expect(warnings).toEqual([])
    expect(await search(second)).toEqual(['نص عن الأنهار والسدود في الشمال.'])
    expect(warnings.join('\n')).toMatch(/search index was damaged/)
    await second.close()
    open.pop()
    // Cut short: found at open.
    const rebuilt = (await readdir(parts)).find((name) => name.endsWith('.texts'))!
    await truncate(join(parts, rebuilt), 5)
    warnings.length = 0
    const third = await deskOn((line) => void warnings.push(line))
    expect(warnings.join('\n')).toMatch(/search index was damaged/)
    expect(await search(third)).toEqual(['نص عن الأنهار والسدود في الشمال.'])
    expect((await third.handlers['articles.get'](created.id)).headline).toBe('خبر عن السدود')
  })
})
