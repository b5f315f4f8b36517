import { describe, expect, it } from 'vitest'
import { checkHouseStyle } from '../../../shared/house-style.js'
import {
  distinctWords,
  misspelledWords,
  spellingKey,
  spellingWords,
} from '../../../shared/spelling.js'

const keys = (text: string) => spellingWords(text).map((word) => word.key)

describe('the words the spellchecker reads', () => {
  it('takes Arabic words where they stand, in UTF-16 units of the text as stored', () => {
    const text = 'قال الوزيرُ: «الحكومة مستمرة».'
    expect(spellingWords(text)).toEqual([
      { offset: 0, length: 3, key: 'قال' },
      { offset: 4, length: 7, key: 'الوزير' },
      { offset: 14, length: 7, key: 'الحكومة' },
      { offset: 22, length: 6, key: 'مستمرة' },
    ])
    expect(text.slice(4, 11)).toBe('الوزيرُ')
  })

  it('leaves out single letters, Latin runs, numbers and what is joined to them', () => {
    expect(keys('و OPEC+ قالت 2024 الـ2024 iPhoneات www.example.com ه')).toEqual(['قالت'])
    expect(keys('اسم'.repeat(20))).toEqual([])
  })

  it('asks about a word once, without its diacritics and tatweel', () => {
    expect(spellingKey('الحُكــومة')).toBe('الحكومة')
    expect(distinctWords(['الحكومة والحكومة', 'الحُكومة', 'الشعب'])).toEqual([
      'الحكومة',
      'والحكومة',
      'الشعب',
    ])
  })

  it('marks the misspelled words with the spelling rule, and no word another rule marks', () => {
    const wrong = new Set(['الحكومه', 'الى', 'سامراء'])
    const misspelled = (key: string) => wrong.has(key)
    expect(misspelledWords('قالت الحكومه', misspelled)).toEqual([
      { rule: 'spelling', offset: 5, length: 7 },
    ])
    const findings = checkHouseStyle(['زيارة سامراء', 'ذهب الى الحكومه'], {}, misspelled)
    expect(findings.map((f) => [f.rule, f.paragraph, f.offset, f.severity])).toEqual([
      ['spelling', 0, 6, 'info'],
      ['hamza-alef', 1, 4, 'warning'],
      ['spelling', 1, 8, 'info'],
    ])
    expect(findings.find((f) => f.rule === 'spelling')).not.toHaveProperty('suggestion')
    // Off, or at another severity, as the newsroom says; without a spellchecker, no findings.
    const off = checkHouseStyle(['سامراء'], { off: ['spelling'] }, misspelled)
    expect(off).toEqual([])
    const errors = checkHouseStyle(['سامراء'], { severities: { spelling: 'error' } }, misspelled)
    expect(errors.map((f) => f.severity)).toEqual(['error'])
    expect(checkHouseStyle(['سامراء'])).toEqual([])
  })
})
