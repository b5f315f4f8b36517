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
    await page.getByRole('button', { name: 'المهملات', exact: true }).click()
    await dialog
      .getByRole('list', { name: 'المهملات' })
      .getByRole('button', { name: 'حذف نهائي' })
      .click()
    await expect(dialog.getByText('المهملات فارغة')).toBeVisible()
    expect(await api(page, host, 'trash.list')).toEqual([])
  },
)
