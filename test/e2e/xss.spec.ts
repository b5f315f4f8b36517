import { expect, type Page, test } from '@playwright/test'
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { payloads } from '../fixtures/xss/payloads.js'
import { api, deskTest } from './host.js'

/**
 * The XSS corpus (issue #17). A canary, `xssFired(n)`, is exposed to every frame of the page;
 * each payload calls it if anything runs it. First the canary is shown to fire: every payload
 * runs on a bare page, served without our sanitiser or CSP (its links and buttons clicked).
 * Then the same payloads go through every way text enters the desk, and nothing fires.
 */
async function canary(page: Page): Promise<number[]> {
  const fired: number[] = []
  await page.exposeBinding('xssFired', (_source, id: number) => void fired.push(id))
  return fired
}

/**
 * A Word file carrying the corpus every way one can: each payload as a paragraph's text, as a
 * link's target and as the fields Midad reads from custom properties, plus script and data links.
 */
async function hostileDocx(all: string[]): Promise<string> {
  const links = [
    'javascript:xssFired(990)',
    ' JaVaScRiPt:xssFired(991)',
    'data:text/html,x',
    ...all,
  ]
  const document = new Document({
    customProperties: [
      { name: 'midad:kicker', value: all[3]! },
      { name: 'midad:summary', value: all[11]! },
      { name: 'midad:byline', value: all[19]! },
      { name: 'midad:source', value: all[22]! },
    ],
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('خبر وورد معاد')] }),
          ...all.map((html) => new Paragraph({ children: [new TextRun(html)] })),
          ...links.map(
            (link, n) =>
              new Paragraph({
                children: [new ExternalHyperlink({ link, children: [new TextRun(`رابط ${n}`)] })],
              }),
          ),
        ],
      },
    ],
  })
  return (await Packer.toBuffer(document)).toString('base64')
}

/** Whether the canary fired for `id` within `ms`. */
async function firedWithin(fired: number[], id: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!fired.includes(id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
  return fired.includes(id)
}

/** Clicks whatever a payload offers to click, as an editor might. */
async function clickAll(page: Page) {
  for (const frame of page.frames()) {
    for (const target of await frame.locator('a, button, input[type=submit]').all()) {
      await target.click({ timeout: 500, force: true, noWaitAfter: true }).catch(() => undefined)
    }
  }
}

/** What the desk's page holds that could run: handlers, script URLs, frames, foreign scripts. */
const runnable = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = []
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`)
        if (/^\s*(javascript|data|vbscript):/i.test(attribute.value) && attribute.name !== 'src')
          found.push(`${element.tagName} ${attribute.name}=${attribute.value.slice(0, 40)}`)
      }
      if (
        /^(iframe|object|embed|base|meta|template)$/i.test(element.tagName) &&
        element.closest('body')
      )
        found.push(element.tagName)
    }
    // The desk's own bundle, and an exported page's JSON-LD (data, which must still parse).
    const isData = (script: HTMLScriptElement) => {
      if (script.type !== 'application/ld+json') return false
      try {
        JSON.parse(script.textContent ?? '')
        return true
      } catch {
        return false
      }
    }
    const own = [...document.scripts].filter(
      (script) => !script.src.includes('/assets/') && !isData(script),
    )
    if (own.length) found.push(`${own.length} scripts of no file of ours`)
    return found
  })

test('the canary fires: every payload runs on a bare page', async ({ page }) => {
  const fired = await canary(page)
  const silent: number[] = []
  for (const { id, html } of payloads) {
    // Every other address on the bare page answers 404 at once, so an error handler fires
    // without waiting on a network this machine may not have.
    await page.route('http://bare.test/**', (route) =>
      new URL(route.request().url()).pathname === '/'
        ? route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><html><body>${html}</body></html>`,
          })
        : route.fulfill({ status: 404, body: '' }),
    )
    await page.goto('http://bare.test/').catch(() => undefined)
    // A loaded machine can take more than a moment to run an event handler: wait for the
    // canary up to a deadline rather than a fixed pause.
    if (!(await firedWithin(fired, id, 1000))) await clickAll(page)
    if (!(await firedWithin(fired, id, 1500))) silent.push(id)
    await page.unroute('http://bare.test/**')
  }
  expect(silent.map((id) => `${id}: ${payloads[id]!.html}`)).toEqual([])
  expect(payloads.length).toBeGreaterThanOrEqual(50)
  // The desk's second detector, what a page holds that could run, finds it on a bare page too.
  const bare = `<!doctype html><body>${payloads.map((p) => p.html).join('')}</body>`
  await page.route('http://bare.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: bare }),
  )
  await page.goto('http://bare.test/').catch(() => undefined)
  const found = await runnable(page)
  expect(found).toEqual(expect.arrayContaining(['IMG onerror', 'IFRAME', 'svg onload']))
})

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const all = payloads.map((p) => p.html)

