import { copyFile, readFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { articleHtmlPage } from '../../../electron/core/export/html-page.js'
import { mediaFileName, readMedia } from '../../../electron/core/media.js'
import { libraryLayout } from '../../../electron/core/storage/layout.js'
import { defaultSettings } from '../../../shared/settings.js'
import { tempDir } from '../temp-dir.js'

const icon = join(import.meta.dirname, '..', '..', '..', 'assets', 'icon.png')
const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

async function deskWithArticle() {
  const dir = await tempDir()
  const desk = await openDesk({ dataDir: dir, purpose: 'a test' })
  opened.push(desk)
  const article = await desk.handlers['articles.create']({ headline: 'خبر مصور' })
  return { dir, desk, article }
}

describe('library images', () => {
  it('are copied beside their article under safe, unique names', async () => {
    const { dir, desk, article } = await deskWithArticle()
    const base64 = (await readFile(icon)).toString('base64')
    const first = await desk.handlers['media.add']({
      articleId: article.id,
      fileName: '../../صورة الخبر.PNG',
      base64,
    })
    const second = await desk.handlers['media.add']({
      articleId: article.id,
      fileName: 'صورة الخبر.png',
      base64,
    })
    expect(first.file).toBe('صورة-الخبر.png')
    expect(second.file).toBe('صورة-الخبر-2.png')
    const stored = await readMedia(libraryLayout(dir), article.id, first.file)
    expect(stored?.type).toBe('image/png')
    expect(Buffer.from(stored!.bytes).equals(await readFile(icon))).toBe(true)
  })

  it('refuse what is not an image, whatever its name says', async () => {
    const { desk, article } = await deskWithArticle()
    await expect(
      desk.handlers['media.add']({
        articleId: article.id,
        fileName: 'photo.png',
        base64: Buffer.from('<svg onload="alert(1)">').toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('are never read from outside the media folder', async () => {
    const { dir, article } = await deskWithArticle()
    const layout = libraryLayout(dir)
    for (const [id, file] of [
      [article.id, '../../settings.json'],
      ['..', 'library.json'],
      [article.id, '.hidden.png'],
    ] as const) {
      expect(await readMedia(layout, id, file)).toBeNull()
    }
    expect(mediaFileName('a/b\\c:d.jpeg', 'jpg')).toBe('a-b-c-d.jpg')
  })

  it('are not served through a symbolic link, a file or a folder, whatever it points at', async () => {
    const { dir, desk, article } = await deskWithArticle()
    const layout = libraryLayout(dir)
    const base64 = (await readFile(icon)).toString('base64')
    const { file } = await desk.handlers['media.add']({
      articleId: article.id,
      fileName: 'a.png',
      base64,
    })
    // An image outside the library, reached by a link to it and by a folder linked to its own.
    const outside = await tempDir()
    await copyFile(icon, join(outside, 'secret.png'))
    await symlink(join(outside, 'secret.png'), join(layout.media(article.id), 'link.png'))
    // Even a link to the library's own image is not followed.
    await symlink(join(layout.media(article.id), file), join(layout.media(article.id), 'same.png'))
    const other = await desk.handlers['articles.create']({ headline: 'آخر' })
    await symlink(outside, layout.media(other.id))
    expect(await readMedia(layout, article.id, 'link.png')).toBeNull()
    expect(await readMedia(layout, article.id, 'same.png')).toBeNull()
    expect(await readMedia(layout, other.id, 'secret.png')).toBeNull()
    // The canary: the same bytes, really in the library, are served.
    await copyFile(icon, join(layout.media(article.id), 'real.png'))
    expect((await readMedia(layout, article.id, 'real.png'))?.type).toBe('image/png')
  })

  it('are embedded in the HTML export with their caption', async () => {
    const { dir, desk, article } = await deskWithArticle()
    const base64 = (await readFile(icon)).toString('base64')
    const { file } = await desk.handlers['media.add']({
      articleId: article.id,
      fileName: 'p.png',
      base64,
    })
    const saved = await desk.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: { featuredImage: { file, caption: 'تعليق <الصورة>', alt: 'وصف' } },
    })
    const html = await articleHtmlPage(saved, defaultSettings, (id, name) =>
      readMedia(libraryLayout(dir), id, name),
    )
    expect(html).toContain(
      `<figure><img src="data:image/png;base64,${base64}" alt="وصف"><figcaption>تعليق &lt;الصورة&gt;</figcaption></figure>`,
    )
  })

  it('go into a bundle beside the article files, listed in the manifest', async () => {
    const { dir, desk, article } = await deskWithArticle()
    const base64 = (await readFile(icon)).toString('base64')
    const { file } = await desk.handlers['media.add']({
      articleId: article.id,
      fileName: 'p.png',
      base64,
    })
    await desk.handlers['articles.save']({
      id: article.id,
      baseRevision: 1,
      changes: { featuredImage: { file, caption: '', alt: '' } },
    })
    const result = await desk.handlers['export.articles']({
      ids: [article.id],
      formats: ['text'],
      folder: join(dir, 'out'),
      bundle: true,
    })
    const manifest = JSON.parse(await readFile(join(result.folder, 'manifest.json'), 'utf8'))
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      'خبر-مصور.txt',
      'خبر-مصور-p.png',
    ])
    expect(
      (await readFile(join(result.folder, 'خبر-مصور-p.png'))).equals(await readFile(icon)),
    ).toBe(true)
  })
})
