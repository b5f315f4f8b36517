import { expect } from '@playwright/test'
import { api, deskTest } from './host.js'

const rtl = { direction: 'rtl', align: 'right' }

for (const choice of [
  'أبقِ نسختي فوقها',
  'خذ المحفوظة (تبقى نسختي للاسترجاع)',
  'أبقِ الاثنتين (نسختي مقالًا جديدًا)',
]) {
  deskTest(
    `two tabs, one story: the conflict shown side by side and resolved: ${choice}`,
    async ({ page, desk }) => {
      const { host } = desk
      await page.goto(host.url)
      const created = await api(page, host, 'articles.create', {
        headline: 'خبر متنازع عليه',
        body: { ops: [{ insert: 'النص الأول' }, { insert: '\n', attributes: rtl }] },
      })
      await page.reload()
      await page.getByRole('button', { name: /خبر متنازع عليه/ }).click()
      // Another tab opens the same story and saves a newer revision while this one has the old.
      const other = await page.context().newPage()
      await other.goto(host.url)
      await other.getByRole('button', { name: /خبر متنازع عليه/ }).click()
      const otherBody = other.getByRole('textbox', { name: 'نص المقال' })
      await otherBody.click()
      await other.keyboard.press('Control+A')
      await other.keyboard.type('نص المحفوظة')
      await expect(other.locator('.save-status')).toHaveAttribute('data-status', 'saved')
      expect(await api(page, host, 'articles.get', created.id)).toMatchObject({ revision: 2 })
      const body = page.getByRole('textbox', { name: 'نص المقال' })
      await body.click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type(' وزيادتي')
      const dialog = page.getByRole('dialog', { name: 'تعارض: نسخة أحدث من المقال' })
      await expect(dialog).toBeVisible({ timeout: 15_000 })
      await expect(dialog.getByRole('region', { name: 'النسخة المحفوظة' })).toContainText(
        'نص المحفوظة',
      )
      await expect(dialog.getByRole('region', { name: 'نسختي' })).toContainText(
        'النص الأول وزيادتي',
      )
      await expect(dialog.locator('.diff ins')).toHaveText(['النص', 'الأول وزيادتي'])
      await expect(dialog.locator('.diff del')).toHaveText(['نص', 'المحفوظة'])
      await dialog.getByRole('button', { name: choice }).click()
      await expect(dialog).toHaveCount(0)

      const stored = await api(page, host, 'articles.get', created.id)
      const rows = await api(page, host, 'articles.list')
      if (choice.startsWith('أبقِ نسختي')) {
        expect(stored).toMatchObject({ revision: 3, text: ['النص الأول وزيادتي'] })
        await expect(body).toHaveText('النص الأول وزيادتي')
      } else if (choice.startsWith('خذ')) {
        expect(stored).toMatchObject({ revision: 2, text: ['نص المحفوظة'] })
        await expect(body).toHaveText('نص المحفوظة')
        // Mine is kept as a recovery copy until dismissed.
        const copies = await api(page, host, 'recovery.list')
        expect(copies.map((c: { id: string }) => c.id)).toContain(created.id)
      } else {
        expect(stored).toMatchObject({ revision: 2, text: ['نص المحفوظة'] })
        expect(rows).toHaveLength(2)
        await expect(body).toHaveText('النص الأول وزيادتي')
        await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('خبر متنازع عليه')
      }
      await expect(page.locator('.save-status')).not.toHaveAttribute('data-status', 'failed')
    },
  )
}
