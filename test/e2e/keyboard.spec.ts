import { expect } from '@playwright/test'
import { api, deskTest } from './host.js'

/** The keyboard paths of issue #12: each as an editor without a mouse would take it. */
deskTest(
  'keyboard: dialogs give focus back, tabs and the toolbar move by arrows, Tab leaves the body',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await api(page, host, 'articles.create', {
      headline: 'خبر للوحة المفاتيح',
      body: { ops: [{ insert: 'فقرة أولى.\n' }] },
    })
    await page.reload()
    await page.getByRole('button', { name: /خبر للوحة المفاتيح/ }).click()

    // A dialog opened from the keyboard gives the focus back to what opened it when it closes.
    const importButton = page.getByRole('button', { name: 'استيراد', exact: true })
    await importButton.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog', { name: 'استيراد مقالات' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(importButton).toBeFocused()

    // The side panel's tabs: one Tab stop; the arrow keys go to the next tab in reading order
    // (leftwards in Arabic), End to the last, Home to the first; the tab is selected on focus.
    const tablist = page.getByRole('tablist', { name: 'اللوحة الجانبية' })
    const metadata = tablist.getByRole('tab', { name: 'البيانات' })
    await expect(metadata).toHaveAttribute('aria-selected', 'true')
    await expect(tablist.locator('[role="tab"][tabindex="0"]')).toHaveCount(1)
    await metadata.focus()
    await page.keyboard.press('ArrowLeft')
    const preview = tablist.getByRole('tab', { name: 'معاينة' })
    await expect(preview).toBeFocused()
    await expect(preview).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('End')
    await expect(tablist.getByRole('tab', { name: /ملاحظات/ })).toBeFocused()
    await page.keyboard.press('Home')
    await expect(metadata).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(tablist.getByRole('tab', { name: /ملاحظات/ })).toBeFocused()

    // The editor's toolbar is one Tab stop; the arrow keys move inside it.
    const toolbar = page.getByRole('toolbar', { name: 'أدوات التحرير' })
    await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1)
    const stop = toolbar.locator('[tabindex="0"]')
    await stop.focus()
    const before = await stop.getAttribute('aria-label')
    await page.keyboard.press('ArrowLeft')
    // The focus moved on, and the one Tab stop moved with it.
    await expect(stop).toBeFocused()
    await expect(stop).not.toHaveAttribute('aria-label', before ?? '')
    await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1)

    // Tab leaves the body (no tab character is typed), Shift+Tab goes back to the toolbar.
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await body.click()
    await page.keyboard.press('End')
    await page.keyboard.press('Tab')
    await expect(body).not.toBeFocused()
    expect(await body.evaluate((element) => element.textContent)).toBe('فقرة أولى.')
    await body.click()
    await page.keyboard.press('Shift+Tab')
    await expect(body).not.toBeFocused()
    await expect(toolbar.locator(':focus')).toHaveCount(1)
  },
)
