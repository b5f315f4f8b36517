import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Page, expect } from '@playwright/test'
import {
  type RunningHost,
  api,
  deskTest,
  projectRoot,
  recoveryCopies,
  siteFixture,
} from './host.js'

const headline = 'الكاظمي: أدعو إلى تنسيق أكبر بين الأجهزة الأمنية'

async function importFixture(page: Page, host: RunningHost): Promise<string> {
  const base64 = (await readFile(siteFixture)).toString('base64')
  const report = await api(page, host, 'import.files', { files: [{ name: 'kadhimi.txt', base64 }] })
  return report.imported[0].id
}

/** Imports the site fixture, opens it from the library and gives its body (14 paragraphs). */
async function openFixture(page: Page, host: RunningHost) {
  await page.goto(host.url)
  await importFixture(page, host)
  await page.reload()
  await page.getByRole('button', { name: new RegExp(headline) }).click()
  const body = page.getByRole('textbox', { name: 'نص المقال' })
  await expect(body.locator('p')).toHaveCount(14)
  return body
}

deskTest(
  'write in the editor: Arabic text, an LTR paragraph, bold and italic, kept across a reload',
  async ({ page, desk }) => {
    const body = await openFixture(page, desk.host)
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' وأضاف المحرر جملة في النهاية.')
    await page.keyboard.press('Enter')
    // The new paragraph turns left to right by itself: its first strong letter is Latin.
    await page.keyboard.type('An English paragraph here')
    await page.keyboard.press('Home')
    for (let i = 0; i < 'An'.length; i++) await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Control+b')
    // The same shortcut on an Arabic layout: the B key types «لا», its code is still KeyB.
    await page.keyboard.press('End')
    for (let i = 0; i < 'here'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await body.evaluate((element) =>
      element.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'ة',
          code: 'KeyI',
          ctrlKey: true,
          bubbles: true,
          cancelable: true,
        }),
      ),
    )
    await expect(page.getByRole('button', { name: 'مائل' })).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    await expect(page.getByTestId('word-count')).toContainText('كلمة')

    await page.reload()
    await page.getByRole('button', { name: new RegExp(headline) }).click()
    const paragraphs = body.locator('p')
    await expect(paragraphs).toHaveCount(15)
    await expect(paragraphs.nth(13)).toContainText('وأضاف المحرر جملة في النهاية.')
    await expect(paragraphs.nth(13)).toHaveClass(/ql-direction-rtl/)
    await expect(paragraphs.nth(14)).not.toHaveClass(/ql-direction-rtl/)
    await expect(paragraphs.nth(14).locator('strong')).toHaveText('An')
    await expect(paragraphs.nth(14).locator('em')).toHaveText('here')
  },
)

deskTest(
  'paste from Word keeps structure and emphasis, drops styles, and never runs a script',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await body.click()
    await body.evaluate((element) => {
      const html =
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{color:red}</style></head><body>' +
        '<p class="MsoNormal" style="font-family:Arial;color:red"><b>نص غامق</b> ونص <i>مائل</i><o:p></o:p></p>' +
        '<ul><li>بند أول</li><li>بند ثان</li></ul>' +
        '<p><a href="https://news.example/a">رابط</a> <a href="javascript:window.pwned=1">خطر</a></p>' +
        '<script>window.pwned = 1</script><img src="x" onerror="window.pwned=1"></body></html>'
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', 'نص غامق ونص مائل')
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    })
    await expect(body.locator('strong')).toHaveText('نص غامق')
    await expect(body.locator('em')).toHaveText('مائل')
    await expect(body.locator('ul li, ol li')).toHaveCount(2)
    await expect(body.locator('a[href="https://news.example/a"]')).toHaveText('رابط')
    // The javascript: link's text stays, as plain text: no link at all (not one to about:blank).
    await expect(body.locator('a')).toHaveCount(1)
    await expect(body).toContainText('رابط خطر')
    await expect(body.locator('img')).toHaveCount(0)
    expect(await body.innerHTML()).not.toMatch(/javascript:|style=|font-family|color/)
    // Whether anything pasted can run is xss.spec.ts's question, with a canary shown to fire.
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
  },
)

