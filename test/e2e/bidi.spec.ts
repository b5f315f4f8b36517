import { type Locator, type Page, expect } from '@playwright/test'
import { api, deskTest } from './host.js'

/**
 * Where each character of `wanted` is drawn inside `element`, left to right on the screen: the
 * drawn order, not the markup (Range rectangles of each character of the element's text).
 */
async function drawnOrder(element: Locator, wanted: string): Promise<string> {
  return element.evaluate((root, chars) => {
    const drawn: { char: string; left: number }[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      for (let i = 0; i < text.length; i++) {
        if (!chars.includes(text[i]!)) continue
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        drawn.push({ char: text[i]!, left: range.getBoundingClientRect().left })
      }
    }
    return drawn
      .sort((a, b) => a.left - b.left)
      .map((d) => d.char)
      .join('')
  }, wanted)
}

const headline = 'قالت منظمة "OPEC+" إن الإنتاج ارتفع بنسبة 12%'

deskTest(
  'a Latin run in Arabic text is drawn as written, its signs with it',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await api(page, host, 'articles.create', {
      headline,
      body: {
        ops: [
          { insert: 'ذكرت شبكة (CNN) أن "OPEC+" رفعت الإنتاج.' },
          { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
        ],
      },
    })
    await page.reload()
    const row = page.getByRole('button', { name: /قالت منظمة/ })
    // "OPEC+" left to right with its sign after it, the figure with its percent sign after it.
    expect(await drawnOrder(row.locator('.item-headline'), 'OPEC+')).toBe('OPEC+')
    expect(await drawnOrder(row.locator('.item-headline'), '12%')).toBe('12%')
    await row.click()
    await page.getByRole('tab', { name: 'معاينة' }).click()
    const preview = page.getByRole('region', { name: 'معاينة المقال كما يظهر في الموقع' })
    const paragraph = preview.locator('p', { hasText: 'CNN' })
    // Right to left: the later "OPEC+" is drawn left of the earlier (CNN), each as written.
    expect(await drawnOrder(paragraph, '(CNN)+OPE')).toBe('OPEC+(CNN)')
    expect(await drawnOrder(preview.locator('h1'), 'OPEC+')).toBe('OPEC+')
  },
)

deskTest(
  "Latin words are set in Noto Naskh Arabic's own Latin, on the desk and in the exported page",
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const created = await api(page, host, 'articles.create', {
      headline: 'خبر فيه Reuters',
      body: {
        ops: [
          { insert: 'نقلت وكالة Reuters الخبر.' },
          { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
        ],
      },
    })
    await page.reload()
    await page.getByRole('button', { name: /خبر فيه/ }).click()
    await page.getByRole('tab', { name: 'معاينة' }).click()
    await expect(page.locator('.site-body bdi')).toHaveText('Reuters')
    await page.evaluate(() => document.fonts.ready)
    // The fonts Chromium really drew the glyphs with (CSS.getPlatformFontsForNode).
    const drawnWith = async (on: Page, selector: string) => {
      const cdp = await on.context().newCDPSession(on)
      await cdp.send('DOM.enable')
      await cdp.send('CSS.enable')
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
      await cdp.detach()
      return fonts.map((font) => font.familyName)
    }
    expect(await drawnWith(page, '.site-body bdi')).toEqual(['Noto Naskh Arabic'])
    expect(await drawnWith(page, '.site-headline bdi')).toEqual(['Noto Naskh Arabic'])

    // The exported page carries the same faces inside it: no font of the reader's machine.
    const file = await api(page, host, 'export.download', { id: created.id, format: 'html' })
    const reader = await page.context().newPage()
    await reader.setContent(Buffer.from(file.base64, 'base64').toString('utf8'))
    await reader.evaluate(() => document.fonts.ready)
    expect(await drawnWith(reader, 'article p bdi')).toEqual(['Noto Naskh Arabic'])
    expect(await drawnWith(reader, 'h1 bdi')).toEqual(['Noto Naskh Arabic'])
  },
)

deskTest(
  'in the editor a Latin run is drawn as written, and the saved text carries no trace of it',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await body.click()
    await page.keyboard.type('قالت منظمة "OPEC+" إن الإنتاج ارتفع بنسبة 12% هذا العام')
    const paragraph = body.locator('p').first()
    await expect(paragraph.locator('bdi')).toHaveText(['"OPEC+"', '12%'])
    expect(await drawnOrder(paragraph, 'OPEC+')).toBe('OPEC+')
    expect(await drawnOrder(paragraph, '12%')).toBe('12%')
    // Typing Arabic after a run does not carry the run on.
    await page.keyboard.type(' وفي (CNN)')
    await expect(paragraph.locator('bdi')).toHaveText(['"OPEC+"', '12%', '(CNN)'])
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const [row] = await api(page, host, 'articles.list')
    const saved = await api(page, host, 'articles.get', row.id)
    expect(JSON.stringify(saved.body)).not.toContain('latin')
    expect(saved.body.ops).toEqual([
      { insert: 'قالت منظمة "OPEC+" إن الإنتاج ارتفع بنسبة 12% هذا العام وفي (CNN)' },
      { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
    ])
  },
)

deskTest(
  'the headline field draws a Latin run as written; it stays one line of plain text',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    await page.getByRole('button', { name: 'مقال جديد' }).click()
    const headline = page.getByLabel('العنوان', { exact: true })
    await expect(headline).toBeFocused()
    await page.keyboard.type('قالت "OPEC+" إن')
    await page.keyboard.press('Enter')
    await page.keyboard.type(' الإنتاج ارتفع')
    await expect(headline).toHaveText('قالت "OPEC+" إن الإنتاج ارتفع')
    expect(await drawnOrder(headline, 'OPEC+')).toBe('OPEC+')
    // A paste of several lines comes in as one line.
    await headline.evaluate((element) => {
      const data = new DataTransfer()
      data.setData('text/plain', '\nفي\nالربع الأول')
      data.setData('text/html', '<p><b>في</b></p><p>الربع الأول</p>')
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    })
    await expect(headline).toHaveText('قالت "OPEC+" إن الإنتاج ارتفع في الربع الأول')
    await expect(headline.locator('strong, b')).toHaveCount(0)
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const [row] = await api(page, host, 'articles.list')
    expect(row.headline).toBe('قالت "OPEC+" إن الإنتاج ارتفع في الربع الأول')
  },
)
