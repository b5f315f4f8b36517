import { type Postings, isHeadlineWeight } from './postings.js'
import type { Segment } from './segment.js'

/** Scores run from 0 (every word in the headline, at its start) to 255 (late in the body). */
const scores = 256

/** The articles a query matched, by score, before they are checked against the library. */
export class Matches {
  private readonly buckets: number[][] = Array.from({ length: scores }, () => [])
  /** Lists decoded once per search, however many endings of the last word are tried. */
  private readonly decoded = new Map<Segment, Map<string, Postings | null>>()

  /**
   * Adds every article of the parts holding all `terms`, scored by where they stand: below 128
   * when each is in the headline, plus how early the latest of them first appears.
   */
  add(segments: readonly Segment[], terms: readonly string[]): void {
    for (const segment of segments) {
      const lists: Postings[] = []
      for (const term of terms) {
        const list = this.postings(segment, term)
        if (!list) break
        lists.push(list)
      }
      if (lists.length === terms.length && lists.length > 0) this.intersect(lists)
    }
  }

  private postings(segment: Segment, term: string): Postings | null {
    let lists = this.decoded.get(segment)
    if (!lists) this.decoded.set(segment, (lists = new Map()))
    if (!lists.has(term)) lists.set(term, segment.postings(term))
    return lists.get(term)!
  }

  /** The articles in every list (each in rising number order), walked from the shortest. */
  private intersect(lists: Postings[]): void {
    lists.sort((a, b) => a.numbers.length - b.numbers.length)
    const at = new Array<number>(lists.length).fill(0)
    const shortest = lists[0]!
    outer: for (let n = 0; n < shortest.numbers.length; n++) {
      const number = shortest.numbers[n]!
      let latest = shortest.weights[n]! & 127
      let headline = isHeadlineWeight(shortest.weights[n]!)
      for (let l = 1; l < lists.length; l++) {
        const { numbers, weights } = lists[l]!
        let i = at[l]!
        while (i < numbers.length && numbers[i]! < number) i++
        at[l] = i
        if (i === numbers.length) break outer
        if (numbers[i] !== number) continue outer
        latest = Math.max(latest, weights[i]! & 127)
        headline &&= isHeadlineWeight(weights[i]!)
      }
      this.buckets[(headline ? 0 : 128) + latest]!.push(number)
    }
  }

  /**
   * Up to `reach` articles that `accept` takes (alive, and through the filters), best first:
   * by score then newest, or newest only. An article matched by several endings counts once,
   * at its best score. Numbers rise as articles change, so the highest is the newest.
   */
  best(
    reach: number,
    sort: 'relevance' | 'newest',
    accept: (number: number) => boolean,
  ): { number: number; score: number }[] {
    const chosen: { number: number; score: number }[] = []
    const seen = new Set<number>()
    const take = (number: number, score: number) => {
      if (seen.has(number)) return
      seen.add(number)
      if (accept(number)) chosen.push({ number, score })
    }
    if (sort === 'newest') {
      const all: { number: number; score: number }[] = []
      this.buckets.forEach((bucket, score) => {
        for (const number of bucket) all.push({ number, score })
      })
      all.sort((a, b) => b.number - a.number || a.score - b.score)
      for (const { number, score } of all) {
        if (chosen.length >= reach) break
        take(number, score)
      }
      return chosen
    }
    for (let score = 0; score < scores && chosen.length < reach; score++) {
      const bucket = this.buckets[score]!.sort((a, b) => b - a)
      for (let n = 0; n < bucket.length && chosen.length < reach; n++) take(bucket[n]!, score)
    }
    return chosen
  }
}
