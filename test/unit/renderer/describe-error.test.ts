import { describe, expect, it } from 'vitest'
import { reasonCodes } from '../../../shared/reasons.js'
import { fail } from '../../../shared/result.js'
import { ar } from '../../../renderer/i18n/ar.js'
import { en } from '../../../renderer/i18n/en.js'
import { stateLabel } from '../../../renderer/i18n/i18n.js'
import {
  describeError,
  failureKinds,
  reasonKey,
  reasonWords,
} from '../../../renderer/app/describe-error.js'
import { defaultSettings } from '../../../shared/settings.js'
import { moveRefusalReasons } from '../../../shared/workflow.js'
import { newArticle } from '../../../electron/core/articles.js'

const errorOf = (result: ReturnType<typeof fail>) => {
  if (result.ok) throw new Error('expected a failure')
  return result.error
}

describe('reasons worded by the UI', () => {
  it('has a word for every reason and every kind of failure, in both dictionaries', () => {
    for (const words of [ar, en]) {
      for (const code of reasonCodes) expect(words[reasonKey(code)], code).toBeTruthy()
      for (const kind of failureKinds) {
        const key = `failure_${kind.replace(/-(\w)/g, (_, l: string) => l.toUpperCase())}`
        expect(words[key as keyof typeof ar], kind).toBeTruthy()
      }
    }
  })

  it('words a refused move in Arabic from its details, not its English reasons', () => {
    const article = newArticle('a1b2c3d4e5f6', { headline: '' }, { at: new Date(), by: 'x' })
    const reasons = moveRefusalReasons(
      { ...article, state: 'in_review' },
      { to: 'ready' },
      defaultSettings,
      new Date(),
    )
    const error = errorOf(fail('refused', 'cannot move', ['headline is required'], reasons))
    const text = describeError(ar, error)
    expect(text).toContain('لم يُقبل الطلب')
    expect(text).toContain('حقل «العنوان» مطلوب')
    expect(text).not.toMatch(/[a-z]{3}/)
    expect(describeError(en, error)).toContain('«Headline» is required')
  })

  it('fills values and words states, and falls back to the message without details', () => {
    expect(
      reasonWords(ar, { code: 'move-not-allowed', params: { from: 'draft', to: 'exported' } }),
    ).toBe(`لا يُنقل المقال من «${stateLabel(ar, 'draft')}» إلى «${stateLabel(ar, 'exported')}»`)
    expect(
      reasonWords(ar, { code: 'not-saved', params: { what: 'x', why: 'disk-full', detail: '' } }),
    ).toBe('لم يُحفظ: القرص ممتلئ؛ النسخة السابقة سليمة')
    expect(describeError(ar, errorOf(fail('io', 'plain English', ['one'])))).toBe(
      'plain English — one',
    )
  })
})