deskTest(
  'nothing of the corpus runs in the desk: paste, fields, imports, preview, notes, exported page',
  async ({ page, desk }) => {
    const { host } = desk
    const fired = await canary(page)
    await page.goto(host.url)

    // Imports of HTML, Markdown, DOCX and site text, each carrying every payload.
    const siteText = [
      'خبر نصي معاد',
      '',
      'تاريخ الإضافة الخميس 17 حزيران 2021 - 7:15 ص    عدد الزيارات 238    التعليقات 0    القسم العراق',
      '',
      ...all.flatMap((html) => [html, '']),
    ].join('\n')
    const report = await api(page, host, 'import.files', {
      files: [
        {
          name: 'hostile.html',
          base64: b64(`<html><body><h1>خبر HTML معاد</h1>${all.join('\n')}</body></html>`),
        },
        {
          name: 'hostile.md',
          base64: b64(`---\ntitle: خبر ماركداون معاد\n---\n\n${all.join('\n\n')}\n`),
        },
        { name: 'hostile.txt', base64: b64(siteText) },
        { name: 'hostile.docx', base64: await hostileDocx(all) },
      ],
    })
    // Imported, not refused: refusing a hostile file would lose the story's text.
    expect(report.imported).toHaveLength(4)
    expect(report.failed).toEqual([])
    // …and said: what the sanitiser removed from the HTML, the Markdown and the DOCX's links
    // (site text is text, and so is a DOCX's own text).
    const removed = report.warnings
      .filter((w: { detail: { code: string } }) => w.detail.code === 'import-active-removed')
      .map((w: { file: string }) => w.file)
    expect(removed.sort()).toEqual(['hostile.docx', 'hostile.html', 'hostile.md'])
    // The single-line fields and the metadata, each a payload as text.
    const fields = await api(page, host, 'articles.create', { headline: `خبر الحقول ${all[1]}` })
    await api(page, host, 'articles.save', {
      id: fields.id,
      baseRevision: fields.revision,
      changes: {
        kicker: all[2],
        summary: all[9],
        byline: all[18],
        source: all[21],
        place: all[30],
        tags: [all[40]!.slice(0, 100)],
        editorNote: all[47],
        body: { ops: [{ insert: `${all.join(' ')}\n` }] },
      },
    })
    // Notes, one a payload each.
    for (const html of all.slice(0, 20))
      await api(page, host, 'notes.add', { id: fields.id, text: html })
    await page.reload()

    for (const headline of [
      /خبر HTML معاد/,
      /خبر ماركداون معاد/,
      /خبر نصي معاد/,
      /خبر وورد معاد/,
      /خبر الحقول/,
    ]) {
      await page.getByRole('button', { name: headline }).first().click()
      await expect(page.getByRole('textbox', { name: 'نص المقال' })).toBeVisible()
      for (const tab of ['معاينة', 'ملاحظات', 'التدقيق', 'البيانات']) {
        await page.getByRole('tab', { name: new RegExp(tab) }).click()
        await page.waitForTimeout(100)
      }
      await page.getByRole('tab', { name: /معاينة/ }).click()
      // Nothing is clicked in the desk (its own buttons would act): a link that could run is
      // found by what it holds instead.
      expect(await runnable(page), String(headline)).toEqual([])
    }

    // Pasted into the body, one payload at a time.
    const body = page.getByRole('textbox', { name: 'نص المقال' })
    await body.click()
    await body.evaluate((element, htmls) => {
      for (const html of htmls) {
        const data = new DataTransfer()
        data.setData('text/html', html)
        data.setData('text/plain', 'x')
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
      }
    }, all)
    await expect(body).toContainText('غامق')
    expect(await runnable(page)).toEqual([])

    // The exported page, opened on its own, without the desk's CSP: clean by itself.
    for (const id of (await api(page, host, 'articles.list')).map((a: { id: string }) => a.id)) {
      const file = await api(page, host, 'export.download', { id, format: 'html' })
      const html = Buffer.from(file.base64, 'base64').toString('utf8')
      const exported = await page.context().newPage()
      const firedThere = await canary(exported)
      await exported.route('http://export.test/', (route) =>
        route.fulfill({ contentType: 'text/html', body: html }),
      )
      await exported.goto('http://export.test/')
      expect(await runnable(exported), `exported ${id}`).toEqual([])
      await clickAll(exported)
      await exported.waitForTimeout(300)
      expect(firedThere, `exported ${id}`).toEqual([])
      await exported.close()
    }

    await page.waitForTimeout(500)
    expect(fired).toEqual([])
  },
)
