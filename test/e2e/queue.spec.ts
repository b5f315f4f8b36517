import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { deskTest, pickDate, pickTime } from './host.js'

/**
 * The newsroom's wall clock (Asia/Baghdad) at the start of a minute between 10 and 70 seconds
 * from now: the schedule fields choose minutes, and the time must not have passed on arrival.
 */
function baghdadNextMinute(): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Baghdad',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + 70_000))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  }
}

deskTest(
  'write, submit, return with a note, fix, approve, schedule, and it is published',
  async ({ page, desk }) => {
    // It waits for the host's scheduler: allow a slow machine more than the default minute.
    deskTest.slow()
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
    // The board's headline filter folds as the library's does: «المجدوّل» finds «المجدول».
    const byHeadline = page.getByRole('group', { name: 'قائمة النشر' }).getByLabel('تصفية بالعنوان')
    await byHeadline.fill('المجدوّل')
    await expect(column(/^قيد المراجعة/)).toContainText('خبر للنشر المجدول')
    await byHeadline.fill('رياضة')
    await expect(column(/^قيد المراجعة/)).not.toContainText('خبر للنشر المجدول')
    await byHeadline.fill('')

    // Returning needs a note: the dialog says so itself, in Arabic, and stays open.
    await move('مسودة')
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'نقل' }).click()
    await expect(dialog.getByRole('alert')).toHaveText(
      'إعادة المقال إلى كاتبه تحتاج ملاحظة تقول السبب',
    )
    const note = dialog.getByLabel(/ملاحظة للكاتب/)
    await expect(note).toBeFocused()
    await note.fill('أضف مصدر الخبر')
    await dialog.getByRole('button', { name: 'نقل' }).click()
    await expect(column(/^مسودة/)).toContainText('خبر للنشر المجدول')

    // The writer fixes it and sees the note in the history.
    await page.getByRole('button', { name: 'خبر للنشر المجدول' }).click()
    await page.getByRole('tab', { name: 'السجل' }).click()
    await expect(page.getByRole('list', { name: 'مسار النشر' })).toContainText('أضف مصدر الخبر')
    await page.getByRole('tab', { name: 'البيانات' }).click()
    await page.getByLabel('المصدر').fill('وكالات')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')

    await page.getByRole('button', { name: 'قائمة النشر' }).click()
    await move('قيد المراجعة')
    await expect(column(/^قيد المراجعة/)).toContainText('خبر للنشر المجدول')
    await move('جاهز')
    await expect(column(/^جاهز/)).toContainText('خبر للنشر المجدول')
    await move('مجدول')
    const when = baghdadNextMinute()
    await pickDate(dialog, 'موعد النشر', when.date)
    await pickTime(dialog, 'وقت النشر', when.time)
    await dialog.getByRole('button', { name: 'نقل' }).click()
    await expect(column(/^مجدول/)).toContainText('خبر للنشر المجدول')

    // The host's scheduler publishes it: wait for the file, then for the board.
    const file = join(desk.dataDir, 'exports', 'خبر-للنشر-المجدول.html')
    await expect.poll(() => existsSync(file), { timeout: 100_000 }).toBe(true)
    await expect(column(/^منشور/)).toContainText('خبر للنشر المجدول', { timeout: 20_000 })
  },
)

deskTest(
  'a reviewer notes a paragraph and returns the story; the writer sees the note beside it and resolves it',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await page.getByLabel('العنوان', { exact: true }).fill('خبر للمراجعة')
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await body.click()
    await page.keyboard.type('الفقرة الأولى.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('الفقرة الثانية فيها رقم خطأ.')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    await page.getByRole('button', { name: 'قائمة النشر' }).click()
    await page.getByLabel('نقل إلى… خبر للمراجعة').selectOption({ label: 'قيد المراجعة' })
    await expect(page.getByRole('region', { name: /^قيد المراجعة/ })).toContainText('خبر للمراجعة')

    // The reviewer opens it, notes the second paragraph, and returns it.
    await page.getByRole('button', { name: 'خبر للمراجعة' }).click()
    await page.getByRole('tab', { name: /ملاحظات/ }).click()
    const notes = page.getByRole('region', { name: 'ملاحظات' })
    await notes.getByLabel('على').selectOption({ index: 2 })
    await notes.getByLabel('نص الملاحظة').fill('تحقق من الرقم')
    await notes.getByRole('button', { name: 'إضافة ملاحظة' }).click()
    await expect(notes.locator('.note-list li')).toContainText('تحقق من الرقم')
    await notes.getByLabel('سبب الإعادة').fill('راجع ملاحظتي على الفقرة الثانية')
    await notes.getByRole('button', { name: 'إعادة إلى الكاتب' }).click()
    await expect(page.locator('.status-bar')).toContainText('مسودة')

    // The writer sees the open note beside its paragraph, and resolves it.
    await expect(page.getByRole('note', { name: 'تحقق من الرقم' })).toBeVisible()
    await page.getByRole('tab', { name: /ملاحظات/ }).click()
    await notes.getByRole('button', { name: 'تمت' }).click()
    await expect(page.getByRole('note', { name: 'تحقق من الرقم' })).toHaveCount(0)
    await page.getByRole('tab', { name: 'السجل' }).click()
    await expect(page.getByRole('list', { name: 'مسار النشر' })).toContainText(
      'راجع ملاحظتي على الفقرة الثانية',
    )
  },
)
