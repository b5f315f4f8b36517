// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { htmlToDeltaOps } from '../../../renderer/editor/large-paste.js'

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
      { insert: ' ' },
      { insert: 'خطر' },
      { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
      { insert: 'بند' },
      { insert: '\n', attributes: { list: 'bullet', direction: 'rtl', align: 'right' } },
      { insert: 'Heading' },
      { insert: '\n', attributes: { header: 1 } },
    ])
  })
})
