import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { createDispatch } from '../../../electron/core/dispatch.js'
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
      expect.objectContaining({
        id: ids[1],
        headline: 'مباراة كرة القدم',
        snippet: 'فاز الفريق بهدفين.',
      }),
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

  it('ranks a headline match above a body match, then by how early the words stand', async () => {
    const { desk, ids } = await deskWith([
      { headline: 'خبر عن الطقس', text: ['وفي آخر الفقرة ذكر للموازنة العامة.'] },
      { headline: 'الموازنة العامة أمام البرلمان', text: ['نقاش طويل.'] },
      { headline: 'خبر ثالث', text: ['الموازنة في أول الفقرة.'] },
    ])
    const hits = await desk.handlers['articles.search']({ query: 'والموازنة ' })
    expect(hits.map((hit) => hit.id)).toEqual([ids[1], ids[2], ids[0]])
    const newest = await desk.handlers['articles.search']({ query: 'الموازنة ', sort: 'newest' })
    expect(newest.map((hit) => hit.id)).toEqual([ids[2], ids[1], ids[0]])
  })

  it('matches the last word as a beginning while it is typed, and pages', async () => {
    const { desk, ids } = await deskWith(
      Array.from({ length: 5 }, (_, n) => ({
        headline: `خبر ${n}`,
        text: [`فقرة عن الانتخابات البرلمانية رقم ${n}.`],
      })),
    )
    const search = desk.handlers['articles.search']
    expect(await search({ query: 'البرلما' })).toHaveLength(5)
    expect(await search({ query: 'البرلما ' })).toEqual([])
    const first = await search({ query: 'الانتخابات', limit: 2 })
    const second = await search({ query: 'الانتخابات', limit: 2, offset: 2 })
    const third = await search({ query: 'الانتخابات', limit: 2, offset: 4 })
    const paged = [...first, ...second, ...third].map((hit) => hit.id)
    expect(paged.sort()).toEqual([...ids].sort())
  })

  it('completes a beginning still carrying its article («الب»), the commonest words first', async () => {
    const { desk, ids } = await deskWith([
      { headline: 'خبر أول', text: ['جلسة البرلمان اليوم.'] },
      { headline: 'خبر ثان', text: ['البرلمان يجتمع.'] },
      { headline: 'خبر ثالث', text: ['في البصرة مطر.'] },
    ])
    const search = desk.handlers['articles.search']
    const found = async (query: string) => (await search({ query })).map((h) => h.id).sort()
    expect(await found('الب')).toEqual([...ids].sort())
    expect(await found('البر')).toEqual([ids[0], ids[1]].sort())
    expect(await found('البص')).toEqual([ids[2]])
    expect(await found('وال')).toEqual([])
  })

  it('shows a hit from the index while its file is damaged behind its back, and after the desk brings it back', async () => {
    const dataDir = await tempDir()
    const desk = await openDesk({ dataDir, purpose: 'a test', clock: steppingClock() })
    open.push(desk)
    const ids: string[] = []
    for (const headline of ['خبر أول عن السدود', 'خبر ثان عن السدود']) {
      ids.push(
        (await desk.handlers['articles.create']({ headline, body: paragraphsToDelta(['نص.']) })).id,
      )
    }
    await writeFile(desk.context.store.layout.article(ids[0]!), '{"id": "torn')
    // The library still lists it, so its search does too, from the index's copy of its text.
    const hits = await desk.handlers['articles.search']({ query: 'السدود' })
    expect(hits.map((hit) => hit.headline).sort()).toEqual([
      'خبر أول عن السدود',
      'خبر ثان عن السدود',
    ])
    await desk.close()
    open.pop()
    // The next open finds the damage and brings the article back from its last revision.
    const again = await openDesk({ dataDir, purpose: 'a test', clock: steppingClock() })
    open.push(again)
    const after = await again.handlers['articles.search']({ query: 'السدود' })
    expect(after.map((hit) => hit.id).sort()).toEqual([...ids].sort())
    expect((await again.handlers['articles.get'](ids[0]!)).headline).toBe('خبر أول عن السدود')
  })

  it('narrows by section, state, tag, byline and days', async () => {
    const { desk, ids } = await deskWith([
      { headline: 'خبر رياضي عن الملعب', text: ['نص.'] },
      { headline: 'خبر سياسي عن الملعب', text: ['نص.'] },
    ])
    await desk.handlers['articles.save']({
      id: ids[0]!,
      baseRevision: 1,
      changes: { section: 'رياضة', tags: ['كرة القدم'], byline: 'سارة علي' },
    })
    const found = async (filter: object) =>
      (await desk.handlers['articles.search']({ query: 'الملعب', filter })).map((h) => h.id)
    expect(await found({ section: 'رياضة' })).toEqual([ids[0]])
    expect(await found({ tag: 'كرة القدم' })).toEqual([ids[0]])
    expect(await found({ byline: 'ساره' })).toEqual([ids[0]])
    expect(await found({ state: 'in_review' })).toEqual([])
    expect((await found({ from: '2026-06-17', to: '2026-06-17' })).length).toBe(2)
    expect(await found({ to: '2026-06-16' })).toEqual([])
  })

  it('keeps its index on disk, brings it up to date at open, and rebuilds it when lost', async () => {
    const dir = await tempDir()
    const first = await openDesk({ dataDir: dir, purpose: 'a test', clock: steppingClock() })
    const article = await first.handlers['articles.create']({
      headline: 'خبر محفوظ',
      body: paragraphsToDelta(['نص عن المطار.']),
    })
    await first.close()
    const [read, write] = [readFile, writeFile]
    const layout = first.context.store.layout
    const current = JSON.parse(await read(join(layout.searchIndex, 'current.json'), 'utf8'))
    const manifest = join(layout.searchIndex, `g${current.generation}`, 'manifest.json')
    expect(JSON.parse(await read(manifest, 'utf8')).docs).toHaveLength(1)
    // The postings are in parts of their own, named by the manifest, each with its terms file.
    const parts = JSON.parse(await read(manifest, 'utf8')).parts as string[]
    expect(parts.length).toBe(1)
    const terms = JSON.parse(
      await read(join(layout.searchIndex, 'segments', `${parts[0]}.terms`), 'utf8'),
    )
    expect(terms.terms).toContain('مطار')
    // Changed behind the index's back (an older desk, another program): found at the next open.
    const stored = JSON.parse(await read(layout.article(article.id), 'utf8'))
    stored.text = ['نص عن الميناء.']
    stored.updatedAt = '2026-06-18T00:00:00.000Z'
    await write(layout.article(article.id), JSON.stringify(stored))
    const second = await openDesk({ dataDir: dir, purpose: 'a test' })
    open.push(second)
    expect((await second.handlers['articles.search']({ query: 'الميناء' })).length).toBe(1)
    expect(await second.handlers['articles.search']({ query: 'المطار' })).toEqual([])
    await second.close()
    open.pop()
    const now = JSON.parse(await read(join(layout.searchIndex, 'current.json'), 'utf8'))
    const damaged = join(layout.searchIndex, `g${now.generation}`, 'manifest.json')
    await write(damaged, '{"version":3,"docs":')
    const warnings: string[] = []
    const openWarning = async () => {
      const desk = await openDesk({
        dataDir: dir,
        purpose: 'a test',
        warn: (line) => void warnings.push(line),
      })
      open.push(desk)
      return desk
    }
    const third = await openWarning()
    expect((await third.handlers['articles.search']({ query: 'الميناء' })).length).toBe(1)
    expect(warnings.join('\n')).toMatch(/search index was damaged/)
    await third.close()
    open.pop()
    // An index an older Midad wrote is outdated, not damaged: built again, nothing quarantined.
    const latest = JSON.parse(await read(join(layout.searchIndex, 'current.json'), 'utf8'))
    await write(
      join(layout.searchIndex, `g${latest.generation}`, 'manifest.json'),
      JSON.stringify({ version: 3, docs: [], vocabulary: ['x'] }),
    )
    warnings.length = 0
    const fourth = await openWarning()
    expect((await fourth.handlers['articles.search']({ query: 'الميناء' })).length).toBe(1)
    expect(warnings.join('\n')).not.toMatch(/damaged/)
  })

  it('refuses an empty query over the wire', async () => {
    const { desk } = await deskWith([])
    const result = await createDispatch(desk.handlers)('articles.search', [{ query: '   ' }])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
