import { describe, expect, it } from 'vitest'
import { graphemes, safeFileStem, slugify, uniqueSlug } from '../../../shared/slug.js'

describe('slugs', () => {
  it('keep Arabic letters and drop tashkeel, tatweel and punctuation', () => {
    expect(slugify('الكاظمي: أدعو إلى تنسيق أكبر!')).toBe('الكاظمي-أدعو-إلى-تنسيق-أكبر')
    expect(slugify('عـــاجل: مُحَمَّدٌ يزور Paris في 2021')).toBe('عاجل-محمد-يزور-paris-في-2021')
    expect(slugify('\u200fخبر\u200b مهم\u202e')).toBe('خبر-مهم')
    expect(slugify('؟؟؟')).toBe('')
  })

  it('stop at 80 characters on a grapheme boundary', () => {
    const slug = slugify('خبر '.repeat(40) + 'e\u0301'.repeat(10))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug.endsWith('-')).toBe(false)
    const long = slugify('a'.repeat(79) + 'q\u0301')
    expect(long).toBe('a'.repeat(79))
    expect(graphemes(long).join('')).toBe(long)
  })

  it('are made unique with -2, -3', () => {
    expect(uniqueSlug('خبر', new Set())).toBe('خبر')
    expect(uniqueSlug('خبر', new Set(['خبر', 'خبر-2']))).toBe('خبر-3')
    expect(uniqueSlug('', new Set())).toBe('article')
  })
})

describe('file names', () => {
  it('never escape a folder or use reserved names and characters', () => {
    const hostile = [
      '../../etc/passwd',
      '..\\..\\Windows\\system32',
      'CON',
      'nul.txt',
      'LPT1',
      'a:b*c?d"e<f>g|h',
      '\u202Etxt.exe',
      '...',
      '',
      'name. ',
      '/absolute',
    ]
    for (const name of hostile) {
      const stem = safeFileStem(name)
      // eslint-disable-next-line no-control-regex -- control characters must not survive
      expect(stem, name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u202a-\u202e]/)
      expect(stem, name).not.toMatch(/^\.|[. ]$/)
      expect(stem.length, name).toBeGreaterThan(0)
      expect(/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem.split('.')[0] ?? ''), name).toBe(false)
    }
    expect(safeFileStem('الكاظمي-أدعو')).toBe('الكاظمي-أدعو')
  })
})
