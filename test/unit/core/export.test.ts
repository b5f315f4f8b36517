import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { basename, join } from 'node:path'
import { unzipSync } from 'fflate'
import { parseDocument } from 'htmlparser2'
import { afterEach, describe, expect, it } from 'vitest'
import { ninjsValidator } from '../ninjs-schema.js'
import type { Article } from '../../../shared/article.js'
import { defaultSettings } from '../../../shared/settings.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { articleHtmlPage } from '../../../electron/core/export/html-page.js'
import { articleNinjs } from '../../../electron/core/export/ninjs.js'
import { writeExport } from '../../../electron/core/export/write-exports.js'
import { importSources } from '../../../electron/core/import/import-files.js'
import { siteFixtures } from '../fixtures.js'
import { steppingClock, tempDir } from '../temp-dir.js'

const goldenFolder = join(import.meta.dirname, '..', 'golden')

/** Compares with a stored golden file; UPDATE_GOLDEN=1 writes it instead. */
function expectGolden(name: string, actual: string): void {
  const path = join(goldenFolder, name)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, actual)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

/** A desk holding every site fixture, imported the way the CLI does. */
async function libraryOfFixtures(): Promise<{ desk: Desk; articles: Article[]; dir: string }> {
  const dir = await tempDir()
  const desk = await openDesk({
    dataDir: dir,
    purpose: 'a test',
    clock: steppingClock('2026-11-30T09:00:00Z'),
    systemUser: 'tester',
  })
  opened.push(desk)
  const report = await importSources(
    desk.context,
    siteFixtures().map(({ name, text }) => ({ name, bytes: new TextEncoder().encode(text) })),
  )
  expect(report.failed).toEqual([])
  const articles = await Promise.all(
    report.imported.map(({ id }) => desk.handlers['articles.get'](id)),
  )
  return { desk, articles, dir }
}

