import { type Locator, expect } from '@playwright/test'
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
