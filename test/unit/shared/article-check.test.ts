import { describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article.js'
import { articleFindings } from '../../../shared/article-check.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { settingsPatchSchema } from '../../../shared/schemas.js'
import { defaultSettings, type Settings, withDefaults } from '../../../shared/settings.js'
import { moveRefusalReasons } from '../../../shared/workflow.js'

const article = (headline: string, paragraphs: string[]): Article =>
  ({
    id: 'abcdefgh1234',
    state: 'in_review',
    headline,
    section: 'العراق',
    body: paragraphsToDelta(paragraphs),
    kicker: '',
    summary: '',
    byline: '',
    source: '',
    place: '',
    publishedAt: null,
    tags: [],
  }) as unknown as Article

const withStyle = (style: Partial<Settings['houseStyle']>, more: Partial<Settings> = {}) =>
  withDefaults({ ...more, houseStyle: { ...defaultSettings.houseStyle, ...style } })

describe('one list of findings: house style and the content profile', () => {
  it('a clean article has none', () => {
    const clean = article('الحكومة تقرّ الموازنة', [
      'أقرّ مجلس الوزراء الموازنة، وقال إنها «تاريخية».',
    ])
    expect(articleFindings(clean, defaultSettings)).toEqual([])
  })

  it('numbers paragraphs from the headline (0) and skips the body’s empty lines', () => {
    const found = articleFindings(
      { ...article('عنوان  الخبر', []), body: { ops: [{ insert: 'أولى\n\nذهب الى البيت\n' }] } },
      defaultSettings,
    )
    expect(found.map((f) => [f.rule, f.field, f.paragraph, f.offset])).toEqual([
      ['double-space', 'headline', 0, 5],
      ['hamza-alef', 'body', 2, 4],
    ])
  })

  it('gives content-profile findings their own rule ids, as errors', () => {
    const found = articleFindings({ ...article('عنوان', []), section: '' }, defaultSettings)
    expect(found).toEqual([
      expect.objectContaining({ rule: 'profile-required', field: 'section', severity: 'error' }),
      expect.objectContaining({ rule: 'profile-empty-body', field: 'body', severity: 'error' }),
    ])
  })

  it('follows the newsroom: rules off, severities, its spellings, the headline limit', () => {
    const text = article('زيارة الى الموصل الحدباء', ['زار الوزير الموصل الى جانب كربلاء.'])
    const style = withStyle({
      off: ['hamza-alef'],
      severities: { 'house-spelling': 'error' },
      replacements: { كربلاء: 'كربلاء المقدسة' },
      headlineLimit: 10,
    })
    expect(articleFindings(text, style).map((f) => [f.rule, f.severity, f.suggestion])).toEqual([
      ['headline-length', 'warning', undefined],
      ['house-spelling', 'error', 'كربلاء المقدسة'],
    ])
  })

  it('finds a newsroom spelling once: the right form that holds the wrong one is not found', () => {
    const style = withStyle({ replacements: { كربلاء: 'كربلاء المقدسة', بغداد: 'مدينة بغداد' } })
    const text = article('عنوان', ['زار كربلاء المقدسة ومدينة بغداد ثم كربلاء وبغداد.'])
    expect(articleFindings(text, style).map((f) => [f.offset, f.suggestion])).toEqual([
      [35, 'كربلاء المقدسة'],
      [43, 'مدينة بغداد'],
    ])
  })
})

describe('readiness', () => {
  const flawed = article('الوزير يزور االقيادات', ['نص الخبر.'])

  it('blocks nothing by default: no rule is an error, the threshold is error', () => {
    expect(moveRefusalReasons(flawed, { to: 'ready' }, defaultSettings, new Date())).toEqual([])
  })

  it('refuses ready at the threshold without an override, and takes one', () => {
    const strict = withStyle({}, { readinessThreshold: 'warning' })
    expect(moveRefusalReasons(flawed, { to: 'ready' }, strict, new Date())).toEqual([
      {
        code: 'style-blocks-ready',
        field: 'override',
        params: { count: 1, threshold: 'warning' },
      },
    ])
    const overridden = { to: 'ready' as const, override: 'اسم كما يكتبه صاحبه' }
    expect(moveRefusalReasons(flawed, overridden, strict, new Date())).toEqual([])
    expect(moveRefusalReasons(flawed, { to: 'draft', note: 'أعده' }, strict, new Date())).toEqual(
      [],
    )
  })
})

describe('house rules in settings', () => {
  it('keeps the defaults for keys a stored file lacks', () => {
    expect(withDefaults({}).houseStyle).toEqual(defaultSettings.houseStyle)
    expect(withDefaults({}).readinessThreshold).toBe('error')
  })

  it('refuses what the checker cannot use', () => {
    const base = defaultSettings.houseStyle
    const refused = [
      { houseStyle: { ...base, off: ['no-such-rule'] } },
      { houseStyle: { ...base, severities: { tatweel: 'fatal' } } },
      { houseStyle: { ...base, replacements: { 'كلمتان هنا': 'كلمة' } } },
      { houseStyle: { ...base, replacements: { كلمة: '' } } },
      { houseStyle: { ...base, headlineLimit: 0 } },
      { readinessThreshold: 'never' },
    ]
    for (const patch of refused) {
      expect(settingsPatchSchema.safeParse(patch).success, JSON.stringify(patch)).toBe(false)
    }
    const taken = { houseStyle: { ...base, replacements: { الموصل: 'الموصل الحدباء' } } }
    expect(settingsPatchSchema.safeParse(taken).success).toBe(true)
  })
})
