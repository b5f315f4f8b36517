import { describe, expect, it } from 'vitest'
import { GlanceCache } from '../../../electron/core/search/glance-cache.js'

const glance = (id: string, words: number) => ({
  id,
  headline: 'عنوان',
  kicker: '',
  summary: '',
  tags: [],
  text: ['كلمة '.repeat(words)],
})

describe('the cache of what hits show', () => {
  it('reads an article once while it is unchanged, and again when it changed', () => {
    const cache = new GlanceCache(10_000)
    let reads = 0
    const read = () => (reads++, glance('a', 10))
    const first = cache.get('a', 't1', read)
    first!.normalized[0] = 'مطبعة'
    expect(cache.get('a', 't1', read)).toBe(first)
    expect(reads).toBe(1)
    // Changed since: read again, and the old normalised paragraphs are not carried over.
    expect(cache.get('a', 't2', read)?.normalized).toEqual([])
    expect(reads).toBe(2)
  })

  it('keeps no more characters than its budget, the least lately shown going first', () => {
    // Each article is 5 + 2 × 500 characters: two fit in 2,500, three do not.
    const cache = new GlanceCache(2_500)
    let reads = 0
    const read = (id: string) => () => (reads++, glance(id, 100))
    cache.get('a', 't', read('a'))
    cache.get('b', 't', read('b'))
    cache.get('a', 't', read('a'))
    cache.get('c', 't', read('c'))
    expect(reads).toBe(3)
    cache.get('a', 't', read('a'))
    expect(reads).toBe(3)
    cache.get('b', 't', read('b'))
    expect(reads).toBe(4)
  })

  it('keeps nothing of an article it could not read', () => {
    const cache = new GlanceCache()
    let reads = 0
    expect(cache.get('a', 't', () => (reads++, null))).toBeNull()
    expect(cache.get('a', 't', () => (reads++, null))).toBeNull()
    expect(reads).toBe(2)
  })
})
