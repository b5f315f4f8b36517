import { describe, expect, it } from 'vitest'
import { deltaLines } from '../../../shared/delta.js'
import { readDraft } from '../../../electron/core/import/import-files.js'
import { importHtml } from '../../../electron/core/import/import-html.js'
import { importMarkdown } from '../../../electron/core/import/import-markdown.js'
import { articleDocx } from '../../../electron/core/export/docx.js'
import { importDocx } from '../../../electron/core/import/import-docx.js'
import { newArticle } from '../../../electron/core/articles.js'
import { defaultSettings } from '../../../shared/settings.js'

const lineText = (line: ReturnType<typeof deltaLines>[number]) =>
  line.runs.map((r) => (typeof r.insert === 'string' ? r.insert : '')).join('')

describe('importing HTML', () => {
  it('keeps structure and emphasis, drops scripts, styles and handlers', () => {
    const draft = importHtml(`<!doctype html><html><head>
      <title>عنوان الصفحة</title>
      <meta name="article:section" content="سياسة">
      <meta name="author" content="سارة علي">
      <meta name="keywords" content="بغداد، قمة, بغداد">
      <meta property="article:published_time" content="2021-06-17T07:15:00+03:00">
      <script>alert(1)</script><style>p{color:red}</style></head>
      <body><h1>القمة   في بغداد</h1>
      <p class="MsoNormal" style="font-family:Arial" onclick="x()">زار <b>الوفد</b> مدينة <a href="https://news.example/a">بغداد</a> و<a href="javascript:alert(1)">هنا</a><o:p></o:p></p>
      <p dir="ltr">An English paragraph</p>
      <ul><li>أول</li><li>ثاني</li></ul>
      <img src="https://tracker.example/x.png"><iframe src="https://evil.example"></iframe>
      <script>document.cookie</script></body></html>`)
    // Spaces typed in a row are text (issue 15: imports kept doubled spaces from then on).
    expect(draft.fields).toMatchObject({
      headline: 'القمة   في بغداد',
      section: 'سياسة',
      byline: 'سارة علي',
      tags: ['بغداد', 'قمة'],
      publishedAt: '2021-06-17T04:15:00.000Z',
    })
    const lines = deltaLines(draft.fields.body!)
    expect(lines.map(lineText)).toEqual([
      'زار الوفد مدينة بغداد وهنا',
      'An English paragraph',
      'أول',
      'ثاني',
    ])
    expect(lines[0]?.attributes).toMatchObject({ direction: 'rtl', align: 'right' })
    expect(lines[1]?.attributes.direction).toBeUndefined()
    expect(lines[2]?.attributes.list).toBe('bullet')
    const ops = JSON.stringify(draft.fields.body)
    expect(ops).toContain('"bold":true')
    expect(ops).toContain('https://news.example/a')
    for (const bad of [
      'javascript',
      'alert',
      'cookie',
      'tracker',
      'evil',
      'font-family',
      'onclick',
    ]) {
      expect(ops, bad).not.toContain(bad)
    }
  })

  it('falls back to the title, and refuses a file with no headline at all', () => {
    expect(importHtml('<title>من العنوان</title><p>نص</p>').fields.headline).toBe('من العنوان')
    expect(() => importHtml('<p>نص فقط</p>')).toThrow(/no headline/)
  })
})

describe('importing Markdown', () => {
  it('reads front matter, its title the headline, a heading after it kept in the body', () => {
    const draft = importMarkdown(
      '---\ntitle: عنوان من المقدمة\ndate: 2021-06-17T07:15:00+03:00\nsection: اقتصاد\nauthor: وكالات\ntags: [نفط, أسعار]\n---\n\n# ارتفاع أسعار النفط\n\nارتفعت **الأسعار** اليوم.\n\n> قال الوزير\n',
    )
    expect(draft.fields).toMatchObject({
      headline: 'عنوان من المقدمة',
      section: 'اقتصاد',
      byline: 'وكالات',
      tags: ['نفط', 'أسعار'],
      publishedAt: '2021-06-17T04:15:00.000Z',
    })
    const lines = deltaLines(draft.fields.body!)
    expect(lines.map(lineText)).toEqual([
      'ارتفاع أسعار النفط',
      'ارتفعت الأسعار اليوم.',
      'قال الوزير',
    ])
    expect(lines[2]?.attributes.blockquote).toBe(true)
  })

  it('takes the first heading without a title, and drops one that repeats the title', () => {
    expect(importMarkdown('# العنوان\n\nنص\n').fields.headline).toBe('العنوان')
    const repeated = importMarkdown('---\ntitle: "العنوان"\n---\n\n# العنوان\n\nنص\n')
    expect(deltaLines(repeated.fields.body!).map(lineText)).toEqual(['نص'])
    // Quotes, escapes and a list of tags come back as the text they stand for.
    const quoted = importMarkdown(
      '---\ntitle: "قال: \\"لا\\""\nsummary: "سطر\\\\آخر"\ntags:\n  - "نفط"\n  - أسعار\n---\n\nنص\n',
    )
    expect(quoted.fields).toMatchObject({
      headline: 'قال: "لا"',
      summary: 'سطر\\آخر',
      tags: ['نفط', 'أسعار'],
    })
  })
})

describe('importing DOCX', () => {
  it('keeps text and paragraph direction through a DOCX written by the export', async () => {
    const article = newArticle(
      'abcdefgh1234',
      {
        headline: 'عنوان الوثيقة',
        body: {
          ops: [
            { insert: 'فقرة عربية أولى' },
            { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
            { insert: 'An English paragraph' },
            { insert: '\n' },
            { insert: 'فقرة ' },
            { insert: 'غامقة', attributes: { bold: true } },
            { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
          ],
        },
      },
      { at: new Date('2021-06-17T04:15:00Z'), by: 'test' },
    )
    const docx = await articleDocx(article, defaultSettings)
    const draft = await importDocx(docx)
    expect(draft.fields.headline).toBe('عنوان الوثيقة')
    const lines = deltaLines(draft.fields.body!)
    const texts = lines.map(lineText)
    const index = (text: string) => texts.indexOf(text)
    expect(index('فقرة عربية أولى')).toBeGreaterThanOrEqual(0)
    expect(lines[index('فقرة عربية أولى')]?.attributes.direction).toBe('rtl')
    expect(lines[index('An English paragraph')]?.attributes.direction).toBeUndefined()
    expect(lines[index('فقرة غامقة')]?.attributes.direction).toBe('rtl')
    expect(JSON.stringify(draft.fields.body)).toContain('"bold":true')
  })

  it('refuses a file that is not a DOCX', async () => {
    await expect(
      readDraft(
        { name: 'broken.docx', bytes: new TextEncoder().encode('not a zip') },
        'Asia/Baghdad',
      ),
    ).rejects.toThrow()
  })
})

describe('choosing an importer', () => {
  it('refuses unknown kinds and text that is not UTF-8', async () => {
    await expect(
      readDraft({ name: 'photo.png', bytes: new Uint8Array([1]) }, 'UTC'),
    ).rejects.toThrow(/unknown kind of file/)
    await expect(
      readDraft({ name: 'latin1.txt', bytes: new Uint8Array([0xe9, 0x20, 0xff]) }, 'UTC'),
    ).rejects.toThrow(/not UTF-8/)
  })
})
