import { afterEach, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { steppingClock, tempDir } from '../temp-dir.js'

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

describe('articles.page', () => {
  it('pages the library newest first, with the total, and filters and sorts', async () => {
    const desk = await openDesk({
      dataDir: await tempDir(),
      purpose: 'a test',
      clock: steppingClock(),
    })
    opened.push(desk)
    const ids: string[] = []
    for (let n = 0; n < 7; n++) {
      const article = await desk.handlers['articles.create']({
        headline: `خبر ${String.fromCharCode(0x0627 + n)}`,
        section: n % 2 ? 'رياضة' : 'سياسة',
        tags: n === 3 ? ['الدوري'] : [],
        byline: n === 5 ? 'سارة' : '',
        priority: 1 + (n % 3),
      })
      ids.push(article.id)
    }
    const page = desk.handlers['articles.page']
    const first = await page({ offset: 0, limit: 3 })
    expect(first.total).toBe(7)
    expect(first.rows.map((row) => row.id)).toEqual([ids[6], ids[5], ids[4]])
    const last = await page({ offset: 6, limit: 3 })
    expect(last.rows.map((row) => row.id)).toEqual([ids[0]])
    const sports = await page({ offset: 0, limit: 10, filter: { section: 'رياضة' } })
    expect(sports.total).toBe(3)
    expect((await page({ offset: 0, limit: 10, filter: { tag: 'الدوري' } })).rows[0]?.id).toBe(
      ids[3],
    )
    expect((await page({ offset: 0, limit: 10, filter: { byline: 'ساره' } })).rows[0]?.id).toBe(
      ids[5],
    )
    expect(
      (await page({ offset: 0, limit: 10, filter: { headline: 'ث' } })).rows.map((r) => r.id),
    ).toEqual([ids[4]])
    const oldest = await page({ offset: 0, limit: 2, sort: 'oldest' })
    expect(oldest.rows.map((row) => row.id)).toEqual([ids[0], ids[1]])
    const byPriority = await page({ offset: 0, limit: 7, sort: 'priority' })
    expect(byPriority.rows.map((row) => row.priority)).toEqual([1, 1, 1, 2, 2, 3, 3])
    await desk.handlers['articles.trash'](ids[6]!)
    expect((await page({ offset: 0, limit: 1 })).total).toBe(6)
    // A saved article moves to the top, the others keep their order, kept so across saves.
    for (const id of [ids[2]!, ids[0]!]) {
      const current = await desk.handlers['articles.get'](id)
      await desk.handlers['articles.save']({ id, baseRevision: current.revision, changes: {} })
    }
    const now = await page({ offset: 0, limit: 10 })
    expect(now.rows.map((row) => row.id)).toEqual([ids[0], ids[2], ids[5], ids[4], ids[3], ids[1]])
    expect((await desk.handlers['articles.list']()).map((row) => row.id)).toEqual(
      now.rows.map((row) => row.id),
    )
  })
})
