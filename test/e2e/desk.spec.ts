import { expect } from '@playwright/test'
import { api, deskTest, midad } from './host.js'

const headline = 'الكاظمي يدعو إلى تنسيق أمني أكبر بين الأجهزة الأمنية'
const paragraphs = [
  'دعا رئيس الوزراء، مصطفى الكاظمي، إلى تنسيق أمني أكبر بين مختلف القوات.',
  '\u00a0وفي السياق شدد على الاستمرار "بإجراء التدريبات".',
]

deskTest(
  'an article written in the desk survives a restart and shows in midad list',
  async ({ page, desk }) => {
    let { host } = desk
    await page.goto(host.url)
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await page.getByLabel('العنوان', { exact: true }).fill(headline)
    await page.getByRole('textbox', { name: 'نص المقال' }).click()
    for (const [index, paragraph] of paragraphs.entries()) {
      if (index > 0) await page.keyboard.press('Enter')
      await page.keyboard.type(paragraph)
    }
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    await expect(page.getByRole('navigation', { name: 'المكتبة' })).toContainText(headline)

    // While the desk is still open, the CLI reads what the UI created.
    const listed = JSON.parse(await midad('list', '--json', '--data', desk.dataDir))
    expect(listed).toEqual([expect.objectContaining({ headline, state: 'draft' })])
    const shown = JSON.parse(await midad('show', listed[0].id, '--json', '--data', desk.dataDir))
    expect(shown.text).toEqual(paragraphs)

    host = await desk.restart()
    await page.goto(host.url)
    await page.getByRole('button', { name: new RegExp(headline) }).click()
    await expect(page.getByLabel('العنوان', { exact: true })).toHaveText(headline)
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await expect(body.locator('p')).toHaveText(paragraphs.map((p) => p.replace(/^\u00a0/, ' ')))
    expect(await body.locator('p').evaluateAll((ps) => ps.map((p) => p.textContent))).toEqual(
      paragraphs,
    )
  },
)

deskTest(
  'the token is kept across a reload and required for every call',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    expect(page.url()).not.toContain('token=')
    await page.reload()
    await expect(page.getByRole('navigation', { name: 'المكتبة' })).toContainText('بلا عنوان')

    const without = await page.request.post(`${host.origin}/api/articles.list`, { data: [] })
    expect(without.status()).toBe(401)
    const withToken = await page.request.post(`${host.origin}/api/articles.list`, {
      data: [],
      headers: { Authorization: `Bearer ${host.token}` },
    })
    expect(withToken.status()).toBe(200)
    expect((await withToken.json()).value).toHaveLength(1)
    const foreign = await page.request.post(`${host.origin}/api/articles.list`, {
      data: [],
      headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' },
    })
    expect(foreign.status()).toBe(403)
  },
)

deskTest('the English switch flips the direction and is remembered', async ({ page, desk }) => {
  const { host } = desk
  await page.goto(host.url)
  await page.getByRole('button', { name: 'التبديل إلى الإنجليزية' }).click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('button', { name: 'New article' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('button', { name: 'New article' })).toBeVisible()
  await page.getByRole('button', { name: 'Switch to Arabic' }).click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
})

deskTest('a save that cannot reach the desk says so and keeps the text', async ({ page, desk }) => {
  const { host } = desk
  await page.goto(host.url)
  await page.getByRole('button', { name: 'مقال جديد' }).click()
  await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
  await host.stop()
  await page.getByLabel('العنوان', { exact: true }).fill('نص لا يضيع')
  await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'failed')
  await expect(page.locator('.save-status')).toContainText('فشل الحفظ')
  await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('نص لا يضيع')
})

deskTest(
  'a new desk asks the editor’s name once, quietly, and records it',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const prompt = page.getByRole('region', { name: 'اسم المحرر' })
    await expect(prompt).toBeVisible()
    // It takes no focus and blocks nothing: the desk's own controls answer at once.
    await expect(prompt.getByRole('textbox')).not.toBeFocused()
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    await page.getByLabel('العنوان', { exact: true }).fill('خبر باسم المحرر')
    await prompt.getByRole('textbox').fill('سارة علي')
    await prompt.getByRole('button', { name: 'هذا اسمي' }).click()
    await expect(prompt).toHaveCount(0)
    const editor = await api(page, host, 'settings.editor')
    expect(editor.name).toBe('سارة علي')
    // Asked once: not again after a reload.
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    await page.reload()
    await expect(page.getByRole('button', { name: /خبر باسم المحرر/ })).toBeVisible()
    await expect(page.getByRole('region', { name: 'اسم المحرر' })).toHaveCount(0)
  },
)
