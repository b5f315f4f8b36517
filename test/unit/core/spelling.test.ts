import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.js'
import { createDispatch } from '../../../electron/core/dispatch.js'
import { lazySpeller } from '../../../electron/core/spelling-handlers.js'
import { loadSpeller, type Speller } from '../../../electron/core/spelling/speller.js'
import { projectDictionary } from '../../../electron/launch/build.js'
import { DeskFailure } from '../../../electron/core/failure.js'
import { tempDir } from '../temp-dir.js'

const lists = join(import.meta.dirname, '..', '..', 'fixtures', 'spelling')
const lines = (name: string) =>
  readFileSync(join(lists, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))

let speller: Speller
beforeAll(async () => {
  speller = await loadSpeller(projectDictionary)
})

describe('the shipped Arabic spellchecker (Hunspell in WebAssembly, Ayaspell)', () => {
  it('takes the words of news copy: 1 false alarm in 258 («مفخخة»)', () => {
    const words = lines('news-words.txt')
    expect(words.length).toBeGreaterThanOrEqual(250)
    const alarms = speller.misspelled(words)
    // Measured: 1 of 258 (0.4 %). The bound leaves room for nothing but a regression.
    expect(alarms.length / words.length).toBeLessThanOrEqual(0.01)
  })

  it('catches most common misspellings (51 of 60) and offers the right form for most', () => {
    const pairs = lines('misspellings.txt').map((line) => line.split(' = ') as [string, string])
    expect(pairs.length).toBeGreaterThanOrEqual(60)
    // Every right form is a word the dictionary knows: the list itself is sound.
    expect(speller.misspelled(pairs.map(([, right]) => right))).toEqual([])
    const caught = pairs.filter(([wrong]) => speller.isMisspelled(wrong))
    // Measured: 51 of 60 (85 %); Ayaspell takes some hamza-less forms (امس، اكثر), which the
    // hamza-alef house rule catches instead.
    expect(caught.length / pairs.length).toBeGreaterThanOrEqual(0.8)
    const offered = caught.filter(([wrong, right]) => speller.suggest(wrong).includes(right))
    expect(offered.length / caught.length).toBeGreaterThanOrEqual(0.9)
  })

  it('ignores diacritics and tatweel, as the dictionary says to', () => {
    expect(speller.isMisspelled('الحُكومة')).toBe(false)
    expect(speller.isMisspelled('الحكــومة')).toBe(false)
  })

  it('knows a newsroom word with the prefixes a name takes, and forgets it again', () => {
    expect(speller.misspelled(['سامراء', 'وسامراء', 'الكاظمي', 'للكاظمي'])).toEqual([
      'سامراء',
      'وسامراء',
    ])
    speller.know(['سامراء', 'العراق'])
    expect(speller.misspelled(['سامراء', 'وسامراء', 'بسامراء', 'سامراءء'])).toEqual(['سامراءء'])
    // A dictionary word given as a newsroom word is not removed with it.
    speller.know([])
    expect(speller.misspelled(['سامراء', 'وسامراء', 'العراق', 'والعراق'])).toEqual([
      'سامراء',
      'وسامراء',
    ])
  })
})

describe('the desk spells', () => {
  it('answers spelling.check and suggest, adds a word once, and validates its arguments', async () => {
    const dataDir = await tempDir()
    const desk = await openDesk({ dataDir, purpose: 'test', spellingDictionary: projectDictionary })
    try {
      const call = createDispatch(desk.handlers)
      const checked = await call('spelling.check', [{ words: ['الحكومه', 'الحكومة', 'سبايكر'] }])
      expect(checked).toEqual({ ok: true, value: { misspelled: ['الحكومه', 'سبايكر'] } })
      const suggested = await call('spelling.suggest', [{ word: 'الحكومه' }])
      expect(suggested).toMatchObject({
        ok: true,
        value: { suggestions: expect.arrayContaining(['الحكومة']) },
      })
      await call('spelling.addWord', [{ word: 'سبايكر' }])
      const twice = await call('spelling.addWord', [{ word: 'سبايكـر' }])
      expect(twice).toMatchObject({ ok: true, value: { newsroomWords: ['سبايكر'] } })
      const after = await call('spelling.check', [{ words: ['سبايكر', 'وسبايكر'] }])
      expect(after).toEqual({ ok: true, value: { misspelled: [] } })
      for (const bad of [[{ word: 'Spyker' }], [{ word: 'كلمتان هنا' }], [{}], ['سبايكر']]) {
        const refused = await call('spelling.addWord', bad)
        expect(refused.ok ? 'accepted' : refused.error.code, JSON.stringify(bad)).toBe(
          'invalid-input',
        )
      }
      const tooMany = await call('spelling.check', [{ words: Array(20_001).fill('كلمة') }])
      expect(tooMany.ok).toBe(false)
    } finally {
      await desk.close()
    }
  })

  it('says a dictionary it cannot load, every time, and never takes words as right', async () => {
    let attempts = 0
    const speller = lazySpeller(
      async () => {
        attempts++
        throw new Error('ENOENT: ar.dic')
      },
      () => [],
    )
    for (let i = 0; i < 2; i++) {
      const failure = await speller().catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(DeskFailure)
      expect((failure as DeskFailure).details).toEqual([
        { code: 'spelling-unavailable', params: { detail: 'ENOENT: ar.dic' } },
      ])
    }
    expect(attempts).toBe(2)
    const desk = await openDesk({ dataDir: await tempDir(), purpose: 'test' })
    try {
      const result = await createDispatch(desk.handlers)('spelling.check', [{ words: ['الحكومه'] }])
      expect(result).toMatchObject({
        ok: false,
        error: { details: [{ code: 'spelling-unavailable' }] },
      })
    } finally {
      await desk.close()
    }
  })
})
