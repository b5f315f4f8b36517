import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { defaultSettings } from '../../../shared/settings.js'
import { newArticle } from '../../../electron/core/articles.js'
import type { MediaReader } from '../../../electron/core/media.js'
import { writeExport } from '../../../electron/core/export/write-exports.js'
import { tempDir } from '../temp-dir.js'

// A one-pixel PNG: what an article's library image is here.
const png = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
)
const media: MediaReader = async () => ({ bytes: png, type: 'image/png' })

function story(id: string, slug: string, image?: string): Article {
  const body = image
    ? { ops: [{ insert: 'فقرة' }, { insert: '\n' }, { insert: { image } }, { insert: '\n' }] }
    : paragraphsToDelta(['فقرة'])
  const article = newArticle(
    id,
    { headline: `خبر ${slug}`, body },
    {
      at: new Date('2026-11-30T09:00:00Z'),
      by: 'tester',
    },
  )
  return { ...article, slug }
}

const exportTo = (folder: string, articles: Article[], formats: Article['tags']) =>
  writeExport({
    articles,
    formats: formats as never,
    folder,
    settings: defaultSettings,
    now: new Date('2026-11-30T10:00:00Z'),
    media,
  })

describe('exported names', () => {
  it('never replace another article’s file across exports into one folder', async () => {
    const folder = await tempDir()
    // An article whose slug is `feed`: its NINJS is feed.json, as the JSON Feed would be.
    await exportTo(folder, [story('aaaaaaaaaaaa', 'feed')], ['ninjs'])
    const ninjs = await readFile(join(folder, 'feed.json'), 'utf8')
    await expect(
      exportTo(folder, [story('bbbbbbbbbbbb', 'other')], ['jsonfeed']),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: [
        { code: 'export-name-taken', params: { name: 'feed.json', owner: 'aaaaaaaaaaaa' } },
      ],
    })
    expect(await readFile(join(folder, 'feed.json'), 'utf8')).toBe(ninjs)
    // Slug `a` with image `b-x.png` and slug `a-b` with image `x.png`: both `a-b-x.png`.
    await exportTo(folder, [story('cccccccccccc', 'a', 'b-x.png')], ['markdown'])
    await expect(
      exportTo(folder, [story('dddddddddddd', 'a-b', 'x.png')], ['markdown']),
    ).rejects.toMatchObject({ details: [{ code: 'export-name-taken' }] })
    // The same article again replaces only its own files.
    await exportTo(folder, [story('cccccccccccc', 'a', 'b-x.png')], ['markdown'])
    const record = JSON.parse(await readFile(join(folder, '.midad-export.json'), 'utf8'))
    expect(record.files).toEqual({
      'a-b-x.png': 'cccccccccccc',
      'a.md': 'cccccccccccc',
      'feed.json': 'aaaaaaaaaaaa',
    })
  })

  it('fit 255 bytes with the temp suffix, in any script', async () => {
    const folder = await tempDir()
    const devanagari = 'समाचार'.repeat(14) // 84 characters, 252 bytes
    const arabic = 'الحكومة-العراقية-تعلن-خطة-جديدة-لتنسيق-العمل-بين-الأجهزة-الأمنية-والوزارات'
    const longImage = `${'صورة-'.repeat(20)}.png`
    const result = await exportTo(
      folder,
      [story('eeeeeeeeeeee', devanagari), story('ffffffffffff', arabic, longImage)],
      ['text', 'html', 'markdown', 'docx'],
    )
    expect(result.files.length).toBeGreaterThan(8)
    for (const name of await readdir(folder)) {
      expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(230)
    }
  })

  it.skipIf(!existsSync('/usr/bin/unzip'))(
    'in a zip, are read by Info-ZIP UnZip (Debian) as written',
    async () => {
      const folder = await tempDir()
      const result = await writeExport({
        articles: [story('gggggggggggg', 'خبر-عاجل', 'صورة.png')],
        formats: ['markdown', 'text'],
        folder,
        settings: defaultSettings,
        now: new Date('2026-11-30T10:00:00Z'),
        media,
        zip: true,
      })
      const listed = execFileSync('/usr/bin/unzip', ['-Z1', result.files[0]!.path])
        .toString()
        .trim()
        .split('\n')
        .map((name) => name.split('/').slice(1).join('/'))
      expect(listed.sort()).toEqual(
        ['manifest.json', 'خبر-عاجل-صورة.png', 'خبر-عاجل.md', 'خبر-عاجل.txt'].sort(),
      )
      const out = await tempDir()
      execFileSync('/usr/bin/unzip', ['-q', result.files[0]!.path, '-d', out])
      const [bundle] = await readdir(out)
      expect((await readdir(join(out, bundle!))).sort()).toEqual(listed.sort())
    },
  )
})
