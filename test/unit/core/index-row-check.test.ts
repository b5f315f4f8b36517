import { describe, expect, it } from 'vitest'
import { isIndexRow, isIndexSnapshot } from '../../../electron/core/storage/index-row-check.js'
import { indexRowSchema, indexSnapshotSchema } from '../../../shared/stored-schemas.js'

const row = {
  id: 'abcdefgh1234',
  headline: 'عنوان',
  section: 'سياسة',
  state: 'draft',
  byline: '',
  slug: 'عنوان',
  publishedAt: null,
  updatedAt: '2026-12-01T09:00:00.000Z',
  priority: 3,
  scheduledAt: null,
  publishError: null,
  tags: ['أ'],
  stamp: { size: 10, mtimeMs: 1.7e12, ino: 42 },
}

/** Every way of getting one key wrong (or right) that the quick check must judge as zod does. */
const variants: [string, unknown][] = [['as is', row]]
const values: unknown[] = [
  undefined,
  null,
  '',
  'x',
  0,
  -1,
  1.5,
  7,
  6,
  1,
  true,
  [],
  ['a', 1],
  {},
  'in_review',
  'published',
  'ABCDEFGH1234',
  'abc',
  'a'.repeat(33),
  '2026-12-01T09:00:00Z',
]
for (const key of Object.keys(row)) {
  for (const value of values) {
    const changed: Record<string, unknown> = { ...row }
    if (value === undefined) delete changed[key]
    else changed[key] = value
    variants.push([`${key} = ${JSON.stringify(value)}`, changed])
  }
}
for (const value of values) {
  for (const key of ['size', 'mtimeMs', 'ino']) {
    const stamp: Record<string, unknown> = { ...row.stamp }
    if (value === undefined) delete stamp[key]
    else stamp[key] = value
    variants.push([`stamp.${key} = ${JSON.stringify(value)}`, { ...row, stamp }])
  }
}
variants.push(['an extra key', { ...row, extra: 1 }])
variants.push(['an extra stamp key', { ...row, stamp: { ...row.stamp, dev: 1 } }])
variants.push(['an array', [row]])
variants.push(['null', null])

describe('the quick check of library.json', () => {
  it.each(variants)('judges a row as the schema does: %s', (_label, value) => {
    expect(isIndexRow(value)).toBe(indexRowSchema.safeParse(value).success)
  })

  it('judges a snapshot as the schema does', () => {
    const snapshots: unknown[] = [
      { version: 2, generation: 0, articles: [row] },
      { version: 2, generation: 3, articles: [] },
      { version: 1, generation: 0, articles: [] },
      { version: 2, generation: -1, articles: [] },
      { version: 2, generation: 1.5, articles: [] },
      { version: 2, articles: [] },
      { version: 2, generation: 0, articles: [row], more: true },
      { version: 2, generation: 0, articles: [{ ...row, priority: 0 }] },
      { version: 2, generation: 0, articles: {} },
    ]
    for (const snapshot of snapshots)
      expect(isIndexSnapshot(snapshot)).toBe(indexSnapshotSchema.safeParse(snapshot).success)
    // Not every snapshot passes: the check can refuse.
    expect(snapshots.filter(isIndexSnapshot)).toHaveLength(2)
  })
})
