// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { htmlToDeltaOps } from '../../../renderer/editor/paste.js'

describe('converting a large paste', () => {
  it('keeps paragraphs, emphasis, lists and safe links, and drops the rest', () => {
    const ops = htmlToDeltaOps(
      '<style>p{color:red}</style><p style="color:red">نص <b>غامق</b> <a href="https://news.example/a">رابط</a> <a href="javascript:alert(1)">خطر</a></p>' +
        '<ul><li>بند</li></ul><h2>Heading</h2><script>alert(1)</script><img src="https://tracker.example/x.png">',
    )
    expect(ops).toEqual([
      { insert: 'نص ' },
      { insert: 'غامق', attributes: { bold: true } },
      { insert: ' ' },
      { insert: 'رابط', attributes: { link: 'https://news.example/a' } },
      // The unsafe link's text stays, as plain text: one run with the space before it.
      { insert: ' خطر' },
      { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
      { insert: 'بند' },
      { insert: '\n', attributes: { list: 'bullet', direction: 'rtl', align: 'right' } },
      { insert: 'Heading' },
      { insert: '\n', attributes: { header: 1 } },
    ])
  })
})

describe('one converter for paste and import', () => {
  it('gives the same Delta from the browser parser and from the core parser', async () => {
    const { blocksToDelta, htmlToBlocks, sanitizeImportedHtml } =
      await import('../../../electron/core/import/html-to-delta.js')
    const html =
      '<h1>عنوان</h1><p dir="ltr">An English line with <i>OPEC+</i></p>' +
      '<blockquote>اقتباس <u>مهم</u></blockquote><ol><li>أول</li><li>ثان</li></ol>' +
      '<table><tr><td>خلية</td><td>أخرى</td></tr></table><p>سطر<br>ثان</p>'
    const fromImport = blocksToDelta(htmlToBlocks(sanitizeImportedHtml(html)).blocks).ops
    expect(htmlToDeltaOps(html)).toEqual(fromImport)
    // Both ways keep the structure, with one direction rule.
    expect(fromImport.filter((op) => op.insert === '\n').map((op) => op.attributes)).toEqual([
      { header: 1, direction: 'rtl', align: 'right' },
      {},
      { blockquote: true, direction: 'rtl', align: 'right' },
      { list: 'ordered', direction: 'rtl', align: 'right' },
      { list: 'ordered', direction: 'rtl', align: 'right' },
      // Each table cell a line of its own, right to left by its Arabic text.
      { direction: 'rtl', align: 'right' },
      { direction: 'rtl', align: 'right' },
      { direction: 'rtl', align: 'right' },
      { direction: 'rtl', align: 'right' },
    ])
  })
})

describe('Quill markup for a large paste', () => {
  it('writes Quill’s own blot markup, escaped', async () => {
    const { quillHtml } = await import('../../../renderer/editor/quill-html.js')
    const html = quillHtml(
      {
        ops: [
          { insert: 'عنوان' },
          { insert: '\n', attributes: { header: 2, direction: 'rtl', align: 'right' } },
          { insert: '<b>نص</b>', attributes: { bold: true } },
          { insert: ' ' },
          { insert: 'رابط', attributes: { link: 'javascript:alert(1)' } },
          { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
          { insert: 'بند' },
          { insert: '\n', attributes: { list: 'bullet' } },
          { insert: { image: 'صورة.png' }, attributes: { alt: 'وصف' } },
          { insert: '\n' },
        ],
      },
      (file) => `/media/x/${file}`,
    )
    expect(html).toBe(
      '<h2 class="ql-direction-rtl ql-align-right">عنوان</h2>' +
        '<p class="ql-direction-rtl ql-align-right"><strong>&lt;b&gt;نص&lt;/b&gt;</strong> رابط</p>' +
        '<ol><li data-list="bullet">بند</li></ol>' +
        '<p><img data-file="صورة.png" src="/media/x/صورة.png" alt="وصف"></p>',
    )
  })
})
