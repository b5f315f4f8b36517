import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Delta } from '../../../shared/article.js'
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx'
import { afterEach, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { articleHtmlPage } from '../../../electron/core/export/html-page.js'
import { reason, reasonText } from '../../../shared/reasons.js'
import { importSources, readDraft } from '../../../electron/core/import/import-files.js'
import { readMedia } from '../../../electron/core/media.js'
import { steppingClock, tempDir } from '../temp-dir.js'

const open: Desk[] = []
afterEach(async () => {
  for (const d of open.splice(0)) await d.close()
})
async function desk() {
  const opened = await openDesk({
    dataDir: await tempDir(),
    purpose: 'a test',
    clock: steppingClock(),
  })
  open.push(opened)
  return opened
}

const icon = () => readFile(join(import.meta.dirname, '..', '..', '..', 'assets', 'icon.png'))
const dataUrl = (bytes: Uint8Array) =>
  `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`

describe('importing images held inside a file', () => {
  it('keeps a data-URL image with its alt text and caption, and says what it left out', async () => {
    const png = await icon()
    const html = `<h1>خبر بصورة</h1><p>قبل الصورة</p>
      <figure><img src="${dataUrl(png)}" alt="شعار"><figcaption>شعار   مداد</figcaption></figure>
      <p>بعد الصورة <img src="https://tracker.example/x.png"></p>
      <p><img src="data:image/png;base64,${Buffer.from('not a picture').toString('base64')}"></p>
      <p><img src="beside.png"></p>`
    // Without its folder (as the desk's UI sends files), an image beside the file is left out too.
    const draft = await readDraft({ name: 'خبر.html', bytes: Buffer.from(html) }, 'Asia/Baghdad')
    const images = draft.fields.body!.ops.filter((op) => typeof op.insert !== 'string')
    expect(images).toEqual([
      { insert: { image: 'image-1.png' }, attributes: { alt: 'شعار', caption: 'شعار مداد' } },
    ])
    expect(draft.images).toEqual([{ file: 'image-1.png', bytes: new Uint8Array(png) }])
    expect(draft.warnings).toEqual([reason('import-images-left-out', { count: 3 })])
    expect(JSON.stringify(draft.fields.body)).not.toContain('tracker')
  })

  it('keeps a picture from a DOCX file, with its description as alt text', async () => {
    const png = await icon()
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ style: 'Title', children: [new TextRun('خبر من وورد')] }),
            new Paragraph({ children: [new TextRun('فقرة قبل الصورة')] }),
            new Paragraph({
              children: [
                new ImageRun({
                  type: 'png',
                  data: png,
                  transformation: { width: 64, height: 64 },
                  altText: { name: 'شعار', title: 'شعار', description: 'شعار مداد' },
                }),
              ],
            }),
          ],
        },
      ],
    })
    const draft = await readDraft(
      { name: 'خبر.docx', bytes: new Uint8Array(await Packer.toBuffer(document)) },
      'Asia/Baghdad',
    )
    expect(draft.fields.headline).toBe('خبر من وورد')
    expect(draft.fields.body!.ops.filter((op) => typeof op.insert !== 'string')).toEqual([
      { insert: { image: 'image-1.png' }, attributes: { alt: 'شعار مداد' } },
    ])
    expect(Buffer.from(draft.images![0]!.bytes).equals(png)).toBe(true)
  })

  it('stores the images beside the imported article, where the editor and exports find them', async () => {
    const opened = await desk()
    const png = await icon()
    const html = `<h1>خبر بصورة</h1><p>فقرة</p><p><img src="${dataUrl(png)}" alt="شعار"></p>`
    const report = await opened.handlers['import.files']({
      files: [{ name: 'خبر.html', base64: Buffer.from(html).toString('base64') }],
    })
    const id = report.imported[0]!.id
    const article = await opened.handlers['articles.get'](id)
    const image = article.body.ops.find((op) => typeof op.insert !== 'string')
    expect(image?.insert).toEqual({ image: 'image-1.png' })
    const stored = await readMedia(opened.context.store.layout, id, 'image-1.png')
    expect(stored?.type).toBe('image/png')
    expect(Buffer.from(stored!.bytes).equals(png)).toBe(true)
  })

  it('gives back a page Midad exported: kicker, summary, featured image, body and its images', async () => {
    const opened = await desk()
    const png = await icon()
    const created = await opened.handlers['articles.create']({
      headline: 'الكاظمي يدعو إلى التنسيق',
    })
    const add = (fileName: string) =>
      opened.handlers['media.add']({
        articleId: created.id,
        fileName,
        base64: png.toString('base64'),
      })
    const featured = await add('غلاف.png')
    const inBody = await add('داخل.png')
    const body: Delta = {
      ops: [
        { insert: 'دعا رئيس الوزراء إلى تنسيق ' },
        { insert: 'أكبر', attributes: { bold: true } },
        { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
        { insert: { image: inBody.file }, attributes: { alt: 'اجتماع', caption: 'من الاجتماع' } },
        { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
        { insert: 'فقرة أخيرة' },
        { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
      ],
    }
    const saved = await opened.handlers['articles.save']({
      id: created.id,
      baseRevision: 1,
      changes: {
        kicker: 'عاجل',
        summary: 'ملخص الخبر',
        body,
        featuredImage: { file: featured.file, alt: 'صورة الغلاف', caption: 'الكاظمي في الاجتماع' },
      },
    })
    const page = await articleHtmlPage(saved, opened.context.settings(), (articleId, file) =>
      readMedia(opened.context.store.layout, articleId, file),
    )

    const report = await opened.handlers['import.files']({
      files: [{ name: 'page.html', base64: Buffer.from(page).toString('base64') }],
      allowDuplicates: true,
    })
    expect(report.warnings).toEqual([])
    const back = await opened.handlers['articles.get'](report.imported[0]!.id)
    expect(back).toMatchObject({
      headline: saved.headline,
      kicker: 'عاجل',
      summary: 'ملخص الخبر',
      featuredImage: { file: 'featured.png', alt: 'صورة الغلاف', caption: 'الكاظمي في الاجتماع' },
    })
    expect(back.text).toEqual(saved.text)
    expect(back.body.ops).toEqual(
      body.ops.map((op) =>
        typeof op.insert === 'string' ? op : { ...op, insert: { image: 'image-1.png' } },
      ),
    )
    for (const file of ['featured.png', 'image-1.png']) {
      const stored = await readMedia(opened.context.store.layout, back.id, file)
      expect(Buffer.from(stored!.bytes).equals(png), file).toBe(true)
    }
  })

  it('round-trips body images through a Markdown export folder and midad import', async () => {
    const opened = await desk()
    const png = await icon()
    const created = await opened.handlers['articles.create']({ headline: 'خبر بصورة في ماركداون' })
    const added = await opened.handlers['media.add']({
      articleId: created.id,
      fileName: 'صورة.png',
      base64: png.toString('base64'),
    })
    const body: Delta = {
      ops: [
        { insert: 'فقرة أولى' },
        { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
        {
          insert: { image: added.file },
          attributes: { alt: 'وصف "الصورة"', caption: 'تعليق "مقتبس"' },
        },
        { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
      ],
    }
    const saved = await opened.handlers['articles.save']({
      id: created.id,
      baseRevision: 1,
      changes: { body },
    })
    // Inside the data dir: where a window may send an export, besides the settings' folder.
    const folder = join(opened.dataDir, 'out')
    const result = await opened.handlers['export.articles']({
      ids: [saved.id],
      formats: ['markdown'],
      folder,
    })
    const names = result.files.map((file) => file.path.split('/').pop())
    expect(names).toEqual([`${saved.slug}.md`, `${saved.slug}-${added.file}`])
    const markdown = await readFile(join(folder, `${saved.slug}.md`), 'utf8')
    expect(markdown).toContain(`![وصف "الصورة"](<${saved.slug}-${added.file}> "تعليق \\"مقتبس\\"")`)

    // Downloaded alone, the Markdown holds the image itself.
    const download = await opened.handlers['export.download']({ id: saved.id, format: 'markdown' })
    expect(Buffer.from(download.base64, 'base64').toString('utf8')).toContain(
      '(<data:image/png;base64,',
    )

    const other = await desk()
    const report = await importSources(other.context, [
      {
        name: join(folder, `${saved.slug}.md`),
        bytes: await readFile(join(folder, `${saved.slug}.md`)),
        linkedImage: async (path) => readFile(join(folder, path)),
      },
    ])
    expect(report.warnings).toEqual([])
    const back = await other.handlers['articles.get'](report.imported[0]!.id)
    expect(back.body.ops.filter((op) => typeof op.insert !== 'string')).toEqual([
      {
        insert: { image: 'image-1.png' },
        attributes: { alt: 'وصف "الصورة"', caption: 'تعليق "مقتبس"' },
      },
    ])
    const stored = await readMedia(other.context.store.layout, back.id, 'image-1.png')
    expect(Buffer.from(stored!.bytes).equals(png)).toBe(true)
  })

  it('puts body and featured images in the DOCX export, which import reads back', async () => {
    const opened = await desk()
    const png = await icon()
    const created = await opened.handlers['articles.create']({ headline: 'خبر للمراجعة القانونية' })
    const add = async (fileName: string) =>
      (
        await opened.handlers['media.add']({
          articleId: created.id,
          fileName,
          base64: png.toString('base64'),
        })
      ).file
    const featured = await add('غلاف.png')
    const inBody = await add('داخل.png')
    const saved = await opened.handlers['articles.save']({
      id: created.id,
      baseRevision: 1,
      changes: {
        featuredImage: { file: featured, alt: 'الغلاف', caption: '' },
        body: {
          ops: [
            { insert: 'فقرة قبل الصورة' },
            { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
            { insert: { image: inBody }, attributes: { alt: 'صورة داخلية' } },
            { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
          ],
        },
      },
    })
    const download = await opened.handlers['export.download']({ id: saved.id, format: 'docx' })
    const draft = await readDraft(
      { name: 'خبر.docx', bytes: Buffer.from(download.base64, 'base64') },
      'Asia/Baghdad',
    )
    // The featured image comes back as the featured image, the body's in the body.
    expect(draft.fields.body!.ops.filter((op) => typeof op.insert !== 'string')).toEqual([
      { insert: { image: 'image-1.png' }, attributes: { alt: 'صورة داخلية' } },
    ])
    expect(draft.fields.featuredImage).toEqual({ file: 'featured.png', alt: 'الغلاف', caption: '' })
    expect(draft.images?.map((image) => image.file).sort()).toEqual(['featured.png', 'image-1.png'])
    for (const image of draft.images ?? []) expect(Buffer.from(image.bytes).equals(png)).toBe(true)
  })

  it('reads linked images sent along with the files, by their path in the chosen folder', async () => {
    const opened = await desk()
    const png = await icon()
    const markdown =
      '# خبر من مجلد\n\nفقرة.\n\n![شعار](صور/شعار%20مداد.png)\n\n![خارج](../../x.png)\n'
    const report = await opened.handlers['import.files']({
      files: [{ name: 'أرشيف/2021/خبر.md', base64: Buffer.from(markdown).toString('base64') }],
      images: [
        { name: 'أرشيف/2021/صور/شعار مداد.png', base64: png.toString('base64') },
        { name: 'x.png', base64: png.toString('base64') },
      ],
    })
    const leftOut = reason('import-images-left-out', { count: 1 })
    expect(report.warnings).toEqual([
      {
        file: 'أرشيف/2021/خبر.md',
        message: reasonText(leftOut),
        detail: leftOut,
      },
    ])
    const back = await opened.handlers['articles.get'](report.imported[0]!.id)
    expect(back.body.ops.filter((op) => typeof op.insert !== 'string')).toEqual([
      { insert: { image: 'image-1.png' }, attributes: { alt: 'شعار' } },
    ])
  })

  it('takes back a Markdown export from its folder: featured and body images, captions', async () => {
    const opened = await desk()
    const png = await icon()
    const created = await opened.handlers['articles.create']({ headline: 'خبر بصورتين' })
    const add = async (fileName: string) =>
      (
        await opened.handlers['media.add']({
          articleId: created.id,
          fileName,
          base64: png.toString('base64'),
        })
      ).file
    const featured = await add('غلاف.png')
    const inBody = await add('داخل.png')
    await opened.handlers['articles.save']({
      id: created.id,
      baseRevision: 1,
      changes: {
        featuredImage: { file: featured, alt: 'الغلاف', caption: 'تعليق الغلاف' },
        body: {
          ops: [
            { insert: 'فقرة' },
            { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
            { insert: { image: inBody }, attributes: { alt: 'داخلية', caption: 'تعليقها' } },
            { insert: '\n' },
          ],
        },
      },
    })
    const folder = join(opened.dataDir, 'markdown-out')
    const { files } = await opened.handlers['export.articles']({
      ids: [created.id],
      formats: ['markdown'],
      folder,
    })
    // The exported folder, sent back as the window sends a chosen folder.
    const { readFile } = await import('node:fs/promises')
    const { basename } = await import('node:path')
    const sent = await Promise.all(
      files.map(async (file) => ({
        name: `مجلد/${basename(file.path)}`,
        base64: (await readFile(file.path)).toString('base64'),
      })),
    )
    const report = await opened.handlers['import.files']({
      files: sent.filter((file) => file.name.endsWith('.md')),
      images: sent.filter((file) => file.name.endsWith('.png')),
      allowDuplicates: true,
    })
    expect(report.warnings).toEqual([])
    const back = await opened.handlers['articles.get'](report.imported[0]!.id)
    expect(back.featuredImage).toEqual({
      file: 'featured.png',
      alt: 'الغلاف',
      caption: 'تعليق الغلاف',
    })
    expect(back.body.ops.filter((op) => typeof op.insert !== 'string')).toEqual([
      { insert: { image: 'image-1.png' }, attributes: { alt: 'داخلية', caption: 'تعليقها' } },
    ])
  })
})
