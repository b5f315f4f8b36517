import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { deskTest } from './host.js'

/** The newsroom's wall clock (Asia/Baghdad) a few seconds from now, for the schedule inputs. */
function baghdadIn(seconds: number): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Baghdad',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + seconds * 1000))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  }
}

deskTest(
  'write, submit, return with a note, fix, approve, schedule, and it is published',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await page.getByLabel('العنوان', { exact: true }).fill('خبر للنشر المجدول')
    await page.getByRole('textbox', { name: 'نص المقال' }).fill('نص الخبر الأول.')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')

    await page.getByRole('button', { name: 'قائمة النشر' }).click()
    const move = (to: string) =>
      page.getByLabel('نقل إلى… خبر للنشر المجدول').selectOption({ label: to })
    const column = (name: RegExp) => page.getByRole('region', { name })
    await move('قيد المراجعة')
    await expect(column(/^قيد المراجعة/)).toContainText('خبر للنشر المجدول')

    // Returning needs a note.
    await move('مسودة')
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('ملاحظة (مطلوبة عند الإعادة إلى الكاتب)').fill('أضف مصدر الخبر')
    await dialog.getByRole('button', { name: 'نقل' }).click()
    await expect(column(/^مسودة/)).toContainText('خبر للنشر المجدول')

    // The writer fixes it and sees the note in the history.
    await page.getByRole('button', { name: 'خبر للنشر المجدول' }).click()
    await page.getByRole('tab', { name: 'السجل' }).click()
    await expect(page.getByRole('list', { name: 'السجل' })).toContainText('أضف مصدر الخبر')
    await page.getByRole('tab', { name: 'البيانات' }).click()
    await page.getByLabel('المصدر').fill('وكالات')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')

    await page.getByRole('button', { name: 'قائمة النشر' }).click()
    await move('قيد المراجعة')
    await expect(column(/^قيد المراجعة/)).toContainText('خبر للنشر المجدول')
    await move('جاهز')
    await expect(column(/^جاهز/)).toContainText('خبر للنشر المجدول')
    await move('مجدول')
    const when = baghdadIn(6)
    await dialog.getByLabel(/موعد النشر/).fill(when.date)
    await dialog.getByLabel('وقت النشر').fill(when.time)
    await dialog.getByRole('button', { name: 'نقل' }).click()
    await expect(column(/^مجدول/)).toContainText('خبر للنشر المجدول')

    // The host's scheduler publishes it: wait for the file, then for the board.
    const file = join(desk.dataDir, 'exports', 'خبر-للنشر-المجدول.html')
    await expect.poll(() => existsSync(file), { timeout: 40_000 }).toBe(true)
    await expect(column(/^منشور/)).toContainText('خبر للنشر المجدول', { timeout: 20_000 })
  },
)
