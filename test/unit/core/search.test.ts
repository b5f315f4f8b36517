import { writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { createDispatch } from '../../../electron/core/dispatch.js'
import { createSearch } from '../../../electron/core/search.js'
import { steppingClock, tempDir } from '../temp-dir.js'

const open: Desk[] = []
afterEach(async () => {
  for (const d of open.splice(0)) await d.close()
})

async function deskWith(articles: { headline: string; text: string[] }[]) {
  const desk = await openDesk({
    dataDir: await tempDir(),
    purpose: 'a test',
    clock: steppingClock(),
  })
  open.push(desk)
  const ids: string[] = []
  for (const { headline, text } of articles) {
    const created = await desk.handlers['articles.create']({
      headline,
      body: paragraphsToDelta(text),
    })
    ids.push(created.id)
  }
  return { desk, ids }
}

describe('searching the library', () => {
  it('finds text and headlines ignoring tashkeel, alef forms, ة/ه and digit systems', async () => {
    const { desk, ids } = await deskWith([
      {
        headline: 'الكاظمي يدعو إلى التنسيق',
        text: ['اجتماع مع القيادات الأمنيّة في بغداد عام ٢٠٢١.'],
      },
      { headline: 'مباراة كرة القدم', text: ['فاز الفريق بهدفين.'] },
    ])
    const search = desk.handlers['articles.search']
    const inText = await search({ query: 'القيادات الامنيه' })
    expect(inText.map((hit) => hit.id)).toEqual([ids[0]])
    expect(inText[0]?.snippet).toBe('اجتماع مع القيادات الأمنيّة في بغداد عام ٢٠٢١.')
    expect((await search({ query: 'عام 2021' })).map((hit) => hit.id)).toEqual([ids[0]])
    const inHeadline = await search({ query: 'كره' })
    expect(inHeadline).toEqual([
      { id: ids[1], headline: 'مباراة كرة القدم', snippet: 'فاز الفريق بهدفين.' },
    ])
    expect(await search({ query: 'السباحة' })).toEqual([])
  })

  it('finds every word in any order, and keeps a quoted phrase together', async () => {
    const { desk, ids } = await deskWith([
      { headline: 'الكاظمي في بغداد', text: ['دعا إلى تنسيق أمني أكبر بين القوات.'] },
      { headline: 'خبر آخر', text: ['أمني: تنسيق مع القوات.'] },
    ])
    const search = desk.handlers['articles.search']
    const found = async (query: string) => (await search({ query })).map((hit) => hit.id)
    expect(await found('القوات الكاظمي')).toEqual([ids[0]])
    expect((await found('تنسيق القوات')).sort()).toEqual([...ids].sort())
    expect(await found('"تنسيق امني"')).toEqual([ids[0]])
    expect(await found('«تنسيق امني» بغداد')).toEqual([ids[0]])
    expect(await found('تنسيق السباحة')).toEqual([])
    const [hit] = await search({ query: 'القوات الكاظمي' })
    expect(hit?.snippet).toBe('دعا إلى تنسيق أمني أكبر بين القوات.')
  })

  it('sees what was saved since the last search, and no longer sees trashed articles', async () => {
    const { desk, ids } = await deskWith([{ headline: 'خبر', text: ['نص أول.'] }])
    const search = desk.handlers['articles.search']
    expect(await search({ query: 'نص ثان' })).toEqual([])
    await desk.handlers['articles.save']({
      id: ids[0]!,
      baseRevision: 1,
      changes: { body: paragraphsToDelta(['نص ثانٍ بعد التعديل.']) },
    })
    expect((await search({ query: 'نص ثان' })).map((hit) => hit.id)).toEqual([ids[0]])
    await desk.handlers['articles.trash'](ids[0]!)
    expect(await search({ query: 'نص ثان' })).toEqual([])
  })

  it('stops at the limit, and reads each article once until it changes', async () => {
    const articles = Array.from({ length: 5 }, (_, n) => ({
      headline: `خبر ${n}`,
      text: [`فقرة عن الانتخابات رقم ${n}.`],
    }))
    const { desk } = await deskWith(articles)
    const reads: string[] = []
    const search = createSearch({
      list: () => desk.context.store.summaries,
      get: (id) => {
        reads.push(id)
        return desk.context.store.read(id)
      },
    })
    expect(await search('الانتخابات', 2)).toHaveLength(2)
    expect(await search('الانتخابات')).toHaveLength(5)
    expect(await search('الانتخابات')).toHaveLength(5)
    expect(reads).toHaveLength(5)
  })

  it('passes over an article that cannot be read or restored, and finds the others', async () => {
    const { desk, ids } = await deskWith([
      { headline: 'خبر سليم', text: ['عن الانتخابات.'] },
      { headline: 'خبر تالف', text: ['عن الانتخابات أيضا.'] },
    ])
    const { layout } = desk.context.store
    await writeFile(layout.article(ids[1]!), '{"id":')
    // Its revisions damaged too: nothing intact to restore it from.
    for (const revision of [1, 2]) await writeFile(layout.revision(ids[1]!, revision), '')
    const passedOver: string[] = []
    const search = createSearch({
      list: () => desk.context.store.summaries,
      get: (id) => desk.context.store.read(id),
      onUnreadable: (id) => passedOver.push(id),
    })
    expect((await search('الانتخابات')).map((hit) => hit.id)).toEqual([ids[0]])
    expect(passedOver).toEqual([ids[1]])
    expect((await desk.handlers['articles.search']({ query: 'الانتخابات' })).length).toBe(1)
  })

  it('refuses an empty query over the wire', async () => {
    const { desk } = await deskWith([])
    const result = await createDispatch(desk.handlers)('articles.search', [{ query: '   ' }])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
