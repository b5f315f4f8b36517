import { afterEach, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { tempDir } from '../temp-dir.js'

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

describe('recovery copies', () => {
  it('are offered until their text lands, even after someone else saved', async () => {
    const dir = await tempDir()
    const desk = await openDesk({ dataDir: dir, purpose: 'a test' })
    opened.push(desk)
    const article = await desk.handlers['articles.create']({ headline: 'خبر' })
    const body = paragraphsToDelta(['نص لم يُحفظ'])
    await desk.handlers['recovery.put']({ id: article.id, baseRevision: 1, changes: { body } })
    await desk.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: { kicker: 'آخر' },
    })
    await desk.close()

    const again = await openDesk({ dataDir: dir, purpose: 'a test' })
    opened.push(again)
    const copies = await again.handlers['recovery.list']()
    expect(copies).toEqual([
      expect.objectContaining({
        id: article.id,
        baseRevision: 1,
        currentRevision: 2,
        changes: { body },
      }),
    ])
    await again.handlers['articles.save']({ id: article.id, baseRevision: 2, changes: { body } })
    expect(await again.handlers['recovery.list']()).toEqual([])
  })

  it('can be discarded, and go with a trashed article', async () => {
    const desk = await openDesk({ dataDir: await tempDir(), purpose: 'a test' })
    opened.push(desk)
    const a = await desk.handlers['articles.create']({ headline: 'أ' })
    const b = await desk.handlers['articles.create']({ headline: 'ب' })
    await desk.handlers['recovery.put']({ id: a.id, baseRevision: 1, changes: { headline: 'أأ' } })
    await desk.handlers['recovery.put']({ id: b.id, baseRevision: 1, changes: { headline: 'بب' } })
    await desk.handlers['recovery.discard'](a.id)
    await desk.handlers['articles.trash'](b.id)
    expect(await desk.handlers['recovery.list']()).toEqual([])
  })
})
