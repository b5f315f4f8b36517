import { expect, type Page } from '@playwright/test'
import { api, deskTest } from './host.js'

/** The DOM texts the page's spelling marks cover. */
const misspelled = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('midad-style-spelling')
    return highlight ? [...highlight].map((range) => range.toString()).sort() : []
  })

/** Where a word of the body is drawn: the middle of its first occurrence. */
const middleOf = (page: Page, word: string) =>
  page.evaluate((word) => {
    const root = document.querySelector('.body-editor .ql-editor')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(word)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + word.length)
      const box = range.getBoundingClientRect()
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
    }
    throw new Error(`${word} is not in the body`)
  }, word)

deskTest(
  'spelling: misspellings marked, a suggestion taken from the context menu, a name added to the newsroom dictionary',
  async ({ page, desk }) => {
    const { host } = desk
    await page.goto(host.url)
    const article = await api(page, host, 'articles.create', { headline: 'وصول الوزير' })
    await api(page, host, 'articles.save', {
      id: article.id,
      baseRevision: article.revision,
      changes: {
        section: 'سياسة',
        body: { ops: [{ insert: 'زار الوزير مدينة سامراء وقال إن الحكومه مستمرة في عملها.\n' }] },
      },
    })
    await page.reload()
    await page
      .getByRole('button', { name: /وصول الوزير/ })
      .first()
      .click()

    // The dictionary's verdict, drawn over the words without entering the text.
    await expect.poll(() => misspelled(page)).toEqual(['الحكومه', 'سامراء'])

    // A right click on the word: its suggestions, the first the dictionary's best.
    const at = await middleOf(page, 'الحكومه')
    await page.mouse.click(at.x, at.y, { button: 'right' })
    const menu = page.getByRole('menu', { name: 'إملاء «الحكومه»' })

    await expect(menu.getByRole('menuitem').first()).toHaveText('الحكومة')
    await expect(menu.getByRole('menuitem').first()).toBeFocused()
    // The arrows move through it; Escape closes it and gives the focus back to the text.
    await page.keyboard.press('ArrowUp')
    await expect(menu.getByRole('menuitem', { name: 'تجاهل' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await expect(body).toBeFocused()
    // From the keyboard: the caret in the word, Shift+F10, and the first suggestion by Enter.
    await page.mouse.click(at.x, at.y)
    await page.keyboard.press('Shift+F10')
    await expect(menu.getByRole('menuitem', { name: 'الحكومة', exact: true })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(body).toContainText('وقال إن الحكومة مستمرة')
    await expect.poll(() => misspelled(page)).toEqual(['سامراء'])

    // From the proofing tab, by keyboard: the name goes into the newsroom's dictionary.
    await page.getByRole('tab', { name: /التدقيق/ }).click()
    const panel = page.getByRole('region', { name: 'التدقيق' })
    await panel.getByRole('button', { name: 'إملاء «سامراء»' }).focus()
    await page.keyboard.press('Enter')
    await page
      .getByRole('menu', { name: 'إملاء «سامراء»' })
      .getByRole('menuitem', { name: 'أضف «سامراء» إلى قاموس الدار' })
      .click()
    await expect.poll(() => misspelled(page)).toEqual([])
    await expect(panel.locator('[data-rule="spelling"]')).toHaveCount(0)
    const settings = await api(page, host, 'settings.get')
    expect(settings.newsroomWords).toEqual(['سامراء'])
    // Known with the prefixes a place name takes, not only as typed.
    const checked = await api(page, host, 'spelling.check', {
      words: ['وسامراء', 'بسامراء', 'سامراءء'],
    })
    expect(checked.misspelled).toEqual(['سامراءء'])

    // The saved text holds only the editor's fix.
    await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    const saved = await api(page, host, 'articles.get', article.id)
    expect(JSON.stringify(saved.body)).toContain('إن الحكومة مستمرة')
  },
)
