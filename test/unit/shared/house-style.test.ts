import { describe, expect, it } from 'vitest'
import { applyFixes, checkHouseStyle } from '../../../shared/house-style.js'
import { parseSiteText } from '../../../shared/site-text.js'
import { siteFixtures } from '../fixtures.js'

/** The rule ids found in one body paragraph (the headline kept empty). */
const rulesIn = (text: string) => checkHouseStyle(['', text]).map((f) => f.rule)
const fixed = (text: string) => applyFixes(text, checkHouseStyle(['', text]))

describe('house style, rule by rule', () => {
  it('latin-punctuation: in Arabic text, not in Latin runs, numbers or addresses', () => {
    expect(fixed('قال الوزير, ثم سأل: لماذا?')).toBe('قال الوزير، ثم سأل: لماذا؟')
    expect(fixed('قالت الوكالة; وأضافت')).toBe('قالت الوكالة؛ وأضافت')
    expect(rulesIn('نقلت Reuters, AP الخبر')).toEqual([])
    expect(rulesIn('بلغ العدد 1,000 شخص')).toEqual([])
    expect(rulesIn('انظر https://example.org/a?b=1,2 للمزيد')).toEqual([])
  })

  it('space-before-punctuation: before Arabic and Latin signs and a closing quote', () => {
    expect(fixed('قال الوزير ، ثم غادر .')).toBe('قال الوزير، ثم غادر.')
    expect(fixed('«نعم »')).toBe('«نعم»')
    expect(rulesIn('قال: «نعم»، ثم غادر.')).toEqual([])
    expect(rulesIn('وانتظر ...')).toEqual([])
  })

  it('double-space: inside a paragraph, not at its edges', () => {
    expect(fixed('كلمة  أخرى\u00a0 ثالثة')).toBe('كلمة أخرى ثالثة')
    expect(rulesIn(' فقرة تبدأ بمسافة')).toEqual([])
  })

  it('unbalanced-quotes: straight and guillemets, nested quotes fine', () => {
    expect(rulesIn('قال "نعم ثم غادر')).toEqual(['unbalanced-quotes'])
    expect(rulesIn('قال «نعم ثم غادر')).toEqual(['unbalanced-quotes'])
    expect(rulesIn('قال نعم» ثم غادر')).toEqual(['unbalanced-quotes'])
    expect(rulesIn('قال «إن “الاتفاق” و«البند» قائمان»')).toEqual([])
    expect(rulesIn('قال "نعم" ثم غادر')).toEqual([])
  })

  it('doubled-letter: «االقيادات», not the doubles Arabic writes', () => {
    expect(fixed('مع االقيادات العسكرية')).toBe('مع القيادات العسكرية')
    expect(rulesIn('للنفط تتابع ووزير ييسر')).toEqual([])
  })

  it('tatweel, removed', () => {
    expect(fixed('جمـــيل')).toBe('جميل')
    expect(rulesIn('جميل')).toEqual([])
  })

  it('mixed-digits: the runs of the less used system, in any paragraph', () => {
    const findings = checkHouseStyle(['عنوان ٢٠٢١', 'في 2021 قتل 12 وجرح 30'])
    expect(findings.map((f) => [f.rule, f.paragraph, f.offset, f.length])).toEqual([
      ['mixed-digits', 0, 6, 4],
    ])
    expect(checkHouseStyle(['', 'في 2021 قتل 12'])).toEqual([])
  })

  it('invisible-control: a mark that changes nothing, not one that does', () => {
    expect(rulesIn('كلمة\u200fأخرى')).toEqual(['invisible-control'])
    expect(rulesIn('كلمة\u200bأخرى')).toEqual(['invisible-control'])
    expect(fixed('كلمة\u200fأخرى')).toBe('كلمةأخرى')
    // A non-joiner between two Arabic letters changes how they join: kept.
    expect(rulesIn('می\u200cخواهم')).toEqual([])
    // The mark bidi-mark asks for is not flagged.
    expect(rulesIn('منظمة "OPEC+"\u200e في بيانها')).toEqual([])
  })

  it('bidi-mark: a Latin run ending in a sign before Arabic gets the mark that keeps it right', () => {
    expect(rulesIn('منظمة "OPEC+" في بيانها')).toEqual(['bidi-mark'])
    expect(fixed('منظمة "OPEC+" في بيانها')).toBe('منظمة "OPEC+"\u200e في بيانها')
    expect(rulesIn('منظمة OPEC في بيانها')).toEqual([])
  })

  it('hamza-alef and the newsroom’s own replacements, whole words only', () => {
    expect(fixed('ذهب الى السوق واذا عاد')).toBe('ذهب إلى السوق وإذا عاد')
    expect(rulesIn('الاولى')).toEqual([])
    const findings = checkHouseStyle(['', 'زار الموصل'], { replacements: { الموصل: 'نينوى' } })
    expect(applyFixes('زار الموصل', findings)).toBe('زار نينوى')
  })

  it('headline-length, from the limit given, counted in graphemes', () => {
    expect(checkHouseStyle(['عنوانٌ طويل'], { headlineLimit: 5 })).toMatchObject([
      { rule: 'headline-length', paragraph: 0, offset: 6 },
    ])
    expect(checkHouseStyle(['عنوان'], { headlineLimit: 5 })).toEqual([])
  })

  it('takes the newsroom’s choices: rules off, severities changed', () => {
    const text = ['', 'جمـــيل  جدا']
    expect(checkHouseStyle(text, { off: ['tatweel'] }).map((f) => f.rule)).toEqual(['double-space'])
    expect(checkHouseStyle(text, { severities: { tatweel: 'error' } })[0]?.severity).toBe('error')
  })
})

describe('house style on the site’s own articles', () => {
  const articles = siteFixtures().map(({ name, text }) => {
    const parsed = parseSiteText(text, 'Asia/Baghdad')
    if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`)
    return { name, paragraphs: [parsed.article.headline, ...parsed.article.paragraphs] }
  })

  it('finds «االقيادات» where the site printed it', () => {
    const all = articles.flatMap(({ paragraphs }) =>
      checkHouseStyle(paragraphs)
        .filter((f) => f.rule === 'doubled-letter')
        .map((f) => paragraphs[f.paragraph]!.slice(f.offset, f.offset + f.length + 6)),
    )
    expect(all).toContain('االقيادا')
  })

  it('finds nothing once every fix is applied (fixes never make new findings)', () => {
    for (const { name, paragraphs } of articles) {
      const findings = checkHouseStyle(paragraphs)
      let again = paragraphs.map((text, index) =>
        applyFixes(
          text,
          findings.filter((f) => f.paragraph === index),
        ),
      )
      // Overlapping fixes wait for the next round, as an editor's "fix all" would.
      for (let round = 0; round < 3; round++) {
        const next = checkHouseStyle(again)
        again = again.map((text, index) =>
          applyFixes(
            text,
            next.filter((f) => f.paragraph === index),
          ),
        )
      }
      const left = checkHouseStyle(again).filter((f) => f.suggestion !== undefined)
      expect(left, name).toEqual([])
    }
  })

  it('gives a clean article no findings', () => {
    expect(
      checkHouseStyle(['عنوان نظيف', 'قال الوزير إن الخطة تبدأ غدًا، وأضاف: «سننجح».']),
    ).toEqual([])
  })
})