describe('exporting', () => {
  it('writes each fixture back as the same bytes, keeping the figures', async () => {
    const { articles, dir } = await libraryOfFixtures()
    expect(articles[0]).toMatchObject({ state: 'draft', visits: 238, section: 'العراق' })
    const result = await writeExport({
      articles,
      formats: ['text'],
      folder: join(dir, 'out'),
      settings: defaultSettings,
      now: new Date(),
    })
    for (const [index, { text }] of siteFixtures().entries()) {
      expect(await readFile(result.files[index]!.path, 'utf8')).toBe(text)
    }
  })

  it('writes HTML that is standalone, right to left, with NewsArticle JSON-LD and no figures', async () => {
    const { articles } = await libraryOfFixtures()
    const html = await articleHtmlPage(articles[0]!, { ...defaultSettings, newsroomName: 'الخبر' })
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/)
    expect(html).toContain('font/woff2;base64,')
    expect(html).not.toMatch(/<(link rel="stylesheet"|script src)/)
    expect(html).not.toContain('عدد الزيارات')
    expect(html).toContain('<bdi dir="ltr">1400</bdi>')
    const document = parseDocument(html)
    const jsonLd = JSON.parse(
      (html.match(/<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/) ?? [])[1] ??
        '{}',
    )
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      headline: articles[0]!.headline,
      datePublished: '2021-06-17T04:15:00.000Z',
      articleSection: 'العراق',
      inLanguage: 'ar',
    })
    expect(document.children.length).toBeGreaterThan(0)
    expectGolden('kadhimi.html', html.replace(/base64,[A-Za-z0-9+/=]+/g, 'base64,…'))
  })

  it('writes NINJS 2.2 that the IPTC schema accepts, formats checked', async () => {
    const { articles } = await libraryOfFixtures()
    const validate = ninjsValidator()
    for (const article of articles) {
      const ninjs = articleNinjs(article, defaultSettings)
      expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true)
      expect(ninjs).toMatchObject({ language: 'ar', pubstatus: 'withheld', urgency: 3 })
    }
    const invalid = validate({ uri: 'not a uri', pubstatus: 'published' })
    expect(invalid).toBe(false)
    expectGolden(
      'kadhimi.ninjs.json',
      `${JSON.stringify(articleNinjs(articles[0]!, defaultSettings), null, 2)}\n`,
    )
  })

  it('gives the same bytes for the same revision, and changes no article', async () => {
    const { desk, articles, dir } = await libraryOfFixtures()
    const before = await desk.handlers['articles.get'](articles[0]!.id)
    const formats = ['text', 'html', 'ninjs', 'markdown', 'jsonfeed', 'rss'] as const
    const first = await desk.handlers['export.articles']({
      ids: [before.id],
      formats: [...formats],
      folder: join(dir, 'x'),
    })
    const second = await desk.handlers['export.articles']({
      ids: [before.id],
      formats: [...formats],
      folder: join(dir, 'x'),
    })
    expect(second.files.map((f) => f.sha256)).toEqual(first.files.map((f) => f.sha256))
    expect((await readdir(join(dir, 'x'))).sort()).toEqual(
      ['.midad-export.json', ...first.files.map((f) => f.path.split('/').at(-1))].sort(),
    )
    expect(await desk.handlers['articles.get'](before.id)).toEqual(before)
  })

  it('never writes outside the folder, whatever the headline or slug', async () => {
    const dir = await tempDir()
    const desk = await openDesk({ dataDir: dir, purpose: 'a test' })
    opened.push(desk)
    const hostile = ['../../../etc/passwd', '..\\..\\evil', 'CON', '\u202Egpj.exe', '/tmp/x']
    const ids: string[] = []
    for (const headline of hostile) {
      const article = await desk.handlers['articles.create']({ headline })
      const saved = await desk.handlers['articles.save']({
        id: article.id,
        baseRevision: 1,
        changes: { slug: headline },
      })
      ids.push(saved.id)
    }
    const folder = join(dir, 'safe')
    const result = await desk.handlers['export.articles']({
      ids,
      formats: ['text', 'html'],
      folder,
    })
    expect(result.files).toHaveLength(hostile.length * 2)
    for (const file of result.files) expect(file.path.startsWith(`${folder}/`)).toBe(true)
    // Every file the export wrote, and the folder's record of whose each one is.
    expect((await readdir(folder)).length).toBe(hostile.length * 2 + 1)
    expect((await readdir(dir)).sort()).toEqual([
      'articles',
      'desk.lock',
      'library.1.journal',
      'library.json',
      'revisions',
      'safe',
      'settings.copy.json',
      'settings.json',
      'tmp',
    ])
  })

  it('bundles files with a manifest, and zips the bundle', async () => {
    const { articles, dir } = await libraryOfFixtures()
    const now = new Date('2026-11-30T09:30:00Z')
    const request = {
      articles,
      formats: ['text', 'ninjs', 'jsonfeed'] as const,
      folder: join(dir, 'b'),
      settings: defaultSettings,
      now,
    }
    const bundle = await writeExport({ ...request, formats: [...request.formats], bundle: true })
    // Named by what it holds: the newest revision's time and a digest of ids and revisions.
    const newest = articles
      .map((a) => a.updatedAt)
      .sort()
      .at(-1)!
    const stamp = newest.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
    expect(bundle.folder).toMatch(new RegExp(`/bundle-${stamp}-[0-9a-f]{8}$`))
    const manifest = JSON.parse(await readFile(join(bundle.folder, 'manifest.json'), 'utf8'))
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('feed.json')
    for (const entry of manifest.files as { path: string; bytes: number; sha256: string }[]) {
      const bytes = await readFile(join(bundle.folder, entry.path))
      expect(bytes.length).toBe(entry.bytes)
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256)
    }
    const zipped = await writeExport({ ...request, formats: [...request.formats], zip: true })
    expect(zipped.files[0]?.path).toBe(`${bundle.folder}.zip`)
    const entries = unzipSync(await readFile(zipped.files[0]!.path))
    expect(Object.keys(entries)).toContain(`${basename(bundle.folder)}/manifest.json`)
    // Another export of the same revisions, later: the same zip, byte for byte.
    const again = await writeExport({
      ...request,
      now: new Date('2026-12-25T00:00:00Z'),
      formats: [...request.formats],
      zip: true,
    })
    expect(again.files[0]).toEqual(zipped.files[0])
  })

  it('writes feeds a reader can use', async () => {
    const { articles, dir } = await libraryOfFixtures()
    const result = await writeExport({
      articles,
      formats: ['jsonfeed', 'rss'],
      folder: dir,
      settings: defaultSettings,
      now: new Date(),
    })
    const feed = JSON.parse(await readFile(join(dir, 'feed.json'), 'utf8'))
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items[0]).toMatchObject({
      title: articles[0]!.headline,
      date_published: '2021-06-17T04:15:00.000Z',
    })
    const rss = await readFile(join(dir, 'feed.xml'), 'utf8')
    expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0">/)
    expect(rss).toContain('<pubDate>Thu, 17 Jun 2021 04:15:00 GMT</pubDate>')
    expect(result.files.map((f) => f.path.split('/').at(-1))).toEqual(['feed.json', 'feed.xml'])
  })

  it('refuses PDF without the desktop app', async () => {
    const { desk, articles } = await libraryOfFixtures()
    await expect(
      desk.handlers['export.download']({ id: articles[0]!.id, format: 'pdf' }),
    ).rejects.toMatchObject({ code: 'refused' })
    const download = await desk.handlers['export.download']({ id: articles[0]!.id, format: 'text' })
    expect(Buffer.from(download.base64, 'base64').toString('utf8')).toBe(siteFixtures()[0]!.text)
  })
})

describe('PDF', () => {
  it('is the HTML page printed by the host that can print', async () => {
    const dir = await tempDir()
    const printed: string[] = []
    const desk = await openDesk({
      dataDir: dir,
      purpose: 'a test',
      printPdf: async (html) => {
        printed.push(html)
        return new TextEncoder().encode('%PDF-1.7 test')
      },
    })
    opened.push(desk)
    const article = await desk.handlers['articles.create']({ headline: 'مقال للطباعة' })
    const result = await desk.handlers['export.articles']({
      ids: [article.id],
      formats: ['pdf'],
      folder: dir,
    })
    expect(result.files[0]?.path).toBe(join(dir, 'مقال-للطباعة.pdf'))
    expect(await readFile(result.files[0]!.path, 'utf8')).toBe('%PDF-1.7 test')
    expect(printed[0]).toContain('<h1>مقال للطباعة</h1>')
  })
})
