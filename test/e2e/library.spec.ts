import { readFile } from 'node:fs/promises'
import { expect } from '@playwright/test'
import { parseSiteText, serializeSiteText } from '../../shared/site-text.js'
import { api, deskTest, siteFixture } from './host.js'

deskTest(
  'a library of 3,000 articles renders only the rows in view and filters by headline',
  async ({ page, desk }) => {
    // Importing 3,000 articles first takes a while on a slow machine.
    deskTest.slow()
    const parsed = parseSiteText(await readFile(siteFixture, 'utf8'), 'Asia/Baghdad')
    if (!parsed.ok) throw new Error(parsed.message)
    await page.goto(desk.host.url)
    for (let batch = 0; batch < 6; batch++) {
      const files = Array.from({ length: 500 }, (_, i) => {
        const n = batch * 500 + i
        const text = serializeSiteText(
          {
            ...parsed.article,
            headline: n === 1234 ? 'إعلان خاص عن الانتخابات' : `خبر رقم ${n}`,
            publishedAt: new Date(
              Date.parse(parsed.article.publishedAt) + n * 60_000,
            ).toISOString(),
          },
          'Asia/Baghdad',
        )
        return { name: `${n}.txt`, base64: Buffer.from(text).toString('base64') }
      })
      await api(page, desk.host, 'import.files', { files })
    }
    await page.reload()
    const library = page.getByRole('navigation', { name: 'المكتبة' })
    await expect(library.getByRole('button').first()).toBeVisible()
    expect(await library.locator('li').count()).toBeLessThan(60)
    // «اعلان» finds «إعلان»: alef forms are folded.
    await library.getByLabel('تصفية بالعنوان').fill('اعلان')
    await expect(library.locator('li')).toHaveCount(1)
    await library.getByRole('button', { name: /إعلان خاص عن الانتخابات/ }).click()
    await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('إعلان خاص عن الانتخابات')
  },
)

/** Whether any two neighbouring rows of the library overlap on the screen. */
async function overlaps(page: import('@playwright/test').Page): Promise<string[]> {
  return page.locator('.library-scroll li').evaluateAll((items) => {
    const rects = items
      .map((item) => ({
        index: Number(item.getAttribute('data-index')),
        rect: item.getBoundingClientRect(),
      }))
      .sort((a, b) => a.index - b.index)
    const found: string[] = []
    for (let i = 1; i < rects.length; i++) {
      const above = rects[i - 1]!
      const below = rects[i]!
      if (below.index === above.index + 1 && above.rect.bottom > below.rect.top + 1)
        found.push(`${above.index}/${below.index}: ${above.rect.bottom} > ${below.rect.top}`)
    }
    return found
  })
}

deskTest(
  'library rows stay laid out after a resize and a language switch',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    for (let n = 0; n < 40; n++) {
      await api(page, host, 'articles.create', {
        headline: `خبر طويل العنوان رقم ${n} عن اجتماع الحكومة مع ممثلي المحافظات لبحث خطة الموازنة الجديدة`,
        section: 'سياسة',
      })
    }
    await page.reload()
    await expect(page.locator('.library-scroll li').first()).toBeVisible()
    expect(await overlaps(page)).toEqual([])
    // Narrower: headlines wrap onto more lines, rows grow.
    await page
      .locator('.library')
      .evaluate((library) => ((library as HTMLElement).style.width = '15rem'))
    await page.waitForTimeout(300)
    expect(await overlaps(page)).toEqual([])
    await page
      .locator('.library')
      .evaluate((library) => ((library as HTMLElement).style.width = '30rem'))
    await page.waitForTimeout(300)
    expect(await overlaps(page)).toEqual([])
    // English: every row's words change length at once.
    await page.getByRole('button', { name: 'التبديل إلى الإنجليزية' }).click()
    await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible()
    await page.waitForTimeout(300)
    expect(await overlaps(page)).toEqual([])
    await page.setViewportSize({ width: 900, height: 700 })
    await page.waitForTimeout(300)
    expect(await overlaps(page)).toEqual([])
    // Changed while the library is out of sight (the queue board in its place), then back.
    await page.getByRole('button', { name: 'Queue', exact: true }).click()
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: 'Switch to Arabic' }).click()
    await page.getByRole('button', { name: 'العودة إلى المكتب' }).click()
    await expect(page.getByRole('navigation', { name: 'المكتبة' })).toBeVisible()
    await page.waitForTimeout(300)
    expect(await overlaps(page)).toEqual([])
  },
)
