import { describe, expect, it } from 'vitest'
import { reason, reasonCodes } from '../../../shared/reasons.js'
import { ar } from '../../../renderer/i18n/ar.js'
import { en } from '../../../renderer/i18n/en.js'
import { reasonWords } from '../../../renderer/app/describe-error.js'
import { settingsProblem } from '../../../renderer/app/settings-problems.js'
import { zoneChoices, zoneName } from '../../../renderer/i18n/time-zones.js'
import { formatNumber, formatWhen } from '../../../renderer/i18n/i18n.js'
import { noticeText } from '../../../renderer/app/NoticesBanner.js'
import { damageReasons } from '../../../shared/damage.js'

/**
 * Latin left in a text once its values, file kinds and addresses are taken out: what an Arabic
 * sentence must not hold (a word of English, a field path like 0.siteAddress).
 */
const allowed =
  /\{\w+\}|https?:\/\/\S*|\b(PNG|JPEG|GIF|WebP|UTF-8|DOCX|PDF|HTML|h1|JSON|RSS|Feed|NINJS|Markdown|txt|md|html|docx|json|zip|library\.json|backups|news\.example|slug|http|https|mailto|Word|npm|run|serve|start|token|English)\b/g
const latinWords = (text: string) => text.replace(allowed, '').match(/[A-Za-z]{2,}/g) ?? []

describe('the Arabic desk speaks Arabic', () => {
  it('words every reason the desk gives without a Latin word, its values in place', () => {
    for (const code of reasonCodes) {
      const worded = reasonWords(ar, reason(code, { value: '٣', line: 3 }, 'headline'))
      expect(latinWords(worded), `${code}: ${worded}`).toEqual([])
    }
  })

  it('has no English sentence anywhere in the Arabic dictionary', () => {
    for (const [key, text] of Object.entries(ar)) expect(latinWords(text), key).toEqual([])
    // The canary: the same check finds the English dictionary's words.
    expect(latinWords(en.reason_returnNeedsNote).length).toBeGreaterThan(2)
  })

  it('names a bad setting by its label and says what it takes, never its path', () => {
    const problem = settingsProblem(
      ar,
      reason('invalid-argument', { issue: 'invalid_format' }, '0.siteAddress'),
    )
    expect(problem).toContain('«عنوان الموقع»')
    expect(problem).toContain('https://')
    expect(problem).not.toContain('0.')
    expect(settingsProblem(ar, reason('invalid-argument', {}, '0.sections.3'))).toContain('الأقسام')
  })

  it('names time zones by their city in Arabic, and lists the region first', () => {
    expect(zoneName('Asia/Baghdad', 'ar')).toBe('بغداد (توقيت العراق)')
    expect(zoneName('Asia/Baghdad', 'en')).toBe('Baghdad (Iraq Time)')
    expect(zoneName('Asia/Beirut', 'ar')).toMatch(/^بيروت/)
    const choices = zoneChoices('Asia/Baghdad', 'ar')
    expect(choices[0]).toEqual({ zone: 'Asia/Baghdad', name: 'بغداد (توقيت العراق)' })
    expect(new Set(choices.map((c) => c.zone)).size).toBe(choices.length)
  })

  it('writes numbers and times in the chosen digits, months by their Levantine names', () => {
    expect(formatNumber(1234, 'ar', 'arab')).toBe('١٬٢٣٤')
    expect(formatNumber(6, 'ar', 'latin')).toBe('6')
    const when = formatWhen('2021-06-17T04:15:00Z', 'ar', 'Asia/Baghdad', 'arab')
    expect(when).toContain('حزيران')
    expect(when).toContain('١٧')
    expect(when).toMatch(/٧:١٥\s?ص/)
  })

  it('words what a damaged file suffered, keeping only a parser’s own message as it was', () => {
    for (const reason of Object.values(damageReasons)) {
      const text = noticeText(ar, {
        kind: 'file-quarantined',
        path: 'a.json',
        quarantined: null,
        reason,
      })
      expect(latinWords(text.replace('a.json', '')), text).toEqual([])
    }
    const parsed = noticeText(ar, {
      kind: 'index-damaged',
      quarantined: null,
      reason: `${damageReasons.notJson} (Unexpected token x)`,
    })
    expect(parsed).toContain('الملف ليس JSON صالحًا: Unexpected token x')
  })
})
