import { expect } from '@playwright/test'
import { api, deskTest } from './host.js'

const rtl = { direction: 'rtl', align: 'right' }

deskTest(
  'history: the kept revisions, a word diff, and restoring an old one',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const created = await api(page, host, 'articles.create', {
      headline: 'خبر بنسختين',
      body: {
        ops: [{ insert: 'قال المتحدث إن الخطة تبدأ غدًا' }, { insert: '\n', attributes: rtl }],
      },
    })
    await api(page, host, 'articles.save', {
      id: created.id,
      baseRevision: 1,
      changes: {
        body: {
          ops: [{ insert: 'قال المتحدث إن الخطة تبدأ بعد غد' }, { insert: '\n', attributes: rtl }],
        },
      },
    })
    await page.reload()
    await page.getByRole('button', { name: /خبر بنسختين/ }).click()
    await page.getByRole('tab', { name: 'السجل' }).click()
    const revisions = page.getByRole('region', { name: 'النسخ المحفوظة' })
    await expect(revisions.locator('ol > li')).toHaveCount(2)
    await expect(revisions.locator('ol > li').first()).toContainText('حُرّر')
    await expect(revisions.locator('ol > li').last()).toContainText('أُنشئ')
    await expect(revisions.locator('.diff del')).toHaveText('غدًا')
    await expect(revisions.locator('.diff ins')).toHaveText('بعد غد')

    page.once('dialog', (dialog) => void dialog.accept())
    await revisions.getByRole('button', { name: 'استعادة النسخة 1' }).click()
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await expect(body).toHaveText('قال المتحدث إن الخطة تبدأ غدًا')
    // The article opens again at its new revision; its history shows it on top.
    await page.getByRole('tab', { name: 'السجل' }).click()
    await expect(revisions.locator('ol > li')).toHaveCount(3)
    await expect(revisions.locator('ol > li').first()).toContainText('استُعيد')
    const stored = await api(page, host, 'articles.get', created.id)
    expect(stored).toMatchObject({ revision: 3, event: 'restored' })
  },
)

deskTest(
  'the trash: an article trashed, brought back, trashed again and purged',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await api(page, host, 'articles.create', { headline: 'خبر للمهملات' })
    await page.reload()
    await page.getByRole('button', { name: /خبر للمهملات/ }).click()
    page.on('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'نقل إلى المهملات' }).click()
    await expect(page.getByRole('button', { name: /خبر للمهملات/ })).toHaveCount(0)

    await page.getByRole('button', { name: 'المهملات', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'المهملات' })
    const list = dialog.getByRole('list', { name: 'المهملات' })
    await expect(list).toContainText('خبر للمهملات')
    await list.getByRole('button', { name: 'استعادة' }).click()
    await expect(dialog.getByText('المهملات فارغة')).toBeVisible()
    await dialog.getByRole('button', { name: 'إغلاق' }).click()
    await expect(page.getByRole('button', { name: /خبر للمهملات/ })).toBeVisible()

    await page.getByRole('button', { name: /خبر للمهملات/ }).click()
    await page.getByRole('button', { name: 'نقل إلى المهملات' }).click()
    // The trash has it once the library no longer does (the dialog reads the trash when opened).
    await expect(page.getByRole('button', { name: /خبر للمهملات/ })).toHaveCount(0)
    await page.getByRole('button', { name: 'المهملات', exact: true }).click()
    await dialog
      .getByRole('list', { name: 'المهملات' })
      .getByRole('button', { name: 'حذف نهائي' })
      .click()
    await expect(dialog.getByText('المهملات فارغة')).toBeVisible()
    expect(await api(page, host, 'trash.list')).toEqual([])
  },
)

deskTest(
  'a published story is shown as it went out; changing it begins a correction with a note',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const created = await api(page, host, 'articles.create', {
      headline: 'خبر منشور للتصحيح',
      body: { ops: [{ insert: 'تبدأ الخطة غدًا' }, { insert: '\n', attributes: rtl }] },
    })
    for (const to of ['in_review', 'ready', 'exported'])
      await api(page, host, 'queue.move', { id: created.id, to })
    await page.reload()
    await page.getByRole('button', { name: /خبر منشور للتصحيح/ }).click()
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await expect(body).toHaveAttribute('contenteditable', 'false')
    const banner = page.getByRole('region', { name: 'تصحيح مقال منشور' })
    await banner.getByRole('button', { name: 'بدء التصحيح' }).click()
    await expect(banner.getByRole('alert')).toHaveText('التصحيح يحتاج ملاحظة تقول ما الذي صُحّح')
    await banner.getByLabel('ملاحظة التصحيح').fill('صُحّح موعد بدء الخطة')
    await banner.getByRole('button', { name: 'بدء التصحيح' }).click()
    await expect(page.getByRole('region', { name: 'تصحيح مقال منشور' })).toHaveCount(0)
    await expect(body).toHaveAttribute('contenteditable', 'true')
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' بعد الظهر')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const stored = await api(page, host, 'articles.get', created.id)
    expect(stored.state).toBe('corrected')
    expect(stored.history.at(-1)).toMatchObject({ to: 'corrected', note: 'صُحّح موعد بدء الخطة' })
  },
)

deskTest(
  'a backup restored from Settings, asked first with both counts, the desk read again',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const kept = await api(page, host, 'articles.create', { headline: 'خبر في النسخة' })
    await api(page, host, 'articles.create', { headline: 'خبر ثان في النسخة' })
    await api(page, host, 'backups.create')
    await api(page, host, 'articles.create', { headline: 'خبر بعد النسخة' })
    await api(page, host, 'articles.trash', kept.id)
    await page.reload()
    await expect(page.getByRole('button', { name: /خبر بعد النسخة/ })).toBeVisible()
    await page.getByRole('button', { name: 'الإعدادات' }).click()
    const backups = page.getByRole('list', { name: 'النسخ الاحتياطية' })
    await expect(backups.locator('li')).toHaveCount(1)
    await backups.getByRole('button', { name: /استعادة النسخة الاحتياطية من/ }).click()
    const dialog = page.getByRole('dialog', { name: 'استعادة نسخة احتياطية' })
    await expect(dialog).toContainText(/فيها: (2|٢)، وفي المكتبة الآن: (2|٢)/)
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'إلغاء' }).click()
    expect(await api(page, host, 'trash.list')).toHaveLength(1)
    await backups.getByRole('button', { name: /استعادة النسخة الاحتياطية من/ }).click()
    await dialog.getByRole('button', { name: 'استعادة هذه النسخة' }).click()
    // The page starts over on the restored library.
    await expect(page.getByRole('button', { name: /خبر في النسخة/ })).toBeVisible()
    await expect(page.getByRole('button', { name: /خبر بعد النسخة/ })).toHaveCount(0)
    expect(await api(page, host, 'trash.list')).toEqual([])
    const listed = await api(page, host, 'backups.list')
    expect(listed).toHaveLength(2)
    expect(listed[0]).toMatchObject({ articles: 2 })
  },
)
