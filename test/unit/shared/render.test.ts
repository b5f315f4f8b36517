import { describe, expect, it } from 'vitest'
import type { Delta } from '../../../shared/article.js'
import { renderBodyHtml } from '../../../shared/render-html.js'
import { renderBodyMarkdown } from '../../../shared/render-markdown.js'

const rtl = { direction: 'rtl', align: 'right' }
const body: Delta = {
  ops: [
    { insert: 'عنوان فرعي' },
    { insert: '\n', attributes: { header: 1, ...rtl } },
    { insert: 'زار Paris في 2021 ' },
    { insert: 'غامق', attributes: { bold: true } },
    { insert: ' <script>x</script> & ' },
    { insert: 'خطر', attributes: { link: 'javascript:alert(1)' } },
    { insert: ' ' },
    { insert: 'آمن', attributes: { link: 'https://news.example/a?b=1&c=2' } },
    { insert: '\n', attributes: rtl },
    { insert: 'أول' },
    { insert: '\n', attributes: { list: 'bullet', ...rtl } },
    { insert: 'ثان' },
    { insert: '\n', attributes: { list: 'bullet', ...rtl } },
    { insert: { image: 'صورة.png' }, attributes: { alt: 'وصف', caption: 'تعليق' } },
    { insert: '\n' },
    { insert: '1. ليس قائمة\n' },
  ],
}

describe('the body as HTML', () => {
  it('escapes every text, isolates Latin runs, keeps only safe links, and makes figures', () => {
    expect(renderBodyHtml(body, (file) => `/media/a/${file}`)).toBe(
      [
        '<h2 dir="rtl" class="align-right">عنوان فرعي</h2>',
        '<p dir="rtl" class="align-right">زار <bdi dir="ltr">Paris</bdi> في <bdi dir="ltr">2021</bdi> <strong>غامق</strong> &lt;<bdi dir="ltr">script</bdi>&gt;<bdi dir="ltr">x</bdi>&lt;/<bdi dir="ltr">script</bdi>&gt; &amp; خطر <a href="https://news.example/a?b=1&amp;c=2">آمن</a></p>',
        '<ul><li dir="rtl" class="align-right">أول</li><li dir="rtl" class="align-right">ثان</li></ul>',
        '<figure><img src="/media/a/صورة.png" alt="وصف"><figcaption>تعليق</figcaption></figure>',
        '<p dir="ltr">1. ليس قائمة</p>',
      ].join('\n'),
    )
  })

  it('leaves out images it cannot address', () => {
    expect(renderBodyHtml(body)).not.toContain('<img')
  })
})

describe('the body as Markdown', () => {
  it('writes CommonMark with escapes, lists together and only safe links', () => {
    expect(renderBodyMarkdown(body)).toBe(
      [
        '## عنوان فرعي',
        'زار Paris في 2021 **غامق** \\<script\\>x\\</script\\> \\& خطر [آمن](<https://news.example/a?b=1&c=2>)',
        '- أول\n- ثان',
        // Left to right by its line, Arabic by its first letter: a mark keeps its direction.
        '\u200E1\\. ليس قائمة',
      ].join('\n\n'),
    )
  })
})
