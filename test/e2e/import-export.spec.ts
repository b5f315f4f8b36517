import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { deskTest, projectRoot, siteFixture } from './host.js'

const fixture = siteFixture
const headline = 'الكاظمي: أدعو إلى تنسيق أكبر بين الأجهزة الأمنية'

deskTest(
  'import a site article from the UI, then export it back byte for byte',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'استيراد' }).click()
    const dialog = page.getByRole('dialog', { name: 'استيراد مقالات' })
    await dialog.getByLabel('اختيار ملفات').setInputFiles(fixture)
    await expect(dialog.getByTestId('import-summary')).toContainText('استُورد: 1')
    await dialog.getByRole('button', { name: 'إغلاق' }).click()

    await page.getByRole('button', { name: new RegExp(headline) }).click()
    await expect(page.getByLabel('العنوان', { exact: true })).toHaveText(headline)
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    expect(
      await body
        .locator('p')
        .evaluateAll((ps) => ps.some((p) => p.textContent?.includes('من\u00a0 1400 مواطن'))),
    ).toBe(true)

    // The same file again is a duplicate and is skipped.
    await page.getByRole('button', { name: 'استيراد' }).click()
    await dialog.getByLabel('اختيار ملفات').setInputFiles(fixture)
    await expect(dialog.getByTestId('import-summary')).toContainText('مكرر تُرك: 1')
    await dialog.getByRole('button', { name: 'إغلاق' }).click()

    await page.getByRole('button', { name: 'تصدير' }).click()
    const exportDialog = page.getByRole('dialog', { name: 'تصدير' })
    await expect(exportDialog.getByLabel('نص الموقع (.txt)')).toBeChecked()
    await exportDialog.getByRole('button', { name: 'تصدير إلى المجلد' }).click()
    const written = exportDialog.getByTestId('exported-files')
    await expect(written).toContainText('.txt')
    const txtPath = (await written.locator('li').allTextContents()).find((p) => p.endsWith('.txt'))
    expect(txtPath?.startsWith(join(desk.dataDir, 'exports'))).toBe(true)
    expect(await readFile(txtPath ?? '', 'utf8')).toBe(await readFile(fixture, 'utf8'))

    const downloading = page.waitForEvent('download')
    await exportDialog.getByLabel('صفحة HTML').uncheck()
    await exportDialog.getByRole('button', { name: 'تنزيل' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('الكاظمي-أدعو-إلى-تنسيق-أكبر-بين-الأجهزة-الأمنية.txt')
    expect(await readFile((await download.path()) ?? '', 'utf8')).toBe(
      await readFile(fixture, 'utf8'),
    )
  },
)

deskTest(
  'import a folder of Markdown from the UI: the images its articles link to come with them',
  async ({ page, desk }) => {
    const { host } = desk
    const folder = join(desk.dataDir, '..', `archive-${Date.now()}`)
    await mkdir(join(folder, 'صور'), { recursive: true })
    await copyFile(join(projectRoot, 'assets', 'icon.png'), join(folder, 'صور', 'شعار مداد.png'))
    await copyFile(join(projectRoot, 'assets', 'icon.png'), join(folder, 'غير مستعملة.png'))
    await writeFile(
      join(folder, 'خبر.md'),
      '# خبر من أرشيف\n\nفقرة قبل الصورة.\n\n![شعار مداد](صور/شعار%20مداد.png "تعليق الصورة")\n',
    )
    try {
      await page.goto(host.url)
      await page.getByRole('button', { name: 'استيراد' }).click()
      const dialog = page.getByRole('dialog', { name: 'استيراد مقالات' })
      await dialog.getByLabel('اختيار مجلد').setInputFiles(folder)
      await expect(dialog.getByTestId('import-summary')).toContainText('استُورد: 1')
      await dialog.getByRole('button', { name: 'إغلاق' }).click()

      await page.getByRole('button', { name: /خبر من أرشيف/ }).click()
      const image = page.getByRole('textbox', { name: 'نص المقال' }).locator('img')
      await expect(image).toHaveAttribute('alt', 'شعار مداد')
      await expect(image).toHaveAttribute('title', 'تعليق الصورة')
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  },
)

deskTest('a file that cannot be imported is reported in Arabic', async ({ page, desk }) => {
  await page.goto(desk.host.url)
  await page.getByRole('button', { name: 'استيراد' }).click()
  const dialog = page.getByRole('dialog', { name: 'استيراد مقالات' })
  await dialog.getByLabel('اختيار ملفات').setInputFiles({
    name: 'بلا-تاريخ.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('عنوان\n\nفقرة بلا سطر تاريخ'),
  })
  await expect(dialog.getByTestId('import-summary')).toContainText('فشل: 1')
  await expect(dialog.locator('li.failed')).toHaveText(
    'بلا-تاريخ.txt: يُنتظر سطر التاريخ («تاريخ الإضافة …») في السطر 3',
  )
})

deskTest(
  'downloads in the browser: every format ticked gives every file, and the whole list one zip',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const { api } = await import('./host.js')
    await api(page, host, 'articles.create', { headline: 'خبر للتنزيل' })
    await api(page, host, 'articles.create', { headline: 'خبر ثان للتنزيل' })
    await page.reload()
    await page.getByRole('button', { name: /^خبر للتنزيل/ }).click()
    // The article open first: the dialog offers "the open article" only for an open one.
    await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('خبر للتنزيل')
    await page.getByRole('button', { name: 'تصدير' }).click()
    const dialog = page.getByRole('dialog', { name: 'تصدير' })
    const formats = dialog.getByRole('group', { name: 'الصيغ' }).getByRole('checkbox')
    for (const box of await formats.all()) await box.check()
    const offered = await formats.count()
    expect(offered).toBe(7)
    const names: string[] = []
    page.on('download', (download) => names.push(download.suggestedFilename()))
    await dialog.getByRole('button', { name: 'تنزيل', exact: true }).click()
    await expect.poll(() => names.length).toBe(offered)
    expect(names.filter((name) => name.startsWith('feed.'))).toEqual(
      expect.arrayContaining(['feed.json', 'feed.xml']),
    )
    // The whole list: one zip, its files listed by Debian's UnZip as written.
    await dialog.getByLabel(/كل مقالات المكتبة/).check()
    const zipping = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'تنزيل الكل ملفًا مضغوطًا' }).click()
    const zip = await zipping
    expect(zip.suggestedFilename()).toMatch(/^bundle-.+\.zip$/)
    const { execFileSync } = await import('node:child_process')
    const listed = execFileSync('unzip', ['-Z1', (await zip.path())!]).toString()
    expect(listed).toContain('/feed.json')
    expect(listed).toContain('/خبر-للتنزيل.txt')
    expect(listed).toContain('/manifest.json')
  },
)
