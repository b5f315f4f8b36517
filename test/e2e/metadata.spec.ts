import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { deskTest, pickDate, pickTime, projectRoot } from './host.js'

const nbsp3 = ' \u00a0\u00a0\u00a0'

deskTest(
  'metadata, live rules, the readiness check and the site preview',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    const headline = page.getByLabel('العنوان', { exact: true })
    await headline.fill('عنوان طويل جدًا '.repeat(5))
    await expect(page.getByText('الطول 74 من 64 حرفًا')).toBeVisible()
    await expect(headline).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByTestId('readiness')).toContainText('العنوان')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')

    // The core's readiness check, which the queue will call, lists the same reason.
    const id = JSON.parse(
      await (
        await page.request.post(`${host.origin}/api/articles.list`, {
          headers: { Authorization: `Bearer ${host.token}` },
        })
      ).text(),
    ).value[0].id
    const check = await page.request.post(`${host.origin}/api/articles.check`, {
      headers: { Authorization: `Bearer ${host.token}` },
      data: [id],
    })
    const readiness = (await check.json()).value
    expect(readiness.ready).toBe(false)
    expect(readiness.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'headline', rule: 'max', limit: 64, actual: 74 }),
      ]),
    )

    await headline.fill('قمة بغداد تبحث التنسيق الأمني')
    await expect(page.getByText('الطول 74 من 64 حرفًا')).toHaveCount(0)
    await page.getByLabel('القسم', { exact: true }).selectOption('سياسة')
    await page.getByLabel('الكاتب').fill('سارة علي')
    await pickDate(page, 'تاريخ النشر', '2021-06-17')
    await pickTime(page, 'وقت النشر', '07:15')
    await page.getByRole('textbox', { name: 'نص المقال' }).fill('فقرة أولى من الخبر.')
    await expect(page.getByTestId('readiness')).toContainText('مستوفٍ')
    await page.getByRole('tab', { name: 'معاينة' }).click()
    await expect(page.getByTestId('site-meta')).toHaveText(
      `تاريخ الإضافة الخميس 17 حزيران 2021 - 7:15 ص${nbsp3}عدد الزيارات 0${nbsp3}التعليقات 0${nbsp3}القسم سياسة`,
      { useInnerText: false },
    )
    await expect(page.locator('.site-headline')).toHaveText('قمة بغداد تبحث التنسيق الأمني')
    await expect(page.locator('.site-body p')).toHaveText('فقرة أولى من الخبر.')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')

    await page.getByRole('button', { name: 'الإعدادات' }).click()
    await page.getByLabel('الأرقام').selectOption('arab')
    await page.getByRole('button', { name: 'حفظ' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'حُفظت الإعدادات' })).toBeVisible()
    await page.getByRole('button', { name: 'العودة إلى المكتب' }).click()
    await expect(page.getByTestId('site-meta')).toContainText('الخميس ١٧ حزيران ٢٠٢١ - ٧:١٥ ص')
    await expect(page.getByTestId('site-meta')).toContainText('عدد الزيارات ٠')
    // The desk's own fields in the newsroom's way: Levantine months, ص/م, the chosen digits,
    // the zone by its city; the priority and its hint in the same digits.
    await page.getByRole('tab', { name: 'البيانات' }).click()
    const date = page.getByRole('group', { name: 'تاريخ النشر' })
    await expect(date.locator('select').nth(0).locator('option:checked')).toHaveText('١٧')
    await expect(date.locator('select').nth(1).locator('option:checked')).toHaveText('حزيران')
    await expect(date.locator('select').nth(2).locator('option:checked')).toHaveText('٢٠٢١')
    const time = page.getByRole('group', { name: 'وقت النشر' })
    await expect(time.locator('option:checked')).toHaveText(['٧', '١٥', 'ص'])
    await expect(page.getByText('بغداد (توقيت العراق)')).toBeVisible()
    await expect(page.getByLabel('الأولوية')).toContainText('١')
    await expect(page.getByText('١ الأعلى … ٦ الأدنى')).toBeVisible()

    const stored = await page.request.post(`${host.origin}/api/articles.get`, {
      headers: { Authorization: `Bearer ${host.token}` },
      data: [id],
    })
    expect((await stored.json()).value).toMatchObject({
      section: 'سياسة',
      byline: 'سارة علي',
      publishedAt: '2021-06-17T04:15:00.000Z',
    })
  },
)

deskTest(
  'a featured image is copied into the library and shown in the preview',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await page.getByLabel('العنوان', { exact: true }).fill('خبر مصور')
    await page.getByLabel('اختيار صورة').setInputFiles(join(projectRoot, 'assets', 'icon.png'))
    await page.getByLabel('التعليق على الصورة').fill('شعار مداد')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    await page.getByRole('tab', { name: 'معاينة' }).click()
    const image = page.locator('.site-figure img')
    await expect(image).toBeVisible()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512)
    await expect(page.locator('.site-figure figcaption')).toHaveText('شعار مداد')
    const list = await page.request.post(`${host.origin}/api/articles.list`, {
      headers: { Authorization: `Bearer ${host.token}` },
    })
    const id = (await list.json()).value[0].id
    const media = await readdir(join(desk.dataDir, 'media', id))
    expect(media).toEqual(['icon.png'])
  },
)
