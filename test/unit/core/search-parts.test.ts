import { readdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import {
  DamagedPostings,
  PostingsWriter,
  decodePostings,
  encodePostings,
  weightOf,
} from '../../../electron/core/search/postings.js'
import { steppingClock, tempDir } from '../temp-dir.js'

const open: Desk[] = []
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close()
})

describe('postings', () => {
  it('round-trips numbers with small and large gaps, and their weights', () => {
    const numbers = [1, 2, 130, 16_500, 2_100_000, 2_100_001, 4_000_000_000]
    const writer = new PostingsWriter()
    numbers.forEach((number, n) => writer.add(number, n * 30))
    const decoded = decodePostings(writer.bytes.subarray(0, writer.length), writer.count)
    expect([...decoded.numbers]).toEqual(numbers)
    expect([...decoded.weights]).toEqual(numbers.map((_, n) => n * 30))
    // A gap under 128 is one byte, plus the weight.
    const small = new PostingsWriter()
    small.add(5, 0)
    small.add(6, 0)
    expect(small.length).toBe(4)
  })

  it('refuses a list that is cut short, too long, or out of order', () => {
    const writer = new PostingsWriter()
    for (const number of [3, 300, 70_000]) writer.add(number, 1)
    const bytes = writer.bytes.subarray(0, writer.length)
    expect(() => decodePostings(bytes.subarray(0, bytes.length - 1), 3)).toThrow(DamagedPostings)
    expect(() => decodePostings(bytes, 2)).toThrow(DamagedPostings)
    expect(() => decodePostings(new Uint8Array([5, 1, 0, 1]), 2)).toThrow(DamagedPostings)
    expect(() => decodePostings(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), 1)).toThrow(
      DamagedPostings,
    )
    expect(() => writer.add(70_000, 1)).toThrow(/order/)
  })

  it('drops the articles a merge does not keep', () => {
    const writer = new PostingsWriter()
    for (const number of [1, 2, 3, 4]) writer.add(number, number)
    const kept = encodePostings(
      decodePostings(writer.bytes.subarray(0, writer.length), 4),
      (number) => number % 2 === 0,
    )
    expect([...decodePostings(kept.bytes.subarray(0, kept.length), kept.count).numbers]).toEqual([
      2, 4,
    ])
  })

  it('weighs a headline term below any body term, and early below late', () => {
    expect(weightOf(true, 200)).toBeLessThan(weightOf(false, 0))
    expect(weightOf(false, 3)).toBeLessThan(weightOf(false, 40))
    expect(weightOf(false, 70)).toBeLessThan(weightOf(false, 5_000))
    expect(weightOf(false, 5_000)).toBe(255)
  })
})

/** A desk whose index is written a part per flush, with a word only each article has. */
async function deskOn(dataDir: string, warn?: (line: string) => void) {
  const desk = await openDesk({ dataDir, purpose: 'a test', clock: steppingClock(), warn })
  open.push(desk)
  return desk
}
const unique = (n: number) => `فريد${'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[n % 28]}${n}`

async function found(desk: Desk, word: string) {
  return (await desk.handlers['articles.search']({ query: `${word} ` })).map((hit) => hit.id)
}

describe('the index in parts', () => {
  it('agrees with the articles through saves, trash and merges, and across opens', async () => {
    const dir = await tempDir()
    const desk = await deskOn(dir)
    const ids: string[] = []
    // Four flushes: four parts written, merged as they pile up.
    for (let round = 0; round < 4; round++) {
      for (let n = round * 5; n < round * 5 + 5; n++) {
        const article = await desk.handlers['articles.create']({
          headline: `خبر مشترك ${unique(n)}`,
          body: paragraphsToDelta([`نص عن الموازنة ${n}.`]),
        })
        ids.push(article.id)
      }
      // Every article of an earlier round changed once more: its old postings are dead.
      if (round > 0) {
        const id = ids[(round - 1) * 5]!
        const current = await desk.handlers['articles.get'](id)
        await desk.handlers['articles.save']({
          id,
          baseRevision: current.revision,
          changes: { body: paragraphsToDelta([`نص معدل ${round}.`]) },
        })
      }
      await desk.context.search.flush()
    }
    await desk.handlers['articles.trash'](ids[7]!)
    const check = async (on: Desk) => {
      for (const [n, id] of ids.entries()) {
        expect(await found(on, unique(n))).toEqual(n === 7 ? [] : [id])
      }
      expect((await found(on, 'مشترك')).length).toBe(ids.length - 1)
      // The changed articles are found by their new words, not their old ones.
      expect(await found(on, 'معدل')).toHaveLength(3)
      expect((await found(on, 'الموازنة')).length).toBe(ids.length - 4)
    }
    await check(desk)
    await desk.close()
    open.pop()
    const folder = join(dir, 'search')
    const current = JSON.parse(await readFile(join(folder, 'current.json'), 'utf8'))
    const manifest = JSON.parse(
      await readFile(join(folder, `g${current.generation}`, 'manifest.json'), 'utf8'),
    )
    // Merged as they piled up: fewer parts than flushes, and nothing on disk no manifest names.
    expect(manifest.parts.length).toBeLessThan(4)
    const files = await readdir(join(folder, 'segments'))
    expect(files.sort()).toEqual(
      manifest.parts
        .flatMap((part: string) => [`${part}.postings`, `${part}.terms`, `${part}.texts`])
        .sort(),
    )
    await check(await deskOn(dir))
  })

  it('is rebuilt from the articles when a part is damaged, at open or during a search', async () => {
    const dir = await tempDir()
    const first = await deskOn(dir)
    const ids: string[] = []
    for (let n = 0; n < 3; n++) {
      const article = await first.handlers['articles.create']({
        headline: `خبر ${unique(n)}`,
        body: paragraphsToDelta(['نص.']),
      })
      ids.push(article.id)
    }
    await first.close()
    open.pop()
    const parts = join(dir, 'search', 'segments')
    const postings = (await readdir(parts)).find((name) => name.endsWith('.postings'))!
    // Cut short: the size no longer matches its terms, found at open.
    await truncate(join(parts, postings), 3)
    const warnings: string[] = []
    const second = await deskOn(dir, (line) => void warnings.push(line))
    expect(warnings.join('\n')).toMatch(/search index was damaged/)
    for (const [n, id] of ids.entries()) expect(await found(second, unique(n))).toEqual([id])
    const quarantined = await readdir(join(dir, 'quarantine'))
    expect(quarantined.some((name) => name.includes('search'))).toBe(true)
    await second.close()
    open.pop()
    // Zeroed in place, the size kept: the open cannot tell, the first search that reads it can.
    const rebuilt = (await readdir(parts)).find((name) => name.endsWith('.postings'))!
    const size = (await readFile(join(parts, rebuilt))).length
    await writeFile(join(parts, rebuilt), new Uint8Array(size))
    warnings.length = 0
    const third = await deskOn(dir, (line) => void warnings.push(line))
    expect(warnings).toEqual([])
    expect(await found(third, unique(1))).toEqual([ids[1]])
    expect(warnings.join('\n')).toMatch(/search index was damaged/)
    for (const [n, id] of ids.entries()) expect(await found(third, unique(n))).toEqual([id])
  })
})
