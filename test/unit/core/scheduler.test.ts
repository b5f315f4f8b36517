import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { closedAtTheTime, createScheduler } from '../../../electron/core/scheduler.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { tempDir } from '../temp-dir.js'

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

/** A desk whose clock the test sets. */
async function deskAt(dir: string, start: string) {
  let now = new Date(start)
  const desk = await openDesk({
    dataDir: dir,
    purpose: 'a test',
    clock: () => now,
    systemUser: 'tester',
  })
  opened.push(desk)
  return { desk, setNow: (iso: string) => (now = new Date(iso)) }
}

async function scheduledArticle(desk: Desk, at: string, folder: string) {
  await desk.handlers['settings.update']({ exportFolder: folder, exportFormats: ['text', 'html'] })
  const article = await desk.handlers['articles.create']({
    headline: 'خبر مجدول',
    body: paragraphsToDelta(['نص الخبر']),
  })
  await desk.handlers['queue.move']({ id: article.id, to: 'in_review' })
  await desk.handlers['queue.move']({ id: article.id, to: 'ready' })
  await desk.handlers['queue.move']({ id: article.id, to: 'scheduled', at })
  return article.id
}

describe('the scheduler', () => {
  it('keeps one publish time: the schedule’s, then the moment it goes out, the first one after', async () => {
    const dir = await tempDir()
    const { desk, setNow } = await deskAt(dir, '2026-12-01T09:00:00Z')
    await desk.handlers['settings.update']({
      exportFolder: join(dir, 'out'),
      exportFormats: ['text'],
    })
    // A future date typed in the metadata is not what the page says once it is published.
    const article = await desk.handlers['articles.create']({
      headline: 'خبر بموعد',
      body: paragraphsToDelta(['نص']),
      publishedAt: '2026-12-24T19:26:00.000Z',
    })
    await desk.handlers['queue.move']({ id: article.id, to: 'in_review' })
    await desk.handlers['queue.move']({ id: article.id, to: 'ready' })
    const scheduled = await desk.handlers['queue.move']({
      id: article.id,
      to: 'scheduled',
      at: '2026-12-01T19:26:00Z',
    })
    expect(scheduled.publishedAt).toBe('2026-12-01T19:26:00.000Z')
    setNow('2026-12-01T19:26:03Z')
    await createScheduler(desk.context, new Date('2026-12-01T09:00:00Z')).tick()
    const published = await desk.handlers['articles.get'](article.id)
    expect(published).toMatchObject({ state: 'exported', publishedAt: '2026-12-01T19:26:03.000Z' })
    expect(await readFile(join(dir, 'out', `${published.slug}.txt`), 'utf8')).toContain(
      '1 كانون الأول 2026',
    )
    // Corrected and published again, it keeps the time it first went out.
    await desk.handlers['queue.move']({ id: article.id, to: 'corrected', note: 'تصحيح الاسم' })
    setNow('2026-12-02T08:00:00Z')
    const again = await desk.handlers['queue.move']({ id: article.id, to: 'exported' })
    expect(again.publishedAt).toBe('2026-12-01T19:26:03.000Z')
  })

  it('publishes a due article once, and a second tick changes nothing', async () => {
    const dir = await tempDir()
    const out = join(dir, 'out')
    const { desk, setNow } = await deskAt(dir, '2026-12-01T06:00:00Z')
    const id = await scheduledArticle(desk, '2026-12-01T06:05:00Z', out)
    const scheduler = createScheduler(desk.context, new Date('2026-12-01T06:00:00Z'))
    expect(await scheduler.tick()).toEqual({ published: [], missed: [] })
    setNow('2026-12-01T06:05:00Z')
    expect(await scheduler.tick()).toEqual({ published: [id], missed: [] })
    const article = await desk.handlers['articles.get'](id)
    expect(article.state).toBe('exported')
    expect(article.history.at(-1)).toMatchObject({
      from: 'scheduled',
      to: 'exported',
      by: 'scheduler',
    })
    expect((await readdir(out)).sort()).toEqual([
      '.midad-export.json',
      'خبر-مجدول.html',
      'خبر-مجدول.txt',
    ])
    expect(await scheduler.tick()).toEqual({ published: [], missed: [] })
  })

  it('marks a time that passed while the desk was closed as missed, and never drops it', async () => {
    const dir = await tempDir()
    const first = await deskAt(dir, '2026-12-01T06:00:00Z')
    const id = await scheduledArticle(first.desk, '2026-12-01T06:05:00Z', join(dir, 'out'))
    await first.desk.close()
    opened.splice(0)
    const second = await deskAt(dir, '2026-12-01T08:00:00Z')
    const report = await createScheduler(second.desk.context).tick()
    expect(report).toEqual({ published: [], missed: [{ id, reason: closedAtTheTime }] })
    const cards = await second.desk.handlers['queue.list']()
    expect(cards).toEqual([
      expect.objectContaining({
        id,
        state: 'scheduled',
        missedSchedule: true,
        publishError: closedAtTheTime,
      }),
    ])
    // Retry is one action: publish now.
    await second.desk.handlers['queue.move']({ id, to: 'exported' })
    expect((await second.desk.handlers['articles.get'](id)).state).toBe('exported')
  })

  it('marks a failed export as missed, and publishes on retry, idempotently', async () => {
    const dir = await tempDir()
    const out = join(dir, 'out')
    const { desk, setNow } = await deskAt(dir, '2026-12-01T06:00:00Z')
    const id = await scheduledArticle(desk, '2026-12-01T06:05:00Z', out)
    // The export folder's path is taken by a file: every export there fails, even as root.
    await writeFile(out, 'not a folder')
    setNow('2026-12-01T06:06:00Z')
    const report = await createScheduler(desk.context, new Date('2026-12-01T06:00:00Z')).tick()
    expect(report.missed).toEqual([{ id, reason: expect.stringContaining('publishing failed') }])
    expect(await desk.handlers['articles.get'](id)).toMatchObject({
      state: 'scheduled',
      publishError: expect.stringContaining('publishing failed'),
    })
    expect(await desk.handlers['queue.list']()).toEqual([
      expect.objectContaining({ id, missedSchedule: true }),
    ])

    await rm(out)
    await desk.handlers['queue.move']({ id, to: 'exported' })
    const published = await desk.handlers['articles.get'](id)
    expect(published).toMatchObject({ state: 'exported', publishError: null })
    const first = await readFile(join(out, 'خبر-مجدول.txt'))
    // Publishing the same revision again gives the same files, never a second copy.
    await desk.handlers['export.articles']({ ids: [id], formats: ['text', 'html'], folder: out })
    expect((await readdir(out)).sort()).toEqual([
      '.midad-export.json',
      'خبر-مجدول.html',
      'خبر-مجدول.txt',
    ])
    expect((await readFile(join(out, 'خبر-مجدول.txt'))).equals(first)).toBe(true)
  })

  it('refuses a move with every reason, and records each transition', async () => {
    const { desk } = await deskAt(await tempDir(), '2026-12-01T06:00:00Z')
    const article = await desk.handlers['articles.create']({ headline: '' })
    await desk.handlers['queue.move']({ id: article.id, to: 'in_review' })
    await expect(
      desk.handlers['queue.move']({ id: article.id, to: 'ready' }),
    ).rejects.toMatchObject({
      code: 'refused',
      reasons: ['headline is required', 'the article has no text'],
    })
    await expect(
      desk.handlers['queue.move']({ id: article.id, to: 'draft' }),
    ).rejects.toMatchObject({
      code: 'refused',
      reasons: [expect.stringContaining('needs a note')],
    })
    const returned = await desk.handlers['queue.move']({
      id: article.id,
      to: 'draft',
      note: 'أكمل العنوان',
    })
    expect(returned.history.map((t) => `${t.from}→${t.to}:${t.note}:${t.by}`)).toEqual([
      'null→draft::tester',
      'draft→in_review::tester',
      'in_review→draft:أكمل العنوان:tester',
    ])
  })
})
