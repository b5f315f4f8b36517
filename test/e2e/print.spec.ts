import { expect } from '@playwright/test'
import { api, deskTest } from './host.js'

const paragraph = (n: number) =>
  `الفقرة ${n}: ${'وقال المتحدث باسم الحكومة إن الخطة الجديدة تشمل المحافظات كلها وتبدأ الشهر المقبل، '.repeat(6)}`

deskTest(
  'printing gives the whole article over as many A4 pages as it needs, with none of the desk',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const ops = Array.from({ length: 30 }, (_, i) => [
      { insert: paragraph(i + 1) },
      { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
    ]).flat()
    await api(page, host, 'articles.create', { headline: 'خبر طويل للطباعة', body: { ops } })
    await page.reload()
    await page.getByRole('button', { name: /خبر طويل للطباعة/ }).click()
    await page.getByRole('tab', { name: 'معاينة' }).click()

    // The desktop preview is the site's desktop width, zoomed to fit the panel.
    const frame = page.locator('.preview-frame')
    expect(await frame.evaluate((f) => (f as HTMLElement).offsetWidth)).toBe(1024)
    expect(Number(await frame.getAttribute('data-fit'))).toBeLessThan(1)

    // Printed: laid out at A4's width less its margins (17.4 cm), in print media.
    const cm = 96 / 2.54
    await page.setViewportSize({ width: Math.round(17.4 * cm), height: Math.round(25.7 * cm) })
    await page.emulateMedia({ media: 'print' })
    for (const chrome of [
      '.toolbar',
      '.library',
      '.status-bar',
      '.editor',
      '.tabs',
      '.preview-controls',
    ]) {
      await expect(page.locator(chrome).first(), chrome).toBeHidden()
    }
    const last = page.locator('.site-body p').last()
    await expect(last).toContainText('الفقرة 30')
    // Nothing clips it: the article's whole height is in the page's flow, down to its end.
    const article = page.locator('.site-article')
    const height = await article.evaluate((a) => a.getBoundingClientRect().height)
    const documentHeight = await page.evaluate(() => document.documentElement.scrollHeight)
    expect(documentHeight).toBeGreaterThanOrEqual(height)

    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
    const pages = Number(/\/Count (\d+)/.exec(pdf)?.[1] ?? 0)
    // At least the pages the article fills at A4's full height (Chromium 156 lays the printed
    // page out taller than the 25.7 cm the @page margins leave), at most those it fills at 25.7 cm
    // and one more: a clipped article gives fewer.
    const fewest = Math.ceil(height / (29.7 * cm))
    const most = Math.ceil(height / (25.7 * cm)) + 1
    expect(fewest).toBeGreaterThanOrEqual(3)
    expect(pages).toBeGreaterThanOrEqual(fewest)
    expect(pages).toBeLessThanOrEqual(most)
  },
)
