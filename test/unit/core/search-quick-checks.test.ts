import { describe, expect, it } from 'vitest'
import { termsFileSchema } from '../../../electron/core/search/disk-segment.js'
import { manifestSchema } from '../../../electron/core/search/index-files.js'
import { isManifest, isTermsFile } from '../../../electron/core/search/quick-checks.js'

// Values JSON can hold, each wrong (or right) for some field.
const values: unknown[] = [
  undefined,
  null,
  '',
  's3',
  's',
  'x3',
  0,
  1,
  -1,
  1.5,
  2 ** 53,
  2 ** 53 - 1,
  5,
  4,
  2,
  true,
  [],
  ['a'],
  [1],
  [0],
  ['a', 'b', 1],
  ['a', 'b', 0],
  ['a', 'b', 1, 2],
  ['a', 1, 1],
  [['a', 'b', 1]],
  [['a', 'b', 1.5]],
  [['a', 'b', 0]],
  [['a', 1, 1]],
  [[1, 'b', 1]],
  [['a', 'b', 1, 2]],
  [['a', 'b', 1], 'c'],
  [0, 1],
  [-1],
  [['a', 'b']],
  [
    ['a', 'b', 1],
    ['c', 'd', 2],
  ],
  ['s1', 's22'],
  ['s1', 'segment'],
  {},
]

/** The base, each key set to each value, each key left out, and one key too many. */
function variants(base: Record<string, unknown>): unknown[] {
  const all: unknown[] = [base, null, [], 'text', 1]
  for (const key of Object.keys(base)) {
    for (const value of values) all.push({ ...base, [key]: value })
    const rest = { ...base }
    delete rest[key]
    all.push(rest)
  }
  all.push({ ...base, extra: 1 })
  return all
}

/** Every variant of `base` judged by the quick check as by the schema; both ways tried. */
function agrees(
  check: (value: unknown) => boolean,
  schema: { safeParse(value: unknown): { success: boolean } },
  base: Record<string, unknown>,
) {
  const cases = variants(base)
  let accepted = 0
  for (const value of cases) {
    const zod = schema.safeParse(value).success
    expect(check(value), JSON.stringify(value)).toBe(zod)
    if (zod) accepted++
  }
  // Some variants pass, most do not.
  expect(accepted).toBeGreaterThan(5)
  expect(accepted).toBeLessThan(cases.length / 2)
}

describe('the quick checks of the search index files', () => {
  it('say of a manifest exactly what its schema says', () => {
    agrees(isManifest, manifestSchema, {
      version: 5,
      next: 3,
      docs: [['abc', '2026-01-01', 1]],
      parts: ['s1'],
    })
  })

  it('say of a terms file exactly what its schema says', () => {
    agrees(isTermsFile, termsFileSchema, {
      version: 2,
      docs: 2,
      first: 1,
      last: 2,
      bytes: 4,
      terms: ['a'],
      counts: [1],
      offsets: [0, 4],
      texts: 20,
    })
  })
})
