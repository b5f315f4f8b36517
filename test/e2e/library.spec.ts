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
    await expect(page.getByLabel('العنوان', { exact: true })).toHaveValue('إعلان خاص عن الانتخابات')
  },
)
