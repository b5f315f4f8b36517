/**
 * A term's postings, as the index keeps them in memory and on disk: for each article holding
 * the term, in rising article-number order, the gap from the previous number as a varint
 * (seven bits a byte, the high bit saying another byte follows), then one weight byte. At
 * 100,000 articles a posting is two to three bytes, against nine in FlexSearch's arrays.
 */
export interface Postings {
  numbers: Uint32Array
  weights: Uint8Array
}

/** A posting list that cannot be decoded: the index file is damaged, and is built again. */
export class DamagedPostings extends Error {}

/**
 * How well a term stands in an article, lower first: a term of the headline below 128, then how
 * early its first appearance is (word by word for the first 64, then by sixteen).
 */
export function weightOf(inHeadline: boolean, position: number): number {
  const early = position < 64 ? position : Math.min(127, 64 + ((position - 64) >> 4))
  return (inHeadline ? 0 : 128) | early
}

export function isHeadlineWeight(weight: number): boolean {
  return weight < 128
}

/** A growing posting list of one term (the newest articles, in memory). */
export class PostingsWriter {
  bytes = new Uint8Array(16)
  length = 0
  count = 0
  private last = 0

  add(number: number, weight: number): void {
    if (number <= this.last && this.count > 0) throw new Error('postings out of order')
    if (this.bytes.length - this.length < 6) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes.subarray(0, this.length))
      this.bytes = grown
    }
    let gap = number - this.last
    while (gap >= 0x80) {
      this.bytes[this.length++] = (gap & 0x7f) | 0x80
      gap >>>= 7
    }
    this.bytes[this.length++] = gap
    this.bytes[this.length++] = weight
    this.last = number
    this.count++
  }
}

/** Decodes `count` postings from `bytes`; throws DamagedPostings when they do not fit. */
export function decodePostings(bytes: Uint8Array, count: number): Postings {
  const numbers = new Uint32Array(count)
  const weights = new Uint8Array(count)
  let at = 0
  let number = 0
  for (let n = 0; n < count; n++) {
    let gap = 0
    let shift = 0
    let byte: number
    do {
      if (at >= bytes.length || shift > 28)
        throw new DamagedPostings('a posting runs past its list')
      byte = bytes[at++]!
      gap += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    if (at >= bytes.length || gap === 0) {
      throw new DamagedPostings('a posting has no weight or repeats its article')
    }
    number += gap
    numbers[n] = number
    weights[n] = bytes[at++]!
  }
  if (at !== bytes.length) throw new DamagedPostings('a posting list is longer than its count')
  return { numbers, weights }
}

/** Postings re-encoded without the articles `keep` refuses (a merge drops replaced articles). */
export function encodePostings(
  postings: Postings,
  keep: (number: number) => boolean,
  into: PostingsWriter = new PostingsWriter(),
): PostingsWriter {
  for (let n = 0; n < postings.numbers.length; n++) {
    const number = postings.numbers[n]!
    if (keep(number)) into.add(number, postings.weights[n]!)
  }
  return into
}
