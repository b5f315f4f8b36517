import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { api, deskTest, recoveryCopies } from './host.js'

const banner = 'وُجد نص غير محفوظ من جلسة سابقة'

deskTest(
  'a new article typed without a pause and saved is not offered back after a reload',
  async ({ page, desk }) => {
    await page.goto(desk.host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await page.getByLabel('العنوان', { exact: true }).fill('خبر كُتب دفعة واحدة')
    await page.getByRole('textbox', { name: 'نص المقال' }).click()
    // Long enough (≈ 5 s) that recovery copies are kept while the text is still unsaved.
    await page.keyboard.type('كتب المحرر هذه الفقرة كلها دون توقف حتى آخرها. '.repeat(3), {
      delay: 35,
    })
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const [row] = (await api(page, desk.host, 'articles.list')) as { id: string }[]
    await expect.poll(() => recoveryCopies(desk.dataDir, row!.id)).toEqual([])
    await page.reload()
    await expect(page.getByRole('navigation', { name: 'المكتبة' })).toContainText('دفعة واحدة')
    await expect(page.getByRole('alert', { name: banner })).toHaveCount(0)
  },
)

deskTest(
  "two tabs on one article: the conflicted tab's words survive the other's saves",
  async ({ page, context, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await page.getByLabel('العنوان', { exact: true }).fill('خبر في تبويبين')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const other = await context.newPage()
    await other.goto(host.url)
    await other.getByRole('button', { name: /خبر في تبويبين/ }).click()

    // The second tab saves first; the first tab's next save is then a conflict.
    const theirs = other.getByRole('textbox', { name: 'نص المقال' })
    await theirs.click()
    await other.keyboard.type('نص التبويب الثاني')
    await expect(other.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const mine = page.getByRole('textbox', { name: 'نص المقال' })
    await mine.click()
    await page.keyboard.type('كلمات التبويب الأول التي لم تُحفظ')
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'failed')
    const [{ id }] = (await api(page, host, 'articles.list')) as [{ id: string }]
    await expect.poll(() => recoveryCopies(desk.dataDir, id), { timeout: 15_000 }).toHaveLength(1)

    // The second tab goes on saving: the first tab's copy stays.
    await theirs.click()
    await other.keyboard.press('Control+End')
    await other.keyboard.type(' ومزيد')
    await expect(other.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    await other.waitForTimeout(4_000)
    expect(recoveryCopies(desk.dataDir, id)).toHaveLength(1)

    // The first tab is reloaded: its words are offered back.
    await page.reload()
    const offer = page.getByRole('alert', { name: banner })
    await expect(offer).toContainText('خبر في تبويبين')
    await offer.getByRole('button', { name: 'استعادة' }).click()
    await expect(page.getByRole('textbox', { name: 'نص المقال' })).toContainText(
      'كلمات التبويب الأول التي لم تُحفظ',
    )
  },
)

deskTest(
  'an article damaged between two starts comes back from its revision, and the desk says so',
  async ({ page, desk }) => {
    await page.goto(desk.host.url)
    const article = (await api(page, desk.host, 'articles.create', {
      headline: 'خبر سيتلف ملفه',
    })) as { id: string }
    await writeFile(join(desk.dataDir, 'articles', `${article.id}.json`), '{"id": "مقطوع')
    const host = await desk.restart()
    await page.goto(host.url)
    const notice = page.getByRole('status', { name: 'أصلح مداد المكتبة عند فتحها' })
    await expect(notice).toContainText('«خبر سيتلف ملفه»')
    await expect(notice).toContainText('استُعيد من نسخته رقم 1')
    await expect(notice).toContainText('quarantine')
    await page.getByRole('button', { name: /خبر سيتلف ملفه/ }).click()
    await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('خبر سيتلف ملفه')
    await notice.getByRole('button', { name: 'إخفاء' }).click()
    await expect(notice).toHaveCount(0)
  },
)
