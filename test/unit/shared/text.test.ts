import { describe, expect, it } from 'vitest'
import {
  findAll,
  findTerms,
  foldForSearch,
  foldedForSearch,
  searchTerms,
} from '../../../shared/search-text.js'
import { textStats } from '../../../shared/text-stats.js'
import { editorAction, houseQuote, isLibrarySearch } from '../../../renderer/editor/shortcuts.js'

describe('search folding', () => {
  it('folds alef forms, ى, ة, digits, and drops tashkeel and tatweel', () => {
    expect(foldForSearch('أإآٱ ى ة ١٢ مُحَمَّـد').folded).toBe('اااا ي ه 12 محمد')
  })

  it('folds the same in one pass over a whole text as character by character', () => {
    const text = 'أإآٱ ى ة ١٢ ۳ مُحَمَّـد Baghdad IRAQ «الأجهزة الأمنيّة» ٢٠٢١'
    expect(foldedForSearch(text)).toBe(foldForSearch(text).folded)
    expect(foldedForSearch('مُحَمَّـد ١٢')).toBe('محمد 12')
  })

  it('splits a search into words and quoted phrases, and marks each in a text', () => {
    expect(searchTerms(' الكاظمي  "تنسيق   أمني" «القوات المسلحة» ـ ')).toEqual([
      'الكاظمي',
      'تنسيق أمني',
      'القوات المسلحة',
    ])
    const text = 'تنسيق أمني أكبر بين القوات'
    expect(findTerms(text, ['امني', 'تنسيق امني', 'القوات'])).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 26 },
    ])
  })

  it('finds matches in the original text, marks included', () => {
    const text = 'قال مُحَمَّدٌ إن أحمد وصل'
    expect(findAll(text, 'محمد', { ignoreMarks: true })).toEqual([{ start: 4, end: 13 }])
    expect(text.slice(4, 13)).toBe('مُحَمَّدٌ')
    expect(
      findAll(text, 'احمد', { ignoreMarks: true }).map((m) => text.slice(m.start, m.end)),
    ).toEqual(['أحمد'])
    expect(findAll(text, 'احمد', { ignoreMarks: false })).toEqual([])
    expect(findAll('باب باب', 'باب', { ignoreMarks: false })).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 7 },
    ])
    expect(findAll('نص', '', { ignoreMarks: true })).toEqual([])
  })
})

describe('counts', () => {
  it('counts Arabic words, graphemes without spaces, and minutes at 180 words', () => {
    expect(textStats('')).toEqual({ words: 0, characters: 0, minutes: 0 })
    expect(textStats('مُحَمَّد يكتب - 2021')).toEqual({ words: 3, characters: 13, minutes: 1 })
    expect(textStats('كلمة '.repeat(900)).minutes).toBe(5)
  })
})

describe('editor shortcuts', () => {
  const press = (
    code: string,
    extra: Partial<{ shiftKey: boolean; metaKey: boolean; ctrlKey: boolean; altKey: boolean }> = {},
  ) => ({
    code,
    ctrlKey: true,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...extra,
  })

  it('match the physical key, so an Arabic layout works', () => {
    expect(editorAction(press('KeyB'), false)).toBe('bold')
    expect(editorAction(press('KeyZ', { shiftKey: true }), false)).toBe('redo')
    expect(editorAction(press('KeyX', { shiftKey: true }), false)).toBe('direction')
    expect(editorAction(press('KeyX'), false)).toBeNull()
    expect(editorAction(press('KeyB', { altKey: true }), false)).toBeNull()
    expect(editorAction(press('KeyB', { ctrlKey: false, metaKey: true }), true)).toBe('bold')
    expect(editorAction(press('KeyB'), true)).toBeNull()
  })

  it('send Ctrl+Shift+F to the library search, and leave Ctrl+F to find in the text', () => {
    expect(isLibrarySearch(press('KeyF', { shiftKey: true }), false)).toBe(true)
    expect(isLibrarySearch(press('KeyF'), false)).toBe(false)
    expect(editorAction(press('KeyF'), false)).toBe('find')
    expect(editorAction(press('KeyF', { shiftKey: true }), false)).toBeNull()
    expect(
      isLibrarySearch(press('KeyF', { shiftKey: true, ctrlKey: false, metaKey: true }), true),
    ).toBe(true)
    expect(isLibrarySearch(press('KeyF', { shiftKey: true, altKey: true }), false)).toBe(false)
  })

  it('give the house quotes', () => {
    expect(houseQuote('straight', 'قال ')).toBe('"')
    expect(houseQuote('guillemets', '')).toBe('«')
    expect(houseQuote('guillemets', 'قال ')).toBe('«')
    expect(houseQuote('guillemets', 'قال «نعم')).toBe('»')
    // After a one-letter prefix at a word's start: و«لا», then closed at the word's end.
    for (const prefix of ['و', 'ف', 'ب', 'ك', 'ل']) {
      expect(houseQuote('guillemets', `قال ${prefix}`), prefix).toBe('«')
      expect(houseQuote('guillemets', prefix), prefix).toBe('«')
    }
    expect(houseQuote('guillemets', 'قال و«لا')).toBe('»')
    // A word that merely ends in one of those letters is closed, not opened.
    expect(houseQuote('guillemets', 'قال «هو')).toBe('»')
    // Nested: inside «…» the inner pair is “…”, then the outer one closes.
    expect(houseQuote('guillemets', 'قال «إن ')).toBe('“')
    expect(houseQuote('guillemets', 'قال «إن “الخطة')).toBe('”')
    expect(houseQuote('guillemets', 'قال «إن “الخطة” جاهزة')).toBe('»')
  })
})
