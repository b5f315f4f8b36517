import { afterEach, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { noteParagraph } from '../../../shared/notes.js'
import { tempDir } from '../temp-dir.js'

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

describe('review notes', () => {
  it('attach to a paragraph or the whole, resolve, and never bump the revision', async () => {
    const desk = await openDesk({
      dataDir: await tempDir(),
      purpose: 'a test',
      systemUser: 'reviewer',
    })
    opened.push(desk)
    const article = await desk.handlers['articles.create']({
      headline: 'خبر',
      body: paragraphsToDelta(['الفقرة الأولى من الخبر', 'الفقرة الثانية من الخبر']),
    })
    const noted = await desk.handlers['notes.add']({
      id: article.id,
      text: 'تحقق من الرقم',
      paragraph: 1,
    })
    const whole = await desk.handlers['notes.add']({ id: article.id, text: 'العنوان طويل' })
    expect(whole.revision).toBe(1)
    expect(whole.notes).toEqual([
      expect.objectContaining({
        text: 'تحقق من الرقم',
        anchor: { paragraph: 1, quote: 'الفقرة الثانية من الخبر' },
        by: 'reviewer',
        resolvedAt: null,
      }),
      expect.objectContaining({ text: 'العنوان طويل', anchor: null }),
    ])
    // The writer's save, based on revision 1, still goes through and keeps the notes.
    const saved = await desk.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: { kicker: 'عاجل' },
    })
    expect(saved.notes).toHaveLength(2)
    const resolved = await desk.handlers['notes.resolve']({
      id: article.id,
      noteId: noted.notes![0]!.id,
    })
    expect(resolved.notes![0]).toMatchObject({
      resolvedBy: 'reviewer',
      resolvedAt: expect.any(String),
    })
    await expect(
      desk.handlers['notes.add']({ id: article.id, text: 'x', paragraph: 9 }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('follow their paragraph when paragraphs move', () => {
    const note = {
      id: 'n1',
      anchor: { paragraph: 0, quote: 'الفقرة المعنية' },
      text: '',
      by: '',
      at: '',
      resolvedAt: null,
      resolvedBy: null,
    }
    expect(noteParagraph(note, ['فقرة جديدة في الأعلى', 'الفقرة المعنية هنا'])).toBe(1)
    expect(noteParagraph(note, ['نص مختلف تمامًا'])).toBe(0)
    expect(noteParagraph({ ...note, anchor: null }, ['أي نص'])).toBeNull()
  })
})
