import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { ninjsValidator } from '../ninjs-schema.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { tempDir } from '../temp-dir.js'

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8')

describe('a published story is corrected, never edited silently', () => {
  it('refuses a plain save, takes a correction with its note, and carries the note out', async () => {
    const dir = await tempDir()
    let now = Date.parse('2026-12-01T09:00:00Z')
    const desk = await openDesk({ dataDir: dir, purpose: 'a test', clock: () => new Date(now) })
    opened.push(desk)
    await desk.handlers['settings.update']({ exportFolder: join(dir, 'out') })
    const h = desk.handlers
    const article = await h['articles.create']({
      headline: 'خبر منشور',
      body: paragraphsToDelta(['قال الوزير إن الخطة تبدأ غدًا']),
    })
    await h['queue.move']({ id: article.id, to: 'in_review' })
    await h['queue.move']({ id: article.id, to: 'ready' })
    const published = await h['queue.move']({ id: article.id, to: 'exported' })

    await expect(
      h['articles.save']({
        id: article.id,
        baseRevision: published.revision,
        changes: { body: paragraphsToDelta(['قال الوزير إن الخطة تبدأ بعد غد']) },
      }),
    ).rejects.toMatchObject({
      code: 'refused',
      details: [expect.objectContaining({ code: 'published-needs-correction' })],
    })
    await expect(h['queue.move']({ id: article.id, to: 'corrected' })).rejects.toMatchObject({
      details: [expect.objectContaining({ code: 'correction-needs-note' })],
    })
    now += 3_600_000
    const corrected = await h['queue.move']({
      id: article.id,
      to: 'corrected',
      note: 'صُحّح موعد بدء الخطة',
    })
    const saved = await h['articles.save']({
      id: article.id,
      baseRevision: corrected.revision,
      changes: { body: paragraphsToDelta(['قال الوزير إن الخطة تبدأ بعد غد']) },
    })
    const again = await h['queue.move']({ id: article.id, to: 'exported' })
    expect(again.publishedAt).toBe(published.publishedAt)
    expect(saved.revision).toBeLessThan(again.revision)

    const html = text((await h['export.download']({ id: article.id, format: 'html' })).base64)
    expect(html).toContain('<p class="correction" dir="rtl"><strong>تصحيح</strong>')
    expect(html).toContain('صُحّح موعد بدء الخطة')
    const ninjs = JSON.parse(
      text((await h['export.download']({ id: article.id, format: 'ninjs' })).base64),
    )
    expect(ninjs.ednote).toBe('تصحيح 2026-12-01T10:00:00.000Z: صُحّح موعد بدء الخطة')
    const validate = ninjsValidator()
    expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true)
    // Every other export carries the note too, each in its own form.
    const siteText = text((await h['export.download']({ id: article.id, format: 'text' })).base64)
    expect(siteText.trimEnd().split('\n').at(-1)).toMatch(/^تصحيح \(.+\): صُحّح موعد بدء الخطة$/)
    const markdown = text(
      (await h['export.download']({ id: article.id, format: 'markdown' })).base64,
    )
    expect(markdown).toContain('صُحّح موعد بدء الخطة')
    const docx = unzipSync(
      Buffer.from(
        (await h['export.download']({ id: article.id, format: 'docx' })).base64,
        'base64',
      ),
    )
    const documentXml = strFromU8(docx['word/document.xml']!)
    expect(documentXml).toContain('تصحيح')
    expect(documentXml).toContain('صُحّح موعد بدء الخطة')
    const out = join(dir, 'feeds')
    await h['export.articles']({ ids: [article.id], formats: ['jsonfeed', 'rss'], folder: out })
    const feed = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))
    expect(feed.items[0].content_html).toContain('<p class="correction" dir="rtl">')
    expect(feed.items[0].content_html).toContain('صُحّح موعد بدء الخطة')
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain('صُحّح موعد بدء الخطة')
    const history = await h['revisions.history'](article.id)
    expect(history.map((entry) => entry.event).slice(0, 3)).toEqual([
      'moved',
      'edited',
      'corrected',
    ])
  })
})
