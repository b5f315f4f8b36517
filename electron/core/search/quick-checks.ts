import type { TermsFile } from './disk-segment.js'
import { segmentName } from './disk-segment.js'

// A search index's manifest and terms files hold an entry per article or per term (100,000 and
// more): these say exactly what their schemas say (test/unit/core/search-quick-checks.test.ts
// holds them to it) without zod's time or its copies. See QuickCheck.

/** `search/g<N>/manifest.json` (index-files.ts has its schema). */
export interface Manifest {
  version: 5
  next: number
  /** Article id, its `updatedAt` when indexed, its number. */
  docs: [string, string, number][]
  parts: string[]
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const hasExactly = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(value).length === keys.length && keys.every((key) => Object.hasOwn(value, key))
const isCount = (value: unknown, least: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= least

function everyOf(value: unknown, check: (item: unknown) => boolean): value is unknown[] {
  if (!Array.isArray(value)) return false
  for (const item of value) if (!check(item)) return false
  return true
}

const isDoc = (doc: unknown) =>
  Array.isArray(doc) &&
  doc.length === 3 &&
  typeof doc[0] === 'string' &&
  typeof doc[1] === 'string' &&
  isCount(doc[2], 1)

const manifestKeys = ['version', 'next', 'docs', 'parts']

/** Whether a value is a manifest as `manifestSchema` has it. */
export function isManifest(value: unknown): value is Manifest {
  return (
    isObject(value) &&
    hasExactly(value, manifestKeys) &&
    value.version === 5 &&
    isCount(value.next, 1) &&
    everyOf(value.docs, isDoc) &&
    everyOf(value.parts, (part) => typeof part === 'string' && segmentName.test(part))
  )
}

const termsKeys = [
  'version',
  'docs',
  'first',
  'last',
  'bytes',
  'terms',
  'counts',
  'offsets',
  'texts',
]

/** Whether a value is a part's terms file as `termsFileSchema` has it. */
export function isTermsFile(value: unknown): value is TermsFile {
  return (
    isObject(value) &&
    hasExactly(value, termsKeys) &&
    value.version === 2 &&
    isCount(value.docs, 0) &&
    isCount(value.first, 0) &&
    isCount(value.last, 0) &&
    isCount(value.bytes, 0) &&
    isCount(value.texts, 0) &&
    everyOf(value.terms, (term) => typeof term === 'string') &&
    everyOf(value.counts, (count) => isCount(count, 1)) &&
    everyOf(value.offsets, (offset) => isCount(offset, 0))
  )
}
