import { describe, expect, it } from 'vitest'
import { checkArticle, defaultContentProfile, rulesFor } from '../../../shared/content-profile.js'
import { contract } from '../../../shared/contract.js'
import { defaultSettings, withDefaults } from '../../../shared/settings.js'

const sections = defaultSettings.sections
const ok = { headline: 'عنوان', section: 'العراق', text: ['فقرة'] }

describe('the content profile', () => {
  it('passes an article that meets the default rules', () => {
    expect(checkArticle(ok, defaultContentProfile, sections)).toEqual([])
  })

  it('counts graphemes, not UTF-16 units, against the headline limit', () => {
    const sixtyFour = 'دً'.repeat(64)
    expect(sixtyFour.length).toBe(128)
    expect(checkArticle({ ...ok, headline: sixtyFour }, defaultContentProfile, sections)).toEqual(
      [],
    )
    expect(
      checkArticle({ ...ok, headline: `${sixtyFour}ب` }, defaultContentProfile, sections),
    ).toEqual([expect.objectContaining({ field: 'headline', rule: 'max', limit: 64, actual: 65 })])
  })

  it('lists every reason at once', () => {
    const findings = checkArticle(
      { headline: ' ', section: 'رياضة الإلكترونية', summary: 'م'.repeat(161), text: [] },
      defaultContentProfile,
      sections,
    )
    expect(findings.map((f) => `${f.field}:${f.rule}`).sort()).toEqual([
      'body:empty-body',
      'headline:required',
      'section:unknown-section',
      'summary:max',
    ])
    expect(checkArticle({ ...ok, section: '' }, defaultContentProfile, sections)).toEqual([
      expect.objectContaining({ field: 'section', rule: 'required' }),
    ])
  })

  it('applies a section’s own rules over the defaults', () => {
    const profile = {
      ...defaultContentProfile,
      sections: {
        رياضة: { byline: { required: true, max: null }, headline: { required: true, max: 40 } },
      },
    }
    expect(rulesFor(profile, 'رياضة').byline.required).toBe(true)
    expect(rulesFor(profile, 'العراق').byline.required).toBe(false)
    const findings = checkArticle(
      { ...ok, section: 'رياضة', headline: 'ع'.repeat(41) },
      profile,
      sections,
    )
    expect(findings.map((f) => `${f.field}:${f.rule}`).sort()).toEqual([
      'byline:required',
      'headline:max',
    ])
  })

  it('is validated when settings change, and filled in from defaults when read', () => {
    const args = contract['settings.update'].args
    expect(args.safeParse([{ contentProfile: defaultContentProfile }]).success).toBe(true)
    const broken = {
      ...defaultContentProfile,
      rules: { ...defaultContentProfile.rules, headline: { required: 'yes', max: 0 } },
    }
    expect(args.safeParse([{ contentProfile: broken }]).success).toBe(false)
    const partial = withDefaults({ contentProfile: { rules: {}, sections: {} } } as never)
    expect(partial.contentProfile.rules.headline).toEqual({ required: true, max: 64 })
  })
})
