import { expect, type Page } from '@playwright/test'
import { api, deskTest } from './host.js'

/** The DOM texts the page's house-style highlights cover, per severity. */
const underlined = (page: Page) =>
  page.evaluate(() =>
    ['info', 'warning', 'error'].flatMap((severity) => {
      const highlight = CSS.highlights.get(`midad-style-${severity}`)
      return highlight ? [...highlight].map((range) => `${severity}:${range.toString()}`) : []
    }),
  )

deskTest(
  'proofing: findings underlined, fixed from the panel, and an override kept in the history',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const article = await api(page, host, 'articles.create', { headline: 'زيارة االقيادات' })
    await api(page, host, 'articles.save', {
      id: article.id,
      baseRevision: article.revision,
      changes: {
        section: 'سياسة',
        body: { ops: [{ insert: 'ذهب الوزير الى بغداد ,ثم عاد الى اربيل.\nفقرة ثانية سليمة.\n' }] },
      },
    })
    await page.reload()
    await page
      .getByRole('button', { name: /زيارة االقيادات/ })
      .first()
      .click()

    // Underlined where found, in the headline and the body, without entering the text.
    await expect
      .poll(() => underlined(page))
      .toEqual(expect.arrayContaining(['warning:اا', 'warning:الى', 'warning: ', 'warning:,']))
    await expect(page.getByTestId('proofing-count')).toHaveText('6 ملاحظة تدقيق')

    await page.getByRole('tab', { name: /التدقيق/ }).click()
    const panel = page.getByRole('region', { name: 'التدقيق' })
    await expect(panel.getByRole('heading', { name: 'العنوان' })).toBeVisible()
    await expect(panel.getByRole('heading', { name: 'الفقرة 1' })).toBeVisible()
    // One fix, then every one of a kind.
    await panel.getByRole('button', { name: 'صحّح «اا» إلى «ا»' }).click()
    await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('زيارة القيادات')
    await panel.getByRole('button', { name: /صحّح كل «كتابة شائعة بلا همزة» \(2\)/ }).click()
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await expect(body).toContainText('ذهب الوزير إلى بغداد ,ثم عاد إلى اربيل.')
    await expect(panel.getByRole('heading', { name: 'العنوان' })).toHaveCount(0)
    // Ignored: gone from the panel and the underlines, the text as it was.
    await panel.getByRole('button', { name: 'تجاهل «,» في هذا المقال' }).click()
    await expect(panel.locator('[data-rule="latin-punctuation"]')).toHaveCount(0)
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const saved = await api(page, host, 'articles.get', article.id)
    expect(saved.headline).toBe('زيارة القيادات')
    expect(JSON.stringify(saved.body)).toContain('إلى اربيل')
    expect(JSON.stringify(saved.body)).not.toContain('highlight')

    // A newsroom that makes warnings block readiness: the move asks for a reason, and keeps it.
    const settings = await api(page, host, 'settings.get')
    await api(page, host, 'settings.update', { ...settings, readinessThreshold: 'warning' })
    await api(page, host, 'queue.move', { id: article.id, to: 'in_review' })
    await page.getByRole('button', { name: 'قائمة النشر' }).click()
    await page.getByLabel('نقل إلى… زيارة القيادات').selectOption({ label: 'جاهز' })
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText('2 من ملاحظات التدقيق تمنع جاهزيته')
    await dialog.getByRole('button', { name: 'نقل' }).click()
    await expect(dialog.getByRole('alert')).toBeVisible()
    await dialog.getByLabel('سبب تجاوز ملاحظات التدقيق').fill('النص منقول حرفيًا عن البيان')
    await dialog.getByRole('button', { name: 'نقل' }).click()
    await expect(page.getByRole('region', { name: /^جاهز/ })).toContainText('زيارة القيادات')
    const ready = await api(page, host, 'articles.get', article.id)
    expect(ready.history.at(-1)).toMatchObject({
      to: 'ready',
      override: { reason: 'النص منقول حرفيًا عن البيان', findings: 2 },
    })
  },
)
