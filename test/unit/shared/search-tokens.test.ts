import { describe, expect, it } from 'vitest'
import { lightStem, searchTokens } from '../../../shared/search-tokens.js'

/** Whether two texts are the same words to the search index. */
const same = (a: string, b: string) => expect(searchTokens(a)).toEqual(searchTokens(b))
const different = (a: string, b: string) => expect(searchTokens(a)).not.toEqual(searchTokens(b))

describe('search folding and light stemming', () => {
  const rules: [rule: string, alike: [string, string], unlike: [string, string]][] = [
    ['tashkeel dropped', ['الأمنيّة', 'الامنيه'], ['الأمنية', 'الامانه']],
    ['tatweel dropped', ['بغـــداد', 'بغداد'], ['بغداد', 'بغدان']],
    ['alef forms folded', ['إعلان أو آمال', 'اعلان او امال'], ['إعلان', 'علان']],
    ['ى as ي', ['مستشفى', 'مستشفي'], ['مستشفى', 'مستشف']],
    ['ة as ه', ['الموازنة', 'الموازنه'], ['الموازنة', 'الموازن']],
    ['Arabic-Indic and Persian digits as Latin', ['٢٠٢٦ ۲۰۲۶', '2026 2026'], ['٢٠٢٦', '2025']],
    [
      'NFC: decomposed hamza and madda',
      ['\u0627\u0653\u0645\u0627\u0644 \u0648\u0654', 'آمال ؤ'],
      ['آمال', 'امان'],
    ],
    ['bidi marks ignored inside words', ['بغ\u200fداد', 'بغداد'], ['بغ داد', 'بغداد']],
    ['ZWNJ and ZWJ ignored inside words', ['می\u200cخواهم', 'میخواهم'], ['می خواهم', 'میخواهم']],
    ['Persian ی and ک as ي and ك', ['کتاب یک', 'كتاب يك'], ['کتاب', 'كتان']],
    ['و comes off', ['والموازنة', 'الموازنة'], ['ولد', 'لد']],
    ['ف comes off', ['فالحكومة', 'الحكومة'], ['فم', 'م']],
    ['ب before ال comes off', ['بالموازنة', 'الموازنة'], ['بيت', 'يت']],
    ['ك before ال comes off', ['كالعادة', 'العادة'], ['كتاب', 'تاب']],
    ['ل before ال (لل) comes off', ['للموازنة', 'الموازنة'], ['لبنان', 'بنان']],
    ['ال comes off', ['الموازنة', 'موازنة'], ['الى', 'ى']],
  ]
  for (const [rule, alike, unlike] of rules) {
    it(rule, () => {
      same(...alike)
      different(...unlike)
    })
  }

  it('stems once: a stem is not stemmed again by the index', () => {
    expect(lightStem('والالتزام')).toBe('التزام')
    expect(searchTokens('والالتزام')).toEqual(['التزام'])
  })
})
