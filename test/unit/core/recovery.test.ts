import { afterEach, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { tempDir } from '../temp-dir.js'

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

async function deskAt(dir?: string) {
  const desk = await openDesk({ dataDir: dir ?? (await tempDir()), purpose: 'a test' })
  opened.push(desk)
  return desk
}

const body = (text: string) => paragraphsToDelta([text])

describe('recovery copies', () => {
  it('are offered until their text lands, even after someone else saved', async () => {
    const dir = await tempDir()
    const desk = await deskAt(dir)
    const article = await desk.handlers['articles.create']({ headline: 'خبر' })
    const changes = { body: body('نص لم يُحفظ') }
    await desk.handlers['recovery.put']({
      id: article.id,
      baseRevision: 1,
      changes,
      session: 'a',
      seq: 1,
    })
    await desk.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: { kicker: 'آخر' },
      session: 'b',
      seq: 2,
    })
    await desk.close()

    const again = await deskAt(dir)
    expect(await again.handlers['recovery.list']()).toEqual([
      expect.objectContaining({
        id: article.id,
        session: 'a',
        baseRevision: 1,
        currentRevision: 2,
        changes,
      }),
    ])
    await again.handlers['articles.save']({ id: article.id, baseRevision: 2, changes })
    expect(await again.handlers['recovery.list']()).toEqual([])
  })

  it('are superseded by a later save of the same session, and a late copy is not kept', async () => {
    const desk = await deskAt()
    const article = await desk.handlers['articles.create']()
    // Typed without a pause: a copy of the first words, then the save of all of them.
    await desk.handlers['recovery.put']({
      id: article.id,
      baseRevision: 1,
      changes: { headline: 'عنوان', body: body('نص قصير') },
      session: 'tab',
      seq: 10,
    })
    await desk.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: { headline: 'عنوان كامل', body: body('نص قصير ثم أطول بكثير') },
      session: 'tab',
      seq: 20,
    })
    expect(await desk.handlers['recovery.list']()).toEqual([])
    // A copy read before that save but arriving after it holds nothing new.
    const late = await desk.handlers['recovery.put']({
      id: article.id,
      baseRevision: 1,
      changes: { body: body('نص قصير ثم') },
      session: 'tab',
      seq: 15,
    })
    expect(late.kept).toBe(false)
    expect(await desk.handlers['recovery.list']()).toEqual([])
  })

  it("keep each session's text apart; a conflicted session's text survives the other's save", async () => {
    const desk = await deskAt()
    const article = await desk.handlers['articles.create']({ headline: 'خبر مشترك' })
    const mine = { body: body('نص التبويب الأول') }
    const theirs = { body: body('نص التبويب الثاني') }
    await desk.handlers['recovery.put']({
      id: article.id,
      baseRevision: 1,
      changes: mine,
      session: 'one',
      seq: 5,
    })
    await desk.handlers['recovery.put']({
      id: article.id,
      baseRevision: 1,
      changes: theirs,
      session: 'two',
      seq: 6,
    })
    await desk.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: theirs,
      session: 'two',
      seq: 7,
    })
    // Tab one's save is refused (it was based on revision 1): its copy stays.
    await expect(
      desk.handlers['articles.save']({
        id: article.id,
        baseRevision: 1,
        changes: mine,
        session: 'one',
        seq: 8,
      }),
    ).rejects.toMatchObject({ code: 'conflict' })
    await desk.handlers['recovery.put']({
      id: article.id,
      baseRevision: 1,
      changes: mine,
      session: 'one',
      seq: 9,
    })
    const copies = await desk.handlers['recovery.list']()
    expect(copies).toEqual([
      expect.objectContaining({ session: 'one', changes: mine, currentRevision: 2 }),
    ])
  })

  it('can be discarded, one session or all, and go with a trashed article', async () => {
    const desk = await deskAt()
    const a = await desk.handlers['articles.create']({ headline: 'أ' })
    const b = await desk.handlers['articles.create']({ headline: 'ب' })
    await desk.handlers['recovery.put']({
      id: a.id,
      baseRevision: 1,
      changes: { headline: 'أأ' },
      session: 'x',
    })
    await desk.handlers['recovery.put']({
      id: a.id,
      baseRevision: 1,
      changes: { headline: 'أب' },
      session: 'y',
    })
    await desk.handlers['recovery.put']({ id: b.id, baseRevision: 1, changes: { headline: 'بب' } })
    await desk.handlers['recovery.discard'](a.id, 'x')
    expect((await desk.handlers['recovery.list']()).map((c) => c.session).sort()).toEqual([
      'desk',
      'y',
    ])
    await desk.handlers['recovery.discard'](a.id)
    await desk.handlers['articles.trash'](b.id)
    expect(await desk.handlers['recovery.list']()).toEqual([])
  })
})