deskTest(
  'a very large paste lands at the caret, is saved, and the editor answers right after',
  async ({ page, desk }) => {
    const body = await openFixture(page, desk.host)
    // The caret at the end of the first paragraph; the paste goes in after it.
    await body.locator('p').first().click()
    await body.evaluate((element) => {
      const range = document.createRange()
      range.selectNodeContents(element.querySelector('p') as Node)
      range.collapse(false)
      getSelection()?.removeAllRanges()
      getSelection()?.addRange(range)
      const paragraph =
        '<p style="color:red">فقرة <b>ملصوقة</b> مع <a href="https://news.example/a">رابط</a> و<a href="javascript:window.pwned=1">خطر</a></p>'
      // Well over the size at which the editor converts pastes itself (100,000 characters).
      const html = paragraph.repeat(1500) + '<script>window.pwned = 1</script>'
      const data = new DataTransfer()
      data.setData('text/html', html)
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    })
    // The first pasted paragraph runs on from the caret's; the last ends where the caret was.
    await expect(body.locator('p')).toHaveCount(14 + 1499)
    await expect(body.locator('p').first()).toContainText('الأمنية".فقرة ملصوقة')
    await expect(body.locator('p').nth(1)).toHaveText('فقرة ملصوقة مع رابط وخطر')
    await expect(body.locator('p').nth(1).locator('strong')).toHaveText('ملصوقة')
    await expect(body.locator('a[href^="javascript"]')).toHaveCount(0)
    await expect(body.locator('a[href="about:blank"]')).toHaveCount(0)
    expect(await body.innerHTML()).not.toMatch(/style=|color:red/)
    // The editor answers right after: typing lands where the caret is, after the pasted text.
    await page.keyboard.type('تتمة')
    await expect(body.locator('p').nth(1499)).toHaveText('فقرة ملصوقة مع رابط وخطرتتمة')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')

    await page.reload()
    await page.getByRole('button', { name: new RegExp(headline) }).click()
    await expect(body.locator('p')).toHaveCount(14 + 1499)
    await expect(body.locator('p').nth(1499)).toHaveText('فقرة ملصوقة مع رابط وخطرتتمة')
  },
)

deskTest('one undo takes back a very large paste', async ({ page, desk }) => {
  const body = await openFixture(page, desk.host)
  const before = await body.innerText()
  await body.locator('p').nth(3).click()
  await body.evaluate((element) => {
    const data = new DataTransfer()
    data.setData('text/html', '<p>فقرة <i>ملصوقة</i></p>'.repeat(6000))
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  })
  // The caret's paragraph is split around the pasted ones: 5,999 more in all.
  await expect(body.locator('p')).toHaveCount(14 + 5999)
  await page.keyboard.press('Control+z')
  await expect(body.locator('p')).toHaveCount(14)
  expect(await body.innerText()).toBe(before)
})

deskTest(
  'an image is copied into the library, shown in the editor and the preview',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await page.getByLabel('العنوان', { exact: true }).fill('خبر بصورة')
    await page.getByRole('textbox', { name: 'نص المقال' }).click()
    await page.keyboard.type('فقرة قبل الصورة')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'إدراج صورة' }).click()
    const dialog = page.getByRole('dialog', { name: 'إدراج صورة' })
    await dialog.getByLabel('ملف الصورة').setInputFiles(join(projectRoot, 'assets', 'icon.png'))
    await dialog.getByLabel('وصف الصورة لقارئ الشاشة').fill('شعار')
    await dialog.getByLabel('التعليق على الصورة').fill('شعار مداد')
    await dialog.getByRole('button', { name: 'إدراج صورة' }).click()
    const image = page.getByRole('textbox', { name: 'نص المقال' }).locator('img')
    await expect(image).toHaveAttribute('alt', 'شعار')
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512)
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    await page.getByRole('tab', { name: 'معاينة' }).click()
    await expect(page.locator('.site-body figure figcaption')).toHaveText('شعار مداد')
    await expect
      .poll(() =>
        page.locator('.site-body figure img').evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(512)
  },
)

deskTest(
  'text left unsaved when the host is killed is offered back on the next start',
  async ({ page, desk }) => {
    let { host } = desk
    await page.goto(host.url)
    const id = await importFixture(page, host)
    await page.reload()
    await page.getByRole('button', { name: new RegExp(headline) }).click()
    // Someone else saves the article meanwhile: the editor's saves now conflict and stay unsaved.
    await api(page, host, 'articles.save', {
      id,
      baseRevision: 1,
      changes: { kicker: 'من مكان آخر' },
    })
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' جملة لم تُحفظ بعد')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'failed')
    await expect.poll(() => recoveryCopies(desk.dataDir, id), { timeout: 15_000 }).toHaveLength(1)
    host = await desk.restart('SIGKILL')
    await page.goto(host.url)
    const banner = page.getByRole('alert', { name: 'وُجد نص غير محفوظ من جلسة سابقة' })
    await expect(banner).toContainText(headline)
    await banner.getByRole('button', { name: 'استعادة' }).click()
    await expect(body).toContainText('جملة لم تُحفظ بعد')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const stored = await api(page, host, 'articles.get', id)
    expect(stored.text.at(-1)).toContain('جملة لم تُحفظ بعد')
    expect(stored.kicker).toBe('من مكان آخر')
    await expect.poll(() => recoveryCopies(desk.dataDir, id)).toEqual([])
  },
)

