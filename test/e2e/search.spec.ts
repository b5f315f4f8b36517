import { readFile } from 'node:fs/promises'
import { expect } from '@playwright/test'
import { api, deskTest, siteFixture } from './host.js'

deskTest(
  'search the library from the toolbar: text ignoring marks and letter forms, then open a result',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const base64 = (await readFile(siteFixture)).toString('base64')
    await api(page, host, 'import.files', { files: [{ name: 'kadhimi.txt', base64 }] })
    await api(page, host, 'articles.create', {
      headline: 'مباراة كرة القدم',
      body: { ops: [{ insert: 'فاز الفريق بهدفين في الدقائق الأخيرة.\n' }] },
    })
    await page.reload()

    // «الاجهزه الامنيه» without hamza or taa marbuta: the fixture's «الأجهزة الأمنية» matches.
    const box = page.getByRole('searchbox', { name: 'بحث في العناوين والنصوص' })
    await box.fill('الاجهزه الامنيه')
    await box.press('Enter')
    const results = page.getByRole('navigation', { name: 'نتائج البحث' })
    await expect(results.getByRole('status')).toHaveText('عدد النتائج: 1')
    const hit = results.getByRole('button', { name: /الكاظمي/ })
    // Each word is marked where it stands in the headline.
    await expect(hit.locator('.item-headline mark')).toHaveText(['الأجهزة', 'الأمنية'])
    await hit.click()
    await expect(page.getByLabel('العنوان', { exact: true })).toHaveText(/الكاظمي/)

    // Text only in the body of the other article, and the search button instead of Enter.
    await box.fill('الدقائق الاخيرة')
    await page.getByRole('button', { name: 'بحث', exact: true }).click()
    await expect(results.getByRole('button', { name: /مباراة كرة القدم/ })).toBeVisible()
    await expect(results.locator('.item-snippet mark')).toHaveText(['الدقائق', 'الأخيرة'])

    // Ctrl+Shift+F from inside the article's text goes to the search box; the text is untouched.
    await page.getByRole('textbox', { name: 'نص المقال' }).click()
    await page.keyboard.press('Control+Shift+F')
    await expect(box).toBeFocused()
    await page.keyboard.type('سباحة')
    await expect(box).toHaveValue('سباحة')
    await box.press('Enter')
    await expect(results.getByRole('status')).toHaveText('لا مقالات فيها هذا النص')

    // A result moved to the trash leaves the results.
    await box.fill('الدقائق الاخيرة')
    await box.press('Enter')
    await results.getByRole('button', { name: /مباراة كرة القدم/ }).click()
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'نقل إلى المهملات' }).click()
    await expect(results.getByRole('status')).toHaveText('لا مقالات فيها هذا النص')
    await results.getByRole('button', { name: 'إغلاق البحث' }).click()
    await expect(page.getByRole('navigation', { name: 'المكتبة' })).toBeVisible()
  },
)

deskTest(
  'search while typing: results follow the keys, and the opened hit shows the match',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const paragraphs = Array.from({ length: 150 }, (_, n) => `فقرة رقم ${n} عن شؤون المدينة.`)
    paragraphs[140] = 'وقد أقرّ البرلمان الموازنة العامة بعد نقاش طويل.'
    await api(page, host, 'articles.create', {
      headline: 'جلسة البرلمان',
      body: { ops: [{ insert: `${paragraphs.join('\n')}\n` }] },
    })
    await api(page, host, 'articles.create', { headline: 'خبر لا علاقة له' })
    await page.reload()
    const box = page.getByRole('searchbox', { name: 'بحث في العناوين والنصوص' })
    // No Enter: the results come as the words are typed, the last one as a beginning.
    await box.pressSequentially('والموازن', { delay: 40 })
    const results = page.getByRole('navigation', { name: 'نتائج البحث' })
    await expect(results.getByRole('status')).toHaveText('عدد النتائج: 1')
    await results.getByRole('button', { name: /جلسة البرلمان/ }).click()
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await expect(body).toBeFocused()
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('موازن')
    const line = body.locator('p', { hasText: 'أقرّ البرلمان' })
    await expect(line).toBeInViewport()
  },
)
