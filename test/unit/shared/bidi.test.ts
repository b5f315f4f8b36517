import { describe, expect, it } from 'vitest'
import { bidiPieces, firstStrong, hasLatinRun } from '../../../shared/bidi.js'

const isolated = (text: string) =>
  bidiPieces(text)
    .filter((piece) => piece.isolate)
    .map((piece) => piece.text)

describe('Latin runs inside Arabic text', () => {
  it('isolate each run with its own signs, brackets and quotes, and nothing else', () => {
    expect(isolated('قالت منظمة "OPEC+" إن الإنتاج ارتفع')).toEqual(['"OPEC+"'])
    expect(isolated('ذكرت شبكة (CNN).')).toEqual(['(CNN)'])
    expect(isolated('بنسبة 12% في الربع الأول')).toEqual(['12%'])
    expect(isolated('عبر شبكة Wi-Fi: مجانية')).toEqual(['Wi-Fi'])
    expect(
      isolated('راسلونا على news@midad.example، أو زوروا https://midad.example/ar/a?b=1.'),
    ).toEqual(['news@midad.example', 'https://midad.example/ar/a?b=1'])
    expect(isolated('نقلت Wall Street Journal وReuters, AP الخبر')).toEqual([
      'Wall Street Journal',
      'Reuters, AP',
    ])
    expect(isolated('الساعة 10:30 صباحًا')).toEqual(['10:30'])
    // Arabic-Indic digits and Arabic text are left as they are.
    expect(isolated('بنسبة ١٢٪ فقط')).toEqual([])
    expect(hasLatinRun('نص عربي خالص')).toBe(false)
    expect(hasLatinRun('نص فيه CNN')).toBe(true)
    // Asking first changes nothing for the next cut (a global regex would have moved on).
    expect(hasLatinRun('قالت "OPEC+"') && isolated('قالت "OPEC+"')).toEqual(['"OPEC+"'])
  })

  it('give the text back whole when joined', () => {
    for (const text of ['قالت "OPEC+" (CNN) و12%.', '"OPEC"', '(', 'نص', '']) {
      expect(
        bidiPieces(text)
          .map((piece) => piece.text)
          .join(''),
      ).toBe(text)
    }
  })

  it('know a paragraph by its first strong letter', () => {
    expect(firstStrong('«12» قال')).toBe('rtl')
    expect(firstStrong('12 – Reuters قال')).toBe('ltr')
    expect(firstStrong('12 – ')).toBeNull()
  })
})
