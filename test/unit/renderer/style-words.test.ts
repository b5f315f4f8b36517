import { describe, expect, it } from 'vitest'
import {
  parseNewsroomWords,
  parseReplacements,
  replacementsText,
} from '../../../renderer/app/style-words.js'

describe('the house rules text boxes of Settings', () => {
  it('read the newsroom spellings back, and say the lines that are not «word = spelling»', () => {
    const text = replacementsText({ الموصل: 'الموصل', اربيل: 'أربيل' })
    expect(parseReplacements(`${text}\n\nكلمة بلا صواب\n= أربيل`)).toEqual({
      replacements: { الموصل: 'الموصل', اربيل: 'أربيل' },
      badLines: [4, 5],
    })
  })

  it('read the newsroom dictionary: one Arabic word a line, without tatweel, each once', () => {
    expect(parseNewsroomWords('سامراء\n  سبايكـر \n\nسامراء\nSpyker\nكلمتان هنا\n')).toEqual({
      words: ['سامراء', 'سبايكر'],
      badLines: [5, 6],
    })
  })
})
