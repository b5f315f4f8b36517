import { describe, expect, it } from 'vitest'
import { parseSiteText, serializeSiteText, siteMetaLine } from '../../../shared/site-text.js'
import { siteFixtures } from '../fixtures.js'

const zone = 'Asia/Baghdad'
const fixtures = siteFixtures()

describe('the site text format', () => {
  it('has fixtures to test against', () => {
    expect(fixtures.length).toBeGreaterThan(0)
  })

  for (const { name, text } of fixtures) {
    it(`round-trips ${name} byte for byte`, () => {
      const parsed = parseSiteText(text, zone)
      expect(parsed.ok).toBe(true)
      if (!parsed.ok) return
      expect(parsed.warnings).toEqual([])
      expect(serializeSiteText(parsed.article, zone)).toBe(text)
    })

    it(`rebuilds the date line of ${name} from its fields, character for character`, () => {
      const parsed = parseSiteText(text, zone)
      if (!parsed.ok) throw new Error(parsed.message)
      expect(siteMetaLine(parsed.article, zone)).toBe(text.split('\n')[2])
    })

    it(`reads ${name} the same with CRLF, a BOM and a trailing newline`, () => {
      const variant = `\uFEFF${text.replace(/\n/g, '\r\n')}\r\n`
      const a = parseSiteText(text, zone)
      const b = parseSiteText(variant, zone)
      expect(b).toEqual(a)
      if (b.ok) expect(serializeSiteText(b.article, zone)).toBe(text)
    })
  }

  it('reads the fixture fields and keeps every no-break space', () => {
    const parsed = parseSiteText(fixtures[0]!.text, zone)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.article).toMatchObject({
      headline: 'الكاظمي: أدعو إلى تنسيق أكبر بين الأجهزة الأمنية',
      publishedAt: '2021-06-17T04:15:00.000Z',
      visits: 238,
      comments: 0,
      section: 'العراق',
    })
    expect(parsed.article.paragraphs).toHaveLength(14)
    expect(parsed.article.paragraphs.some((p) => p.startsWith('\u00a0'))).toBe(true)
    expect(parsed.article.paragraphs.some((p) => p.includes('من\u00a0 1400'))).toBe(true)
  })

  const article = (meta: string) => `عنوان\n\n${meta}\n\n\u00a0\u00a0\n\n\nفقرة أولى\n\nفقرة ثانية`

  it('warns about a weekday that does not match the date', () => {
    const parsed = parseSiteText(article('تاريخ الإضافة الجمعة 17 حزيران 2021 - 7:15 ص'), zone)
    expect(parsed.ok && parsed.warnings[0]).toEqual({
      code: 'site-weekday-mismatch',
      params: { weekday: 'الجمعة', expected: 'الخميس', line: 3 },
    })
  })

  it('takes missing figures as 0 and the section as empty', () => {
    const parsed = parseSiteText(article('تاريخ الإضافة الخميس 17 حزيران 2021 - 7:15 م'), zone)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.article).toMatchObject({ visits: 0, comments: 0, section: '' })
    expect(parsed.article.publishedAt).toBe('2021-06-17T16:15:00.000Z')
    expect(parsed.article.paragraphs).toEqual(['فقرة أولى', 'فقرة ثانية'])
    expect(parsed.warnings).toHaveLength(2)
  })

  it('reads Arabic-Indic digits in the date line', () => {
    const parsed = parseSiteText(
      article('تاريخ الإضافة الخميس ١٧ حزيران ٢٠٢١ - ٧:١٥ ص \u00a0\u00a0\u00a0عدد الزيارات ٢٣٨'),
      zone,
    )
    expect(parsed.ok && parsed.article.visits).toBe(238)
  })

  it('names the line of a missing headline or date line', () => {
    expect(parseSiteText('\n\nتاريخ الإضافة', zone)).toMatchObject({ ok: false, line: 1 })
    expect(parseSiteText('عنوان\n\nنص بلا تاريخ', zone)).toMatchObject({
      ok: false,
      line: 3,
      message: expect.stringContaining('تاريخ الإضافة'),
    })
    expect(parseSiteText('عنوان\n\nتاريخ الإضافة أمس', zone)).toMatchObject({ ok: false, line: 3 })
    expect(
      parseSiteText(article('تاريخ الإضافة الخميس 17 حزيرانو 2021 - 7:15 ص'), zone),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown month'),
    })
  })

  it('refuses an impossible date with its line, and takes 29 شباط of a leap year', () => {
    const refused = parseSiteText(article('تاريخ الإضافة الخميس 30 شباط 2023 - 7:15 ص'), zone)
    expect(refused).toMatchObject({
      ok: false,
      line: 3,
      reason: {
        code: 'site-date-impossible',
        params: { day: 30, month: 'شباط', year: 2023, days: 28, line: 3 },
      },
    })
    expect(!refused.ok && refused.message).toBe('line 3: شباط 2023 has 28 days, not 30')
    expect(parseSiteText(article('تاريخ الإضافة الخميس 29 شباط 2024 - 7:15 ص'), zone).ok).toBe(true)
    expect(parseSiteText(article('تاريخ الإضافة الخميس 31 نيسان 2024 - 7:15 ص'), zone).ok).toBe(
      false,
    )
  })
})
