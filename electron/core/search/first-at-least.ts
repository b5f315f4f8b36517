/** Where the first item not below `value` is in a sorted list (its length when there is none). */
export function firstAtLeast<T extends string | number>(items: ArrayLike<T>, value: T): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (items[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}
