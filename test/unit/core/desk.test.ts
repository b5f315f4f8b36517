import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { openLibraryReader } from '../../../electron/core/library-reader.js'
import { steppingClock, tempDir } from '../temp-dir.js'

const open: Desk[] = []
async function desk(dataDir: string, extra: Partial<Parameters<typeof openDesk>[0]> = {}) {
  const opened = await openDesk({
    dataDir,
    purpose: 'a test',
    clock: steppingClock(),
    systemUser: 'tester',
    ...extra,
  })
  open.push(opened)
  return opened
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.close()
})

describe('the desk', () => {
  it('stores an article and reads it back after reopening', async () => {
    const dir = await tempDir()
    const first = await desk(dir)
    const created = await first.handlers['articles.create']({ headline: 'عنوان عربي' })
    const body = paragraphsToDelta(['الفقرة الأولى', '\u00a0الفقرة الثانية'])
    const saved = await first.handlers['articles.save']({
      id: created.id,
      baseRevision: 1,
      changes: { body, kicker: 'عاجل' },
    })
    expect(saved.revision).toBe(2)
    expect(saved.text).toEqual(['الفقرة الأولى', '\u00a0الفقرة الثانية'])
    await first.close()

    const second = await desk(dir)
    const again = await second.handlers['articles.get'](created.id)
    expect(again).toEqual(saved)
    expect(await second.handlers['articles.list']()).toEqual([
      {
        id: created.id,
        headline: 'عنوان عربي',
        section: 'العراق',
        state: 'draft',
        byline: '',
        slug: 'عنوان-عربي',
        publishedAt: null,
        updatedAt: saved.updatedAt,
        priority: 3,
        scheduledAt: null,
        publishError: null,
      },
    ])
  })

  it('starts a draft with its first revision and transition recorded', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const article = await d.handlers['articles.create']()
    expect(article).toMatchObject({ revision: 1, state: 'draft', visits: 0, comments: 0 })
    expect(article.history).toEqual([
      { from: null, to: 'draft', at: article.createdAt, by: 'tester', note: '' },
    ])
    expect(await readdir(join(dir, 'revisions', article.id))).toEqual(['000001.json'])
  })

  it('refuses a stale save with conflict and keeps the newer text', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const article = await d.handlers['articles.create']({ headline: 'أ' })
    await d.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: { headline: 'ب' },
    })
    await expect(
      d.handlers['articles.save']({ id: article.id, baseRevision: 1, changes: { headline: 'ج' } }),
    ).rejects.toMatchObject({ code: 'conflict' })
    expect((await d.handlers['articles.get'](article.id)).headline).toBe('ب')
  })

  it('lists newest first and keeps one revision for a burst of edits', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const older = await d.handlers['articles.create']({ headline: 'الأقدم' })
    const newer = await d.handlers['articles.create']({ headline: 'الأحدث' })
    expect((await d.handlers['articles.list']()).map((a) => a.id)).toEqual([newer.id, older.id])
    let current: Article = older
    for (let i = 0; i < 5; i++) {
      current = await d.handlers['articles.save']({
        id: older.id,
        baseRevision: current.revision,
        changes: { headline: `نسخة ${i}` },
      })
    }
    expect((await d.handlers['articles.list']())[0]?.id).toBe(older.id)
    // Created (kept), then five edits within a few minutes: only the last of them stays.
    expect(await readdir(join(dir, 'revisions', older.id))).toEqual(['000001.json', '000006.json'])
  })

  it('moves a trashed article out of the library but keeps its file', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const article = await d.handlers['articles.create']({ headline: 'للحذف' })
    await d.handlers['articles.trash'](article.id)
    expect(await d.handlers['articles.list']()).toEqual([])
    await expect(d.handlers['articles.get'](article.id)).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(
      JSON.parse(await readFile(join(dir, 'trash', `${article.id}.json`), 'utf8')).headline,
    ).toBe('للحذف')
  })

  it('keeps settings, with defaults for what was never set', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    expect((await d.handlers['settings.get']()).timeZone).toBe('Asia/Baghdad')
    await d.handlers['settings.update']({ language: 'en', editorName: 'سارة' })
    await d.close()
    const again = await desk(dir)
    expect(await again.handlers['settings.get']()).toMatchObject({
      language: 'en',
      editorName: 'سارة',
      sections: expect.arrayContaining(['رياضة']),
    })
    const article = await again.handlers['articles.create']()
    expect(article.history[0]?.by).toBe('سارة')
  })

  it('ignores undefined fields instead of erasing what is stored', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const article = await d.handlers['articles.create']({ headline: 'باقٍ' })
    const saved = await d.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: { headline: undefined, kicker: 'جديد' },
    })
    expect(saved.headline).toBe('باقٍ')
  })

  it('rebuilds a corrupt index from the article files, keeps its bytes and says so', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const article = await d.handlers['articles.create']({ headline: 'محفوظ' })
    await d.close()
    await writeFile(join(dir, 'library.json'), '{not json')
    const again = await desk(dir)
    expect((await again.handlers['articles.list']()).map((a) => a.id)).toEqual([article.id])
    const notices = await again.handlers['library.notices']()
    const damaged = notices.find((notice) => notice.kind === 'index-damaged')
    expect(damaged).toMatchObject({ reason: expect.stringMatching(/not valid JSON/) })
    const kept = (damaged as { quarantined: string }).quarantined
    expect(await readFile(kept, 'utf8')).toBe('{not json')
  })

  it('restores an article damaged while the desk is open from its newest revision', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const article = await d.handlers['articles.create']({ headline: 'سيتلف' })
    await writeFile(join(dir, 'articles', `${article.id}.json`), '{"id":')
    expect(await d.handlers['articles.get'](article.id)).toEqual(article)
    const notices = await d.handlers['library.notices']()
    const restored = notices.find((notice) => notice.kind === 'article-restored')
    expect(restored).toMatchObject({ id: article.id, revision: 1 })
    const kept = (restored as { quarantined: string }).quarantined
    expect(await readFile(kept, 'utf8')).toBe('{"id":')
  })

  it('lets a reader list and show while the desk holds the lock', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const article = await d.handlers['articles.create']({ headline: 'يقرأ بلا قفل' })
    const reader = openLibraryReader(dir)
    expect((await reader.list()).map((a) => a.headline)).toEqual(['يقرأ بلا قفل'])
    expect((await reader.get(article.id)).id).toBe(article.id)
  })

  it('gives each article a unique slug that follows its headline until the editor sets one', async () => {
    const d = await desk(await tempDir())
    const first = await d.handlers['articles.create']({ headline: 'قمة بغداد' })
    const second = await d.handlers['articles.create']({ headline: 'قمة بغداد' })
    expect([first.slug, second.slug]).toEqual(['قمة-بغداد', 'قمة-بغداد-2'])
    const renamed = await d.handlers['articles.save']({
      id: second.id,
      baseRevision: 1,
      changes: { headline: 'قمة بغداد الثانية' },
    })
    expect(renamed.slug).toBe('قمة-بغداد-الثانية')
    const chosen = await d.handlers['articles.save']({
      id: second.id,
      baseRevision: 2,
      changes: { slug: 'قمة بغداد!' },
    })
    expect(chosen.slug).toBe('قمة-بغداد-2')
    const kept = await d.handlers['articles.save']({
      id: second.id,
      baseRevision: 3,
      changes: { headline: 'عنوان آخر' },
    })
    expect(kept.slug).toBe('قمة-بغداد-2')
  })
})

describe('settings that cannot be written', () => {
  it('are not in force either', async () => {
    const dir = await tempDir()
    const opened = await openDesk({ dataDir: dir, purpose: 'a test' })
    try {
      // settings.json's place is taken by a folder: the atomic rename onto it fails.
      await rm(join(dir, 'settings.json'))
      await mkdir(join(dir, 'settings.json'))
      await writeFile(join(dir, 'settings.json', 'keep'), '')
      await expect(opened.handlers['settings.update']({ language: 'en' })).rejects.toMatchObject({
        code: 'io',
      })
      expect((await opened.handlers['settings.get']()).language).toBe('ar')
    } finally {
      await opened.close()
    }
  })
})