deskTest(
  'house quotes and find and replace that ignores diacritics and alef forms',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'الإعدادات' }).click()
    await page.getByLabel('علامات التنصيص').selectOption('guillemets')
    await page.getByRole('button', { name: 'حفظ' }).click()
    await page.getByRole('button', { name: 'العودة إلى المكتب' }).click()
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await body.click()
    await page.keyboard.type('قال أحمد "نعم" و"لا" ثم قال مُحَمَّد وإحمد')
    await expect(body).toHaveText('قال أحمد «نعم» و«لا» ثم قال مُحَمَّد وإحمد')
    await page.keyboard.press('Control+f')
    const panel = page.getByRole('region', { name: 'بحث واستبدال' })
    await panel.getByLabel('بحث عن').fill('احمد')
    await expect(panel.getByTestId('match-count')).toHaveText('النتائج: 2')
    await panel.getByLabel('استبدال بـ').fill('خالد')
    await panel.getByRole('button', { name: 'استبدال الكل' }).click()
    await expect(body).toHaveText('قال خالد «نعم» و«لا» ثم قال مُحَمَّد وخالد')
    await panel.getByLabel('بحث عن').fill('محمد')
    await expect(panel.getByTestId('match-count')).toHaveText('النتائج: 1')
    await panel.getByLabel('تجاهل التشكيل وأشكال الألف').uncheck()
    await expect(panel.getByTestId('match-count')).toHaveText('النتائج: 0')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
  },
)

for (const source of ['word', 'google-docs', 'libreoffice', 'news-site']) {
  deskTest(
    `a paste from ${source} lands right to left, the full stop on the left`,
    async ({ page, desk }) => {
      const html = await readFile(
        join(projectRoot, 'test', 'fixtures', 'paste', `${source}.html`),
        'utf8',
      )
      await page.goto(desk.host.url)
      await page.getByRole('button', { name: 'مقال جديد' }).click()
      const body = page.getByRole('textbox', { name: 'نص المقال' })
      await body.click()
      await body.evaluate((element, pasted) => {
        const data = new DataTransfer()
        data.setData('text/html', pasted)
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
      }, html)
      const story = body.locator('p', { hasText: 'أعلنت الحكومة اليوم' })
      await expect(story).toHaveClass(/ql-direction-rtl/)
      await expect(story.locator('strong')).toHaveText('بغداد')
      await expect(story.locator('em')).toHaveText('اليوم')
      // Drawn, not only marked: the sentence's full stop is left of its first word.
      const sides = await story.evaluate((p) => {
        const text = p.textContent ?? ''
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        const rects: DOMRect[] = []
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange()
          range.setStart(node, 0)
          range.setEnd(node, 1)
          rects.push(range.getBoundingClientRect())
          if (node.textContent?.endsWith('.')) {
            range.setStart(node, node.textContent.length - 1)
            range.setEnd(node, node.textContent.length)
            rects.push(range.getBoundingClientRect())
          }
        }
        return { first: rects[0]!.left, stop: rects.at(-1)!.left, text }
      })
      expect(sides.stop).toBeLessThan(sides.first)
      await expect(body.locator('p', { hasText: 'An English line' })).not.toHaveClass(
        /ql-direction-rtl/,
      )
    },
  )
}

deskTest(
  'a paragraph takes its direction from its first strong letter until set by hand',
  async ({ page, desk }) => {
    await page.goto(desk.host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await body.click()
    await page.keyboard.type('Reuters reports')
    const paragraphs = body.locator('p')
    await expect(paragraphs.nth(0)).not.toHaveClass(/ql-direction-rtl/)
    // Enter after the English paragraph, then Arabic: the new paragraph turns right to left.
    await page.keyboard.press('Enter')
    await page.keyboard.type('قال المتحدث')
    await expect(paragraphs.nth(1)).toHaveClass(/ql-direction-rtl/)
    await expect(paragraphs.nth(0)).not.toHaveClass(/ql-direction-rtl/)
    // Set by hand, a direction stays while the writer types on.
    await page.keyboard.press('Control+Shift+X')
    await expect(paragraphs.nth(1)).not.toHaveClass(/ql-direction-rtl/)
    await page.keyboard.type(' إن الخطة جاهزة')
    await expect(paragraphs.nth(1)).not.toHaveClass(/ql-direction-rtl/)
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
  },
)
