import type { Article, DeltaAttributes, DeltaOp } from '../../../shared/article.js'
import { deltaLines } from '../../../shared/delta.js'
import { newArticle } from '../../../electron/core/articles.js'

/**
 * Texts that a careless writer turns into markup: HTML, Markdown block and inline syntax,
 * entities, bare links, YAML's own signs, doubled spaces, and Arabic with its marks.
 */
export const hostileTexts = [
  '<script>alert(1)</script> عنوان فيه وسم',
  '# ليس عنوانًا',
  '**ليس غامقًا** و_ليس مائلًا_ و*ولا هذا*',
  'قال: "لا" و\'نعم\' — و«بين قوسين»',
  '&amp; &lt;b&gt; &#169; كيانات لا تُفك',
  '[ليس رابطًا](javascript:alert(1)) و![ولا صورة](x.png)',
  '- ليس بندًا',
  '+ ولا هذا',
  '1. ليس رقمًا في قائمة',
  '2) ولا هذا',
  '---',
  '> ليس اقتباسًا',
  '=== ليس سطرًا تحته',
  ': ليس تعريفًا',
  '```ليس شيفرة```',
  'شرطة مائلة \\ في النص و\\*',
  'جدول | ليس | جدولًا',
  '~~ليس مشطوبًا~~ و$x$ و^a^',
  'www.example.com و user@example.com و https://example.org/a_b',
  'مسافتان  بين كلمتين  هنا',
  'أوبك+ "OPEC+" و(CNN) و12% في النص',
  'إِنَّ التَّشْكِيلَ يبقى كما هو',
  'كلمة\u200cبفاصل وعلامة\u200fاتجاه',
  '<b onmouseover="x()">وسم بحدث</b>',
  'title: "ليس مفتاحًا"',
  '{{ قالب }} و{% وسم %}',
]

const line = (attributes: DeltaAttributes = {}): DeltaOp => ({
  insert: '\n',
  attributes: { direction: 'rtl', align: 'right', ...attributes },
})

/** A body with every block format and emphasis, around the hostile paragraphs. */
function corpusBody(paragraphs: string[]): { ops: DeltaOp[] } {
  const ops: DeltaOp[] = []
  ops.push({ insert: 'عنوان فرعي' }, line({ header: 1 }))
  for (const text of paragraphs) ops.push({ insert: text }, line())
  ops.push({ insert: 'اقتباس من الوزير' }, line({ blockquote: true }))
  ops.push({ insert: 'بند أول' }, line({ list: 'bullet' }), { insert: 'بند ثان' })
  ops.push(line({ list: 'bullet' }))
  ops.push({ insert: 'خطوة أولى' }, line({ list: 'ordered' }), { insert: 'خطوة ثانية' })
  ops.push(line({ list: 'ordered' }))
  ops.push(
    { insert: 'فقرة فيها ' },
    { insert: 'غامق', attributes: { bold: true } },
    { insert: ' و' },
    { insert: 'مائل', attributes: { italic: true } },
    { insert: ' و' },
    { insert: 'رابط', attributes: { link: 'https://example.org/خبر?a=1&b=2' } },
    { insert: '.' },
    line(),
  )
  ops.push({ insert: 'An English paragraph, left to right.' }, { insert: '\n' })
  return { ops }
}

/** Articles whose every field is hostile in turn: one per hostile text as the headline. */
export function hostileArticles(): Article[] {
  return hostileTexts.map((text, index) => {
    const article = newArticle(
      `corpus${String(index).padStart(6, '0')}`,
      {
        headline: text,
        kicker: hostileTexts[(index + 1) % hostileTexts.length],
        summary: hostileTexts[(index + 2) % hostileTexts.length],
        byline: 'سارة "الصحفية" <b>',
        place: 'بغداد: المنطقة الخضراء',
        section: 'سياسة',
        tags: ['سياسة', 'نفط, وغاز', '#وسم'],
        body: corpusBody(hostileTexts),
        publishedAt: '2026-11-30T09:15:00.000Z',
      },
      { at: new Date('2026-11-30T09:00:00Z'), by: 'tester' },
    )
    return { ...article, slug: `corpus-${index}` }
  })
}

/** Each line of a body: its text (every code point), its block format and its direction. */
export function bodyLines(body: { ops: DeltaOp[] }) {
  return deltaLines(body).map((l) => ({
    text: l.runs.map((r) => (typeof r.insert === 'string' ? r.insert : '')).join(''),
    header: l.attributes.header ?? null,
    list: l.attributes.list ?? null,
    blockquote: l.attributes.blockquote ?? null,
    direction: l.attributes.direction ?? null,
  }))
}

/** The fields an import must give back as the export carried them. */
export function carriedFields(article: Article) {
  const { headline, kicker, summary, byline, place, section, tags, slug, publishedAt } = article
  return { headline, kicker, summary, byline, place, section, tags, slug, publishedAt }
}
