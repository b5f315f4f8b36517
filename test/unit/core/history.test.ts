import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { wordDiff } from '../../../shared/revisions.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { tempDir } from '../temp-dir.js'

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

/** A clock the test moves by hand, from a time on a five-minute boundary. */
function handClock(start = '2026-12-01T09:00:00Z') {
  let now = Date.parse(start)
  const clock = () => new Date(now)
  return Object.assign(clock, { advance: (ms: number) => (now += ms) })
}

async function deskAt(dataDir: string, clock: () => Date) {
  const desk = await openDesk({ dataDir, purpose: 'a test', clock, systemUser: 'سارة' })
  opened.push(desk)
  return desk
}

const kept = async (dir: string, id: string) =>
  (await readdir(join(dir, 'revisions', id))).map((name) => Number(name.slice(0, 6)))

describe('revisions worth keeping', () => {
  it('keeps one revision a burst of edits, and always one at a state change', async () => {
    const dir = await tempDir()
    const clock = handClock()
    const desk = await deskAt(dir, clock)
    let article: Article = await desk.handlers['articles.create']({ headline: 'خبر' })
    const save = async (text: string) => {
      clock.advance(10_000)
      article = await desk.handlers['articles.save']({
        id: article.id,
        baseRevision: article.revision,
        changes: { body: paragraphsToDelta([text]) },
      })
    }
    // Twenty autosaves ten seconds apart: one burst, one revision (the latest), beside the first.
    for (let i = 0; i < 20; i++) await save(`فقرة ${i}`)
    expect(await kept(dir, article.id)).toEqual([1, 21])
    // A move is kept whatever its neighbours.
    article = await desk.handlers['queue.move']({ id: article.id, to: 'in_review' })
    await save('بعد النقل')
    expect(await kept(dir, article.id)).toEqual([1, 21, 22, 23])
    // Minutes later, a new burst: the last edit of the one before stays.
    clock.advance(6 * 60_000)
    await save('جلسة ثانية')
    await save('جلسة ثانية، تتمة')
    expect(await kept(dir, article.id)).toEqual([1, 21, 22, 23, 25])

    const history = await desk.handlers['revisions.history'](article.id)
    expect(history.map((h) => [h.revision, h.event, h.state])).toEqual([
      [25, 'edited', 'in_review'],
      [23, 'edited', 'in_review'],
      [22, 'moved', 'in_review'],
      [21, 'edited', 'draft'],
      [1, 'created', 'draft'],
    ])
    expect(history[0]).toMatchObject({ by: 'سارة', words: 3, at: clock().toISOString() })
  })

  it('restores an old revision as a new one, equal to it, and the diff then shows no change', async () => {
    const dir = await tempDir()
    const clock = handClock()
    const desk = await deskAt(dir, clock)
    const first = await desk.handlers['articles.create']({
      headline: 'قال مُحَمَّد',
      body: paragraphsToDelta(['إن "OPEC+" رفعت الإنتاج']),
    })
    clock.advance(10 * 60_000)
    const second = await desk.handlers['articles.save']({
      id: first.id,
      baseRevision: 1,
      changes: { headline: 'قال محمد', body: paragraphsToDelta(['إن "OPEC+" خفضت الإنتاج']) },
    })
    expect(await desk.handlers['revisions.diff']({ id: first.id, from: 1, to: 2 })).toEqual([
      { op: 'equal', text: 'قال ' },
      { op: 'delete', text: 'مُحَمَّد' },
      { op: 'insert', text: 'محمد' },
      { op: 'equal', text: '\nإن "OPEC+" ' },
      { op: 'delete', text: 'رفعت' },
      { op: 'insert', text: 'خفضت' },
      { op: 'equal', text: ' الإنتاج' },
    ])
    const restored = await desk.handlers['revisions.restore']({ id: first.id, revision: 1 })
    expect(restored).toMatchObject({ revision: 3, event: 'restored', headline: 'قال مُحَمَّد' })
    expect(restored.body).toEqual(first.body)
    const diff = await desk.handlers['revisions.diff']({ id: first.id, from: 1, to: 3 })
    expect(diff.every((part) => part.op === 'equal')).toBe(true)
    // Nothing was rewritten: the revision restored from is still there, and the one it replaced.
    expect(await kept(dir, first.id)).toEqual([1, 2, 3])
    expect(second.revision).toBe(2)
    await expect(
      desk.handlers['revisions.diff']({ id: first.id, from: 9, to: 3 }),
    ).rejects.toMatchObject({ code: 'not-found' })
  })

  it('diffs words whole, diacritics and signs with them', () => {
    expect(
      wordDiff(
        { headline: 'الكاظمي:', text: ['(CNN) قالت'] },
        { headline: 'الكاظمي؛', text: ['(CNN) قالت'] },
      ),
    ).toEqual([
      { op: 'delete', text: 'الكاظمي:' },
      { op: 'insert', text: 'الكاظمي؛' },
      { op: 'equal', text: '\n(CNN) قالت' },
    ])
  })
})

describe('the trash', () => {
  it('lists, restores and purges trashed articles, and purges old ones by itself', async () => {
    const dir = await tempDir()
    const clock = handClock()
    const desk = await deskAt(dir, clock)
    const kept = await desk.handlers['articles.create']({ headline: 'يعود' })
    const gone = await desk.handlers['articles.create']({ headline: 'يذهب' })
    await desk.handlers['articles.trash'](kept.id)
    clock.advance(60_000)
    await desk.handlers['articles.trash'](gone.id)
    expect((await desk.handlers['trash.list']()).map((t) => t.headline)).toEqual(['يذهب', 'يعود'])

    expect((await desk.handlers['trash.restore'](kept.id)).headline).toBe('يعود')
    expect((await desk.handlers['articles.list']()).map((a) => a.id)).toEqual([kept.id])
    await expect(desk.handlers['trash.restore'](kept.id)).rejects.toMatchObject({
      code: 'conflict',
    })
    await expect(desk.handlers['trash.purge']({ ids: [kept.id] })).rejects.toMatchObject({
      code: 'not-found',
    })
    // Trashed, an article keeps its revisions until purged.
    expect(existsSync(join(dir, 'revisions', gone.id))).toBe(true)
    await desk.handlers['articles.trash'](kept.id)
    await desk.close()
    opened.splice(0)

    // Thirty-one days later, at the next open, the trash is emptied of what is older than 30.
    clock.advance(31 * 86_400_000)
    const later = await deskAt(dir, clock)
    expect(await later.handlers['trash.list']()).toEqual([])
    for (const id of [kept.id, gone.id]) {
      expect(existsSync(join(dir, 'trash', `${id}.json`))).toBe(false)
      expect(existsSync(join(dir, 'revisions', id))).toBe(false)
    }
  })
})

describe('backups', () => {
  it('are made on quit when anything changed, daily while a host runs, and kept to the setting', async () => {
    const { dailyBackup } = await import('../../../electron/core/history-handlers.js')
    const dir = await tempDir()
    const clock = handClock()
    const open = async () => {
      const desk = await openDesk({ dataDir: dir, purpose: 'a test', clock, backupOnClose: true })
      opened.push(desk)
      return desk
    }
    let desk = await open()
    await desk.handlers['settings.update']({ backupsKept: 2 })
    await desk.handlers['articles.create']({ headline: 'خبر' })
    await desk.close()
    opened.splice(0)
    desk = await open()
    expect(await desk.handlers['backups.list']()).toHaveLength(1)
    // Nothing changed: no backup on this quit.
    clock.advance(60_000)
    await desk.close()
    opened.splice(0)
    desk = await open()
    expect(await desk.handlers['backups.list']()).toHaveLength(1)
    // Daily: not again within the day, again a day later; the oldest go past the setting.
    await dailyBackup(desk.context)
    expect(await desk.handlers['backups.list']()).toHaveLength(1)
    for (let day = 1; day <= 3; day++) {
      clock.advance(25 * 3_600_000)
      await dailyBackup(desk.context)
    }
    const kept = await desk.handlers['backups.list']()
    expect(kept).toHaveLength(2)
    expect(kept[0]!.at).toBe(
      clock()
        .toISOString()
        .replace(/\.\d+Z$/, '.000Z'),
    )
  })
})

describe('restoring a backup from an open desk', () => {
  it('replaces the library in place: list, search, saves and the scheduler see the backup', async () => {
    const dir = await tempDir()
    const clock = handClock()
    const desk = await deskAt(dir, clock)
    const first = await desk.handlers['articles.create']({ headline: 'الموازنة الأولى' })
    const second = await desk.handlers['articles.create']({ headline: 'خبر ثان' })
    const made = await desk.handlers['backups.create']()
    expect(made.articles).toBe(2)
    // After the backup: one article trashed, one edited, one new.
    clock.advance(60_000)
    await desk.handlers['articles.trash'](second.id)
    await desk.handlers['articles.save']({
      id: first.id,
      baseRevision: first.revision,
      changes: { headline: 'عنوان بعد النسخة' },
    })
    await desk.handlers['articles.create']({ headline: 'جديد بعد النسخة' })
    const scheduler = desk.context
    clock.advance(60_000)

    const done = await desk.handlers['backups.restore'](made.name)
    expect(done.restored).toBe(made.name)
    const rows = await desk.handlers['articles.list']()
    expect(rows.map((row) => row.headline).sort()).toEqual(['الموازنة الأولى', 'خبر ثان'].sort())
    expect(await desk.handlers['trash.list']()).toEqual([])
    const hits = await desk.handlers['articles.search']({ query: 'الموازنة' })
    expect(hits.map((hit) => hit.id)).toEqual([first.id])
    expect(await desk.handlers['articles.search']({ query: 'جديد' })).toEqual([])
    // The context the hosts' schedulers hold reads the restored library.
    expect(scheduler.store.summaries.map((row) => row.id).sort()).toEqual(
      [first.id, second.id].sort(),
    )
    // The library as it was before the restore is a backup of its own (two articles, one trashed).
    const before = (await desk.handlers['backups.list']()).find((b) => b.name === done.before)
    expect(before?.articles).toBe(2)
    // And the restored library takes saves.
    const restored = await desk.handlers['articles.get'](first.id)
    const saved = await desk.handlers['articles.save']({
      id: first.id,
      baseRevision: restored.revision,
      changes: { kicker: 'بعد الاستعادة' },
    })
    expect(saved.revision).toBe(restored.revision + 1)
    // Another open of the files agrees.
    await desk.close()
    opened.splice(0)
    const again = await deskAt(dir, clock)
    expect((await again.handlers['articles.get'](first.id)).kicker).toBe('بعد الاستعادة')
    expect(await again.handlers['articles.list']()).toHaveLength(2)
  })

  it('refuses a backup that is not there, and a name that is a path', async () => {
    const { createDispatch } = await import('../../../electron/core/dispatch.js')
    const dir = await tempDir()
    const desk = await deskAt(dir, handClock())
    await desk.handlers['articles.create']({ headline: 'خبر' })
    const call = createDispatch(desk.handlers)
    const missing = await call('backups.restore', ['backup-20200101T000000Z'])
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', details: [{ code: 'backup-not-found' }] },
    })
    const path = await call('backups.restore', ['../articles'])
    expect(path).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await desk.handlers['articles.list']()).toHaveLength(1)
    expect(await desk.handlers['backups.list']()).toEqual([])
  })
})
